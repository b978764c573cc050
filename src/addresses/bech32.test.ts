import { bech32, bech32m } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { bech32Prefix, normaliseBech32 } from './bech32.js';

// From OFAC's XBT list: a P2WPKH (42 chars) and a P2WSH (62 chars) address.
const P2WPKH = 'bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw';
const P2WSH = 'bc1q4rzdtlt0uslyw86cp29sctl6ct29g9a95cuup7pn5md9ddj7xgmqpp5m73';
// BIP-350 test vector (taproot, bech32m).
const TAPROOT = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';

describe('normaliseBech32', () => {
  it.each([P2WPKH, P2WSH, TAPROOT])('validates %s', (address) => {
    expect(normaliseBech32(address)).toEqual({ address, chain: 'bitcoin', family: 'bech32', valid: true });
  });

  it('stores an upper-case address in lower case', () => {
    expect(normaliseBech32(P2WPKH.toUpperCase())).toMatchObject({ address: P2WPKH, valid: true });
  });

  it('rejects mixed case', () => {
    const mixed = P2WPKH.slice(0, 10) + P2WPKH.slice(10).toUpperCase();
    expect(normaliseBech32(mixed)).toMatchObject({ valid: false, problem: 'bech32 address mixes upper and lower case' });
  });

  it('rejects a changed character (checksum)', () => {
    const changed = P2WPKH.slice(0, -1) + (P2WPKH.endsWith('q') ? 'p' : 'q');
    expect(normaliseBech32(changed)).toMatchObject({ valid: false, problem: 'bech32 checksum mismatch or invalid character' });
  });

  it('rejects witness version 0 written with bech32m and version 1 written with bech32 (BIP-350)', () => {
    const program = bech32.toWords(new Uint8Array(20).fill(7));
    expect(normaliseBech32(bech32m.encode('bc', [0, ...program])).problem).toMatch(/version 0 must use bech32/);
    const program32 = bech32.toWords(new Uint8Array(32).fill(7));
    expect(normaliseBech32(bech32.encode('bc', [1, ...program32])).problem).toMatch(/must use bech32m/);
  });

  it('maps the Litecoin prefix', () => {
    const ltc = bech32.encode('ltc', [0, ...bech32.toWords(new Uint8Array(20).fill(1))]);
    expect(normaliseBech32(ltc)).toMatchObject({ chain: 'litecoin', valid: true });
  });
});

describe('bech32Prefix', () => {
  it('finds known prefixes only', () => {
    expect(bech32Prefix('BC1QXYZ')).toBe('bc');
    expect(bech32Prefix('ltc1qxyz')).toBe('ltc');
    expect(bech32Prefix('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBeUndefined();
    expect(bech32Prefix('foo1qxyz')).toBeUndefined();
  });
});

describe('normaliseBech32 on non-SegWit prefixes', () => {
  it('validates a BNB Beacon Chain address from the Binance reserve tagpack', () => {
    expect(normaliseBech32('bnb1edrs5cukhx060e02u98v9j8spum7vhuqg9ctxd')).toMatchObject({ chain: 'bnb-beacon-chain', valid: true });
  });

  it('refuses a BNB payload of the wrong length', () => {
    const short = bech32.encode('bnb', bech32.toWords(new Uint8Array(10)));
    expect(normaliseBech32(short)).toMatchObject({ valid: false, problem: 'bnb-beacon-chain address of the wrong length' });
  });
});
