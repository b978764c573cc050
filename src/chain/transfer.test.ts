import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePosition, encodeOrdinal, logPosition, tracePosition, utxoOutputPosition } from './transfer.js';

describe('transfer positions', () => {
  it('sort as strings in the numeric order of their ordinals, at any size', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999 }), fc.nat({ max: 999_999_999 }), (a, b) => {
        const byString = encodeOrdinal(a) < encodeOrdinal(b);
        expect(byString).toBe(a < b);
      }),
    );
  });

  it('order trace addresses depth-first: a call before its sub-calls, sub-calls before the next sibling', () => {
    const paths = fc.array(fc.array(fc.nat({ max: 2000 }), { maxLength: 5 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(paths, (ps) => {
        const depthFirst = [...ps].sort((x, y) => {
          for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
          return x.length - y.length;
        });
        const byPosition = [...ps].sort((x, y) => (tracePosition(x) < tracePosition(y) ? -1 : tracePosition(x) > tracePosition(y) ? 1 : 0));
        expect(byPosition.map(tracePosition)).toEqual(depthFirst.map(tracePosition));
      }),
    );
  });

  it('read back for people', () => {
    expect(tracePosition([0, 12])).toBe('b10.212');
    expect(describePosition(tracePosition([0, 12]))).toBe('call 0.12');
    expect(describePosition(logPosition(57))).toBe('log 57');
    expect(describePosition(utxoOutputPosition(1))).toBe('output 1');
    expect(describePosition('a')).toBe('tx');
  });

  it('refuses negative, fractional and oversized ordinals', () => {
    expect(() => encodeOrdinal(-1)).toThrow(RangeError);
    expect(() => encodeOrdinal(1.5)).toThrow(RangeError);
    expect(() => encodeOrdinal(1_000_000_000)).toThrow(RangeError);
  });
});
