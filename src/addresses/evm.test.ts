import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEvm, toChecksumAddress } from './evm.js';

// EIP-55 reference vectors (from the EIP text).
const EIP55_VECTORS = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];
// Ronin bridge exploiter, as OFAC lists it (LAZARUS GROUP).
const RONIN_EXPLOITER = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96';

function flipCaseOfFirstLetter(address: string): string {
  const i = [...address].findIndex((c, idx) => idx > 1 && /[a-fA-F]/.test(c));
  const c = address[i] as string;
  const flipped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return address.slice(0, i) + flipped + address.slice(i + 1);
}

describe('toChecksumAddress', () => {
  it.each(EIP55_VECTORS)('reproduces the EIP-55 vector %s', (vector) => {
    expect(toChecksumAddress(vector.toLowerCase())).toBe(vector);
  });
});

describe('normaliseEvm', () => {
  it('lower-cases a correctly checksummed address and calls it valid', () => {
    expect(normaliseEvm(RONIN_EXPLOITER, 'ethereum')).toEqual({
      address: '0x098b716b8aaf21512996dc57eb0615e2383e2f96',
      chain: 'ethereum',
      family: 'evm',
      valid: true,
    });
  });

  it('reports a broken EIP-55 checksum but still gives the lower-case key', () => {
    const broken = flipCaseOfFirstLetter(RONIN_EXPLOITER);
    const result = normaliseEvm(broken, null);
    expect(result.valid).toBe(false);
    expect(result.problem).toBe('EIP-55 checksum mismatch');
    expect(result.address).toBe(RONIN_EXPLOITER.toLowerCase());
  });

  it('accepts all-lower and all-upper case without a checksum', () => {
    expect(normaliseEvm(RONIN_EXPLOITER.toLowerCase(), null).valid).toBe(true);
    expect(normaliseEvm('0x' + RONIN_EXPLOITER.slice(2).toUpperCase(), null).valid).toBe(true);
  });

  it('names the wrong number of hex digits', () => {
    expect(normaliseEvm('0x098b716b', null)).toMatchObject({ valid: false, problem: 'EVM address must have 40 hex digits after 0x, found 8' });
  });

  it('property: any single case flip of a letter in a checksummed address breaks the checksum', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.nat(), (bytes, pick) => {
        const lower = '0x' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
        const checksummed = toChecksumAddress(lower);
        const letters = [...checksummed].map((c, i) => (i > 1 && /[a-f]/i.test(c) ? i : -1)).filter((i) => i >= 0);
        if (letters.length < 2) return;
        const i = letters[pick % letters.length] as number;
        const c = checksummed[i] as string;
        const flipped = checksummed.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + checksummed.slice(i + 1);
        const stillMixed = flipped.slice(2) !== flipped.slice(2).toLowerCase() && flipped.slice(2) !== flipped.slice(2).toUpperCase();
        expect(normaliseEvm(flipped, null).valid).toBe(!stillMixed);
      }),
    );
  });
});
