/**
 * An amount in whole units with thousands separators and at most `digits` decimals (trailing zeros dropped).
 *
 * @example
 * formatAmount(401346.768858); // '401,346.7689'
 */
export function formatAmount(amount: number, digits = 4): string {
  if (!Number.isFinite(amount)) return String(amount);
  return amount.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * An exact decimal string (as the registry writes amounts) with thousands separators, decimals kept.
 *
 * @example
 * formatDecimal('401346.768858404671846374'); // '401,346.768858404671846374'
 */
export function formatDecimal(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/**
 * US dollars in full and in billions or millions: the exact figure is the one readers search for.
 *
 * @example
 * formatUsd(1_500_000_000); // 'US$1,500,000,000 (US$1.50 billion)'
 */
export function formatUsd(usd: number): string {
  const full = `US$${Math.round(usd).toLocaleString('en-US')}`;
  if (usd >= 1e9) return `${full} (US$${(usd / 1e9).toFixed(2)} billion)`;
  if (usd >= 1e6) return `${full} (US$${(usd / 1e6).toFixed(1)} million)`;
  return full;
}

/**
 * A low–high USD range; one figure when both are equal.
 *
 * @example
 * formatUsdRange(1.4e9, 1.5e9); // 'US$1,400,000,000 – US$1,500,000,000 (US$1.40–1.50 billion)'
 */
export function formatUsdRange(low: number, high: number): string {
  if (low === high) return formatUsd(low);
  const full = `US$${Math.round(low).toLocaleString('en-US')} – US$${Math.round(high).toLocaleString('en-US')}`;
  if (low >= 1e9) return `${full} (US$${(low / 1e9).toFixed(2)}–${(high / 1e9).toFixed(2)} billion)`;
  if (low >= 1e6) return `${full} (US$${(low / 1e6).toFixed(1)}–${(high / 1e6).toFixed(1)} million)`;
  return full;
}

/**
 * A share as a percentage with one decimal.
 *
 * @example
 * formatShare(0.7212); // '72.1%'
 */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
