import { describe, expect, it } from 'vitest';
import { formatAmount, formatDecimal, formatShare, formatUsd, formatUsdRange } from './format.js';

describe('report number formats', () => {
  it('writes amounts, exact decimals, dollars and shares the way the reports print them', () => {
    expect(formatAmount(401346.768858)).toBe('401,346.7689');
    expect(formatAmount(10000)).toBe('10,000');
    expect(formatDecimal('401346.768858404671846374')).toBe('401,346.768858404671846374');
    expect(formatDecimal('90375')).toBe('90,375');
    expect(formatDecimal('about 5')).toBe('about 5');
    expect(formatUsd(308_000_000)).toBe('US$308,000,000 (US$308.0 million)');
    expect(formatUsdRange(1.4e9, 1.5e9)).toBe('US$1,400,000,000 – US$1,500,000,000 (US$1.40–1.50 billion)');
    expect(formatUsdRange(2e6, 2e6)).toBe('US$2,000,000 (US$2.0 million)');
    expect(formatShare(0.7212)).toBe('72.1%');
  });
});
