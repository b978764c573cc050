/**
 * String distances used by the scorers: optimal-string-alignment (Damerau–Levenshtein with
 * adjacent transpositions) for typo budgets, and Jaro–Winkler for the OFAC emulation.
 * Both work on UTF-16 code units; callers pass comparison text (lower-case ASCII for Latin names).
 */

const MAX_LENGTH = 64;
const rowA = new Int32Array(MAX_LENGTH + 1);
const rowB = new Int32Array(MAX_LENGTH + 1);
const rowC = new Int32Array(MAX_LENGTH + 1);

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent
 * transpositions each cost 1), or `limit + 1` as soon as the distance is known to exceed `limit`.
 * Strings longer than 64 code units are compared on their first 64.
 *
 * @example
 * osaDistance('sko', 'sok'); // 1 (one transposition)
 * osaDistance('mohammed', 'muhammad'); // 2
 * osaDistance('kim', 'park', 1); // 2 (more than the limit)
 */
export function osaDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  const n = Math.min(a.length, MAX_LENGTH);
  const m = Math.min(b.length, MAX_LENGTH);
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  // prev2 = row i-2, prev = row i-1, cur = row i
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] ?? 0;
}

/**
 * True when `b` is `a` with exactly two adjacent letters swapped.
 *
 * @example
 * isAdjacentTransposition('sko', 'sok'); // true
 */
export function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i + 1 >= a.length) return false;
  if (a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}

const matchFlagsA = new Uint8Array(MAX_LENGTH * 4);
const matchFlagsB = new Uint8Array(MAX_LENGTH * 4);

/**
 * Jaro similarity in [0, 1].
 *
 * @example
 * jaro('martha', 'marhta'); // 0.944…
 */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const n = Math.min(a.length, MAX_LENGTH * 4);
  const m = Math.min(b.length, MAX_LENGTH * 4);
  if (n === 0 || m === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  matchFlagsA.fill(0, 0, n);
  matchFlagsB.fill(0, 0, m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(m - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchFlagsB[j] || b.charCodeAt(j) !== ca) continue;
      matchFlagsA[i] = 1;
      matchFlagsB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!matchFlagsA[i]) continue;
    while (!matchFlagsB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const t = transpositions / 2;
  return (matches / n + matches / m + (matches - t) / matches) / 3;
}

export interface JaroWinklerOptions {
  /** Prefix scale (default 0.1). */
  prefixScale?: number;
  /** Longest prefix that earns the bonus (default 4). */
  maxPrefix?: number;
  /** Jaro score above which the prefix bonus applies (default 0.7; OFAC applies it always: 0). */
  boostThreshold?: number;
}

/**
 * Jaro–Winkler similarity in [0, 1].
 *
 * @example
 * jaroWinkler('martha', 'marhta'); // 0.961…
 * jaroWinkler('kim', 'kin', { boostThreshold: 0 }); // 0.8 + prefix bonus
 */
export function jaroWinkler(a: string, b: string, options: JaroWinklerOptions = {}): number {
  const j = jaro(a, b);
  const threshold = options.boostThreshold ?? 0.7;
  if (j <= threshold && threshold > 0) return j;
  const maxPrefix = options.maxPrefix ?? 4;
  const scale = options.prefixScale ?? 0.1;
  let prefix = 0;
  const limit = Math.min(maxPrefix, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * scale * (1 - j);
}
