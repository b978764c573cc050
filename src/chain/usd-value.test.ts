import { describe, expect, it } from 'vitest';
import { usdValue } from './usd-value.js';

describe('USD value', () => {
  it('is exact to the cent with half-up rounding', () => {
    expect(usdValue(10_000n * 10n ** 18n, 18, '2756.41')).toBe('27564100.00');
    expect(usdValue(1n, 18, '2756.41')).toBe('0.00');
    expect(usdValue(5_000_000_000_000_000n, 18, '1')).toBe('0.01');
    expect(usdValue(4_999_999_999_999_999n, 18, '1')).toBe('0.00');
    expect(usdValue(1_234_567n, 6, '0.9998')).toBe('1.23');
    expect(usdValue(150_000_000n, 8, '96000.5')).toBe('144000.75');
  });

  it('refuses a price that is not a plain decimal', () => {
    expect(usdValue(1n, 18, 'n/a')).toBeUndefined();
    expect(usdValue(1n, 18, '1e3')).toBeUndefined();
  });
});
