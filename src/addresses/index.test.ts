import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase58Check } from './base58check.js';
import { toChecksumAddress } from './evm.js';
import { addressKey, normaliseAddress, tronHexToBase58 } from './index.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const BY_ASSET = `${SHARED}crypto/ofac-by-asset/`;

describe('normaliseAddress', () => {
  it('places a USDT address on Ethereum, Tron or Bitcoin (Omni) by its format', () => {
    expect(normaliseAddress('0x175d44451403Edf28469dF03A9280c1197ADb92c', { ticker: 'USDT' })).toMatchObject({ chain: 'ethereum', family: 'evm', valid: true });
    expect(normaliseAddress('TEAqwfMhXLaomXhZ8KeMhx3njGmQEDnsUR', { ticker: 'USDT' })).toMatchObject({ chain: 'tron', family: 'tron', valid: true });
    expect(normaliseAddress('16iWn2J1McqjToYLHSsAyS6En3QA8YQ91H', { ticker: 'USDT' })).toMatchObject({ chain: 'bitcoin', family: 'base58check', valid: true });
  });

  it('takes the EVM chain from the ticker (ARB, BSC, ETC) and leaves it open without one', () => {
    const sop = '0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c';
    expect(normaliseAddress(sop, { ticker: 'ARB' }).chain).toBe('arbitrum');
    expect(normaliseAddress(sop, { ticker: 'BSC' }).chain).toBe('bsc');
    expect(normaliseAddress(sop, { ticker: 'ETC' }).chain).toBe('ethereum-classic');
    expect(normaliseAddress(sop).chain).toBeNull();
  });

  it('rejects the Cyrillic look-alike Tron address of the Israeli list, naming the character and position', () => {
    const lookAlike = 'TН96tFMn8KGiYSLiwсV3E2UiaJc8jmcbz3';
    const result = normaliseAddress(lookAlike, { ticker: 'TRX' });
    expect(result).toMatchObject({ address: lookAlike, valid: false, family: 'other' });
    expect(result.problem).toBe("non-ASCII character 'Н' (U+041D) at position 2");
    // With the look-alikes replaced it is a real OFAC-listed USDT (Tron) address, and a different key.
    const ascii = lookAlike.replace('Н', 'H').replace('с', 'c');
    expect(normaliseAddress(ascii).valid).toBe(true);
    expect(addressKey(ascii)).not.toBe(addressKey(lookAlike));
  });

  it('warns when a ticker names another chain than the format (the Tron address in OFAC’s XBT list)', () => {
    const result = normaliseAddress('TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq', { ticker: 'XBT' });
    expect(result).toMatchObject({ chain: 'tron', valid: true });
    expect(result.warning).toBe('listed under ticker XBT (bitcoin) but it is a tron address');
    expect(normaliseAddress('0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c', { ticker: 'LTC' }).warning).toMatch(/an EVM address/);
  });

  it('warns about an unknown ticker but still validates by format', () => {
    expect(normaliseAddress('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', { ticker: 'FOO' })).toMatchObject({ valid: true, chain: 'bitcoin', warning: 'unknown ticker FOO' });
  });

  it('trims surrounding whitespace, keeps raw as given, and never throws on garbage', () => {
    expect(normaliseAddress('  TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre\r\n')).toMatchObject({ raw: '  TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre\r\n', address: 'TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre', valid: true });
    expect(normaliseAddress('!!not an address!!')).toMatchObject({ family: 'other', valid: false });
    expect(normaliseAddress('hello-world')).toMatchObject({ family: 'other', valid: false, problem: 'unrecognised address format' });
  });

  it('converts the Tron hex form', () => {
    expect(normaliseAddress('41' + 'ab'.repeat(20))).toMatchObject({ address: tronHexToBase58('41' + 'ab'.repeat(20)), family: 'tron', valid: true });
  });

  it('property: never throws, and normalising is idempotent', () => {
    const objectMember = fc.constantFrom('__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'CONSTRUCTOR');
    const prefixed = fc.tuple(objectMember, fc.constantFrom('', ':', '1', ':qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq', '1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).map(([a, b]) => a + b);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 140 }), fc.string({ unit: 'binary', maxLength: 60 }), prefixed), (s) => {
        const once = normaliseAddress(s);
        expect(once.chain === null || typeof once.chain === 'string').toBe(true);
        const twice = normaliseAddress(once.address);
        expect(twice.address).toBe(once.address);
        expect(twice.valid).toBe(once.valid);
        if (!once.valid) expect(once.problem).toBeTruthy();
      }),
      { numRuns: 2000 },
    );
  });

  it('property: lower, upper and checksummed forms of an EVM address share one key, whatever the ticker', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.constantFrom(undefined, 'ETH', 'USDT', 'ARB', 'BSC'), (bytes, ticker) => {
        const lower = '0x' + Buffer.from(bytes).toString('hex');
        const forms = [lower, '0x' + lower.slice(2).toUpperCase(), toChecksumAddress(lower)];
        const results = forms.map((f) => normaliseAddress(f, { ticker }));
        expect(results.every((r) => r.valid && r.address === lower)).toBe(true);
        expect(new Set(forms.map((f) => addressKey(f))).size).toBe(1);
      }),
    );
  });
  it('property: base58 keys are never case-folded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.constantFrom(0x00, 0x05, 0x30, 0x41), (hash, version) => {
        const address = encodeBase58Check(Uint8Array.of(version, ...hash));
        expect(addressKey(address)).toBe(address);
        const swapped = [...address].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
        if (swapped !== address) expect(addressKey(swapped)).not.toBe(addressKey(address));
      }),
    );
  });
});

