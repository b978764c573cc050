import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flipBits, Rng } from '../generate/rng.js';
import { hammingDistance, PhotoIndex, popcount } from './photo-index.js';

function bruteForce(hashes: [number, string][], radius: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < hashes.length; i++) {
    for (let j = i + 1; j < hashes.length; j++) {
      const [ra, ha] = hashes[i]!;
      const [rb, hb] = hashes[j]!;
      const d = hammingDistance(ha, hb);
      if (ra !== rb && d <= radius) out.push(`${Math.min(ra, rb)}-${Math.max(ra, rb)}-${d}`);
    }
  }
  return out.sort();
}

describe('PhotoIndex (multi-index hashing on 16-bit chunks)', () => {
  it.each([3, 7])('finds exactly the pairs brute force finds within radius %i', (radius) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const rng = new Rng(seed);
        const hashes: [number, string][] = [];
        for (let r = 0; r < 60; r++) {
          const base = rng.hex64();
          hashes.push([r, base]);
          if (rng.chance(0.5)) hashes.push([r + 1000, flipBits(base, rng.int(0, radius + 2), rng)]);
        }
        const index = new PhotoIndex(4);
        for (const [r, h] of hashes) index.add(r, h);
        const found: string[] = [];
        index.pairs(radius, (a, b, d) => found.push(`${a}-${b}-${d}`));
        expect(found.sort()).toEqual(bruteForce(hashes, radius));
      }),
      { numRuns: 25 },
    );
  });

  it('counts bits', () => {
    expect(popcount(0)).toBe(0);
    expect(popcount(0xffffffff)).toBe(32);
    expect(hammingDistance('ffffffffffffffff', 'fffffffffffffffe')).toBe(1);
  });
});
