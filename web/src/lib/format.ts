/**
 * US dollars, short: `$1.19B`, `$650M`, `$12.5K`, `$900`.
 *
 * @example
 * formatUsd(1_190_000_000); // '$1.19B'
 */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return '—';
  const abs = Math.abs(usd);
  const [div, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'K'] : [1, ''];
  const value = usd / div;
  const digits = suffix === '' ? 0 : Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `$${value.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1')}${suffix}`;
}

/**
 * A low–high USD range, one figure when both ends agree.
 *
 * @example
 * formatUsdRange(1.4e9, 1.5e9); // '$1.4B – $1.5B'
 */
export function formatUsdRange(low: number | null | undefined, high: number | null | undefined): string {
  if ((low === null || low === undefined) && (high === null || high === undefined)) return 'no sourced USD figure';
  if (low === high || high === null || high === undefined) return formatUsd(low);
  if (low === null || low === undefined) return formatUsd(high);
  return `${formatUsd(low)} – ${formatUsd(high)}`;
}

/**
 * A number with thousands separators and at most `digits` decimals.
 *
 * @example
 * formatNumber(12345.678); // '12,345.68'
 */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: Math.abs(n) >= 1000 ? Math.min(digits, 2) : Math.abs(n) >= 1 ? digits : Math.max(digits, 4) });
}

/** The chain's native currency, for showing `native` amounts. */
const NATIVE = new Map([
  ['ethereum', 'ETH'],
  ['bitcoin', 'BTC'],
  ['tron', 'TRX'],
  ['bsc', 'BNB'],
  ['polygon', 'MATIC'],
]);

/**
 * An asset as people name it: `native` becomes the chain's currency; a token contract is shortened.
 *
 * @example
 * assetName('native', 'ethereum'); // 'ETH'
 */
export function assetName(asset: string, chain = 'ethereum'): string {
  if (asset === 'native') return NATIVE.get(chain) ?? 'native';
  return /^0x[0-9a-f]{40}$/i.test(asset) ? `token ${shortAddress(asset)}` : asset;
}

/**
 * An amount with its asset.
 *
 * @example
 * formatAmount(10000, 'native'); // '10,000 ETH'
 */
export function formatAmount(amount: number, asset: string, chain = 'ethereum'): string {
  return `${formatNumber(amount)} ${assetName(asset, chain)}`;
}

/**
 * A share in [0, 1] as a percentage.
 *
 * @example
 * formatShare(0.12345); // '12.35%'
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  const pct = share * 100;
  return `${pct >= 10 ? pct.toFixed(1) : pct >= 0.01 || pct === 0 ? pct.toFixed(2) : pct.toExponential(1)}%`;
}

/**
 * A long address or hash shortened for tables: `0x1234…abcd` (the full text goes in a title).
 *
 * @example
 * shortAddress('0x47666fab8bd0ac7003bce3f5c3585383f09486e2'); // '0x4766…86e2'
 */
export function shortAddress(a: string, keep = 4): string {
  const head = a.startsWith('0x') ? keep + 2 : keep;
  return a.length > head + keep + 1 ? `${a.slice(0, head)}…${a.slice(-keep)}` : a;
}

/**
 * An ISO timestamp as `YYYY-MM-DD HH:MM UTC` (the date alone when there is no time).
 *
 * @example
 * formatTime('2025-02-21T14:13:35.000Z'); // '2025-02-21 14:13 UTC'
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] ? `${m[1]} ${m[2]} UTC` : m[1]!;
}

/**
 * A score in [0, 1] with two decimals.
 *
 * @example
 * formatScore(0.9312); // '0.93'
 */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

/**
 * Who did something, as text: the name (and role) of an API key's holder, or the plain name.
 *
 * @example
 * actorName({ id: 'k1', name: 'alice', role: 'analyst' }); // 'alice (analyst)'
 */
export function actorName(actor: string | { id?: string; name: string; role?: string } | null | undefined): string {
  if (!actor) return '—';
  if (typeof actor === 'string') return actor;
  return actor.role ? `${actor.name} (${actor.role})` : actor.name;
}