describe.skipIf(!existsSync(BY_ASSET))('normaliseAddress on OFAC per-asset lists (shared/data)', () => {
  const entries = readdirSync(BY_ASSET)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => {
      const ticker = f.replace(/^sanctioned_addresses_|\.txt$/g, '');
      return readFileSync(BY_ASSET + f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((address) => ({ ticker, address }));
    });

  it('validates every listed entry except the 64-hex XMR entry', () => {
    expect(entries).toHaveLength(654);
    const invalid = entries.map((e) => ({ ...e, n: normaliseAddress(e.address, { ticker: e.ticker }) })).filter((e) => !e.n.valid);
    expect(invalid.map((e) => `${e.ticker} ${e.address}`)).toEqual(['XMR 5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320']);
  });

  it('keeps base58 keys case-sensitive and folds EVM keys', () => {
    const keys = new Set(entries.map((e) => addressKey(e.address, { ticker: e.ticker })));
    expect(new Set(entries.map((e) => e.address)).size).toBe(641);
    // 641 distinct strings; EVM addresses listed in both checksummed and lower case collapse.
    expect(keys.size).toBe(new Set(entries.map((e) => (e.address.startsWith('0x') ? e.address.toLowerCase() : e.address))).size);
    for (const e of entries) {
      const n = normaliseAddress(e.address, { ticker: e.ticker });
      if (n.family === 'base58check' || n.family === 'tron') expect(n.address).toBe(e.address);
    }
  });
});

describe('normaliseAddress for chains it does not validate', () => {
  it('keeps a Polkadot address exactly and says it was not validated', () => {
    const dot = '15kUt2i86LHRWCkE3D9Bg1HZAoc2smhn1fwPzDERTb1BXAkX';
    expect(normaliseAddress(dot, { ticker: 'DOT' })).toMatchObject({
      address: dot,
      chain: 'polkadot',
      family: 'other',
      valid: false,
      problem: 'polkadot addresses are not validated',
    });
  });

  it('explains a base58 string under an unknown ticker', () => {
    const result = normaliseAddress('15kUt2i86LHRWCkE3D9Bg1HZAoc2smhn1fwPzDERTb1BXAkX', { ticker: 'XYZ' });
    expect(result.valid).toBe(false);
    expect(result.problem).toMatch(/^no validator for ticker XYZ, and not a Bitcoin-family address/);
  });
});
