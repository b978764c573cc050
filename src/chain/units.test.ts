import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUnits, parseUnits, parseUnitsText } from './units.js';

describe('exact unit conversion', () => {
  it('parses decimal amounts without floating point', () => {
    expect(parseUnits('0.1', 18)).toEqual({ value: 100_000_000_000_000_000n });
    expect(parseUnits('30375.54791768', 18)).toEqual({ value: 30_375_547_917_680_000_000_000n });
    expect(parseUnits('98055.3621285125807993', 18)).toEqual({ value: 98_055_362_128_512_580_799_300n });
    expect(parseUnits('10000.0', 18)).toEqual({ value: 10_000n * 10n ** 18n });
    expect(parseUnits('1.50000000', 8)).toEqual({ value: 150_000_000n });
  });

  it('refuses what is not an exact non-negative amount, saying why', () => {
    expect(parseUnits('1.123', 2)).toEqual({ error: '"1.123" has 3 decimal places; the asset has only 2' });
    expect(parseUnits('1e18', 18)).toEqual({ error: '"1e18" is in exponent notation; write the amount out in full' });
    expect(parseUnits('-1', 18)).toEqual({ error: '"-1" is not a non-negative decimal number' });
    expect(parseUnits('', 18)).toEqual({ error: '"" is not a non-negative decimal number' });
  });

  it('parseUnitsText accepts and refuses exactly what the regular expression it replaces does, with the same value', () => {
    const DECIMAL = /^(\d+)(?:\.(\d*))?$/;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '9', '.', 'e', '-', ' ', '٣'), maxLength: 12 }), fc.integer({ min: 0, max: 20 }), (text, decimals) => {
        const m = DECIMAL.exec(text);
        const fraction = (m?.[2] ?? '').replace(/0+$/, '');
        const expected = !m ? undefined : fraction.length > decimals ? undefined : BigInt((m[1] ?? '0') + fraction.padEnd(decimals, '0')).toString();
        const parsed = parseUnitsText(text, decimals);
        expect('value' in parsed ? parsed.value : undefined).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('formatUnits and parseUnits round-trip every amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), fc.integer({ min: 0, max: 36 }), (amount, decimals) => {
        expect(parseUnits(formatUnits(amount, decimals), decimals)).toEqual({ value: amount });
      }),
    );
  });
});
