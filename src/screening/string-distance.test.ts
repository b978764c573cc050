import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAdjacentTransposition, jaro, jaroWinkler, osaDistance } from './string-distance.js';

/** Plain dynamic-programming OSA distance, the reference for the optimised one. */
function referenceOsa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe('osaDistance', () => {
  it('counts edits, a transposition as one', () => {
    expect(osaDistance('sko', 'sok')).toBe(1);
    expect(osaDistance('mohammed', 'muhammad')).toBe(2);
    expect(osaDistance('kim', 'kim')).toBe(0);
    expect(osaDistance('', 'abc')).toBe(3);
  });

  it('stops early past the limit with limit + 1', () => {
    expect(osaDistance('kim', 'park', 1)).toBe(2);
    expect(osaDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('equals the plain dynamic programme on random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd') }), fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd') }), (a, b) => {
        expect(osaDistance(a, b)).toBe(referenceOsa(a, b));
      }),
    );
  });
});

describe('isAdjacentTransposition', () => {
  it('is true only for one swap of neighbours', () => {
    expect(isAdjacentTransposition('afiz', 'faiz')).toBe(true);
    expect(isAdjacentTransposition('sko', 'sok')).toBe(true);
    expect(isAdjacentTransposition('abc', 'cba')).toBe(false);
    expect(isAdjacentTransposition('abc', 'abc')).toBe(false);
    expect(isAdjacentTransposition('abcd', 'abdce')).toBe(false);
  });
});

describe('jaro / jaroWinkler', () => {
  it('gives the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 3);
  });

  it('is 1 for equal strings, 0 with nothing in common, and symmetric', () => {
    expect(jaroWinkler('kim', 'kim')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (a, b) => {
        expect(jaro(a, b)).toBeCloseTo(jaro(b, a), 10);
        const jw = jaroWinkler(a, b);
        expect(jw).toBeGreaterThanOrEqual(0);
        expect(jw).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('applies the prefix bonus below 0.7 only when the threshold is lifted (OFAC)', () => {
    const plain = jaroWinkler('kabc', 'kxyzw');
    const ofac = jaroWinkler('kabc', 'kxyzw', { boostThreshold: 0 });
    expect(plain).toBeLessThan(0.7);
    expect(ofac).toBeGreaterThan(plain);
  });
});
