/**
 * A string-keyed memo for pure per-token functions on the screening hot path. The cache is
 * bounded: when it reaches `maxEntries` it is emptied, so adversarial query streams cannot grow
 * memory without limit while the steady-state working set (list tokens) stays warm.
 *
 * @example
 * const upper = memoise((s: string) => s.toUpperCase());
 * upper('kim'); // 'KIM' (computed), then served from the cache
 */
export function memoise<T>(fn: (key: string) => T, maxEntries = 200_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string): T => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, value);
    return value;
  };
}
