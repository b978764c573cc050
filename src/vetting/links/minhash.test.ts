import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateJaccard, MinHashIndex, minhash, shingles } from './minhash.js';

const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => `w${(i * 7919 + seed * 104729) % 100000}`);

function exactJaccard(a: string, b: string): number {
  const sa = new Set(shingles(a));
  const sb = new Set(shingles(b));
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

describe('minhash', () => {
  it('is case-insensitive and ignores punctuation', () => {
    const a = 'Built the real-time checkout flow in React and Node.js, cutting load time by 40%.';
    expect(minhash(a)).toEqual(minhash(a.toUpperCase().replace(/,/g, ' ;')));
  });

  it('refuses texts too short to compare', () => {
    expect(minhash('Senior React developer')).toBeNull();
  });

  it('estimates the Jaccard similarity of word 3-gram sets within ±0.25', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 1000 }), (changed, seed) => {
        const base = words(80, seed);
        const other = base.map((w, i) => (i % 80 < changed ? `${w}x` : w));
        const a = base.join(' ');
        const b = other.join(' ');
        const sa = minhash(a)!;
        const sb = minhash(b)!;
        expect(Math.abs(estimateJaccard(sa, sb) - exactJaccard(a, b))).toBeLessThanOrEqual(0.25);
      }),
      { numRuns: 60 },
    );
  });
});

describe('MinHashIndex', () => {
  it('pairs near-duplicate texts and not unrelated ones, each pair once', () => {
    const index = new MinHashIndex();
    const template = words(120, 1).join(' ');
    index.add(0, template);
    index.add(1, template.replace('w0 ', 'changed ').replace(/w10\b/, 'other'));
    index.add(2, words(120, 2).join(' '));
    index.add(3, words(120, 3).join(' '));
    const pairs: [number, number][] = [];
    index.pairs(0.6, (a, b) => pairs.push([a, b]));
    expect(pairs).toEqual([[0, 1]]);
  });
});
