/**
 * A fast 64-bit string hash (two 32-bit halves; cyrb53's mixing, public domain), for grouping
 * millions of identifier values in typed arrays instead of string-keyed maps. Collisions among
 * 10⁷ keys have a probability of about 3·10⁻⁶; evidence strings are recomputed from the records,
 * so a collision could never show a wrong value, only (very rarely) a spurious candidate pair.
 *
 * @example
 * const out = new Uint32Array(2);
 * hash64('jdoe@gmail.com', out); // out[0], out[1]
 */
export function hash64(s: string, out: Uint32Array, seed = 0): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

/** 32-bit mix of an integer (murmur3 finaliser). */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
