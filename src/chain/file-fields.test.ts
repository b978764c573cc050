import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { FieldReader, allDigits, lowerHex } from './file-fields.js';

const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));
const anyChar = fc.constantFrom(...'0123456789abcdefABCDEFxXgG \n٣,"'.split(''));

describe('field readers', () => {
  it('accept exactly what the regular expressions they replace accept, and lower-case the hex', () => {
    const candidates = fc.oneof(
      fc.array(hexChar, { minLength: 38, maxLength: 66 }).map((a) => `0x${a.join('')}`),
      fc.array(anyChar, { minLength: 0, maxLength: 68 }).map((a) => a.join('')),
      fc.array(anyChar, { minLength: 40, maxLength: 40 }).map((a) => `0x${a.join('')}`),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        expect(lowerHex(text, 40)).toBe(/^0x[0-9a-fA-F]{40}$/.test(text) ? text.toLowerCase() : undefined);
        expect(lowerHex(text, 64)).toBe(/^0x[0-9a-fA-F]{64}$/.test(text) ? text.toLowerCase() : undefined);
        expect(allDigits(text)).toBe(/^\d+$/.test(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9٣ x]{0,20}$/), (text) => {
        expect(allDigits(text)).toBe(/^\d+$/.test(text));
      }),
    );
  });

  it('name the file, line and column of a bad value, as before', () => {
    const f = new FieldReader('t.csv', 7);
    expect(f.address('from_address', '0xAB00000000000000000000000000000000000001')).toBe('0xab00000000000000000000000000000000000001');
    expect(() => f.address('from_address', '0xzz00000000000000000000000000000000000001')).toThrow(
      new InputError('t.csv', 'expected a 0x-prefixed 20-byte address, got "0xzz00000000000000000000000000000000000001"', 7, 'from_address'),
    );
    expect(() => f.hash('transaction_hash', '')).toThrow(new InputError('t.csv', 'expected a 0x-prefixed 32-byte hash, got an empty value', 7, 'transaction_hash'));
    expect(() => f.int('block_number', '1234567890123456')).toThrow(/line 7|t\.csv:7/);
    expect(f.int('block_number', '123456789012345')).toBe(123456789012345);
    expect(() => f.bigint('value', '-1')).toThrow(new InputError('t.csv', 'expected a non-negative integer amount, got "-1"', 7, 'value'));
    expect(f.bigint('value', '115792089237316195423570985008687907853269984665640564039457584007913129639935')).toBe(2n ** 256n - 1n);
  });
});
