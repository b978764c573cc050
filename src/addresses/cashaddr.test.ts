import { describe, expect, it } from 'vitest';
import { looksLikeCashAddr, normaliseCashAddr } from './cashaddr.js';

// From OFAC's BCH list (bare CashAddr).
const BCH = 'qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq';
// CashAddr specification test vector (P2SH).
const SPEC_P2SH = 'bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq';

describe('normaliseCashAddr', () => {
  it('reads a prefix spelled like an Object member as an unknown prefix, never as a chain', () => {
    for (const prefix of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      expect(looksLikeCashAddr(`${prefix}:${BCH}`)).toBe(false);
      expect(normaliseCashAddr(`${prefix}:${BCH}`)).toMatchObject({ chain: 'bitcoin-cash', family: 'cashaddr', valid: false });
    }
  });

  it('validates a bare address and adds the bitcoincash: prefix', () => {
    expect(normaliseCashAddr(BCH)).toEqual({ address: `bitcoincash:${BCH}`, chain: 'bitcoin-cash', family: 'cashaddr', valid: true });
  });

  it('gives the bare, prefixed and upper-case forms one canonical address', () => {
    const forms = [BCH, `bitcoincash:${BCH}`, `BITCOINCASH:${BCH.toUpperCase()}`].map((f) => normaliseCashAddr(f));
    expect(new Set(forms.map((f) => f.address)).size).toBe(1);
    expect(forms.every((f) => f.valid)).toBe(true);
  });

  it('validates the specification P2SH vector', () => {
    expect(normaliseCashAddr(SPEC_P2SH).valid).toBe(true);
  });

  it('detects a changed character', () => {
    const changed = BCH.slice(0, 20) + (BCH[20] === 'q' ? 'p' : 'q') + BCH.slice(21);
    expect(normaliseCashAddr(changed)).toMatchObject({ valid: false, problem: 'CashAddr checksum mismatch' });
  });

  it('names a character outside the alphabet', () => {
    expect(normaliseCashAddr('bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhb').problem).toMatch(/character 'b' at position 42/);
  });
});

describe('looksLikeCashAddr', () => {
  it('recognises bare and prefixed forms but not other formats', () => {
    expect(looksLikeCashAddr(BCH)).toBe(true);
    expect(looksLikeCashAddr(SPEC_P2SH)).toBe(true);
    expect(looksLikeCashAddr('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(false);
    expect(looksLikeCashAddr('bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw')).toBe(false);
  });
});
