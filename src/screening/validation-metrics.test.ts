import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestF1Threshold, confusionAt, metricsAt, scoresOf, type LabelledScore } from './validation-metrics.js';

const pairs: LabelledScore[] = [
  { score: 0.95, isMatch: true },
  { score: 0.9, isMatch: false },
  { score: 0.8, isMatch: true },
  { score: 0.6, isMatch: true },
  { score: 0.5, isMatch: false },
  { score: 0.2, isMatch: false },
];

describe('confusionAt / metricsAt', () => {
  it('counts a score equal to the threshold as a predicted match', () => {
    expect(confusionAt(pairs, 0.8)).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(confusionAt(pairs, 0.81)).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
  });

  it('computes precision, recall and F1 as worked out by hand', () => {
    // At 0.8: tp 2, fp 1, fn 1 → precision 2/3, recall 2/3, F1 2/3.
    const m = metricsAt(pairs, 0.8);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    // At 0.55: tp 3, fp 1, fn 0 → precision 3/4, recall 1, F1 = 2·0.75/1.75 = 6/7.
    const low = metricsAt(pairs, 0.55);
    expect(low.confusion).toEqual({ tp: 3, fp: 1, tn: 2, fn: 0 });
    expect(low.f1).toBeCloseTo(6 / 7, 12);
  });

  it('gives 0 rather than NaN when nothing is called a match or nothing is labelled a match', () => {
    expect(scoresOf({ tp: 0, fp: 0, tn: 3, fn: 2 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoresOf({ tp: 0, fp: 2, tn: 3, fn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('bestF1Threshold', () => {
  it('finds the threshold worked out by hand', () => {
    // Candidates: 0.95 → F1 2/4=0.5; 0.9 → P .5 R 1/3 F1 .4; 0.8 → 2/3; 0.6 → 6/7; 0.5 → P .6 R 1 F1 .75; 0.2 → P .5 F1 2/3.
    const best = bestF1Threshold(pairs);
    expect(best?.threshold).toBe(0.6);
    expect(best?.f1).toBeCloseTo(6 / 7, 12);
    expect(best?.confusion).toEqual({ tp: 3, fp: 1, tn: 2, fn: 0 });
  });

  it('prefers the lower threshold when two give the same F1', () => {
    const tie: LabelledScore[] = [
      { score: 0.9, isMatch: true },
      { score: 0.8, isMatch: false },
      { score: 0.7, isMatch: false },
      { score: 0.6, isMatch: true },
    ];
    // 0.9: P 1, R 1/2 → F1 2/3; 0.8 → 1/2; 0.7 → 2/5; 0.6: P 1/2, R 1 → F1 2/3 (tie with 0.9).
    const best = bestF1Threshold(tie);
    expect(best?.threshold).toBe(0.6);
    expect(best?.f1).toBeCloseTo(2 / 3, 12);
  });

  it('moves every pair with the same score across the threshold together', () => {
    const same: LabelledScore[] = [
      { score: 0.7, isMatch: true },
      { score: 0.7, isMatch: false },
      { score: 0.2, isMatch: false },
    ];
    expect(bestF1Threshold(same)?.confusion).toEqual({ tp: 1, fp: 1, tn: 1, fn: 0 });
  });

  it('is null without pairs', () => {
    expect(bestF1Threshold([])).toBeNull();
  });

  it('is never beaten by any other threshold and agrees with metricsAt at its own threshold', () => {
    const pair = fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), isMatch: fc.boolean() });
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (ps, t) => {
        const best = bestF1Threshold(ps)!;
        expect(best.f1).toBeGreaterThanOrEqual(metricsAt(ps, t).f1 - 1e-12);
        expect(metricsAt(ps, best.threshold)).toEqual(best);
      }),
    );
  });
});
