import { describe, expect, it } from 'vitest';
import { Screener } from '../index.js';
import type { LabelledPair } from './generate-pairs.js';
import { reportPairs, scorePairs } from './evaluate-pairs.js';

const pairs: LabelledPair[] = [
  { schema: 'Person', name1: 'RI PYONG CHUL', name2: 'Lee Byeong-cheol', isMatch: true, kind: 'romanisation' },
  { schema: 'Person', name1: 'KIM JONG UN', name2: 'KIM JONG IL', isMatch: false, kind: 'one-syllable' },
  { schema: 'Company', name1: 'Alpha Trading Co', name2: 'Omega Trading Corporation', isMatch: false, kind: 'generic-org' },
];

describe('scorePairs / reportPairs', () => {
  it('scores pairs with the screener and reports per kind and overall', () => {
    const scored = scorePairs(Screener.build([]), pairs);
    expect(scored.map((p) => p.score >= 0.8)).toEqual([true, false, false]);
    const report = reportPairs(scored, 0.8);
    expect(report.atThreshold.confusion).toEqual({ tp: 1, fp: 0, tn: 2, fn: 0 });
    expect(report.kinds.find((k) => k.kind === 'one-syllable')).toMatchObject({ isMatch: false, pairs: 1, correct: 1 });
    expect(report.best?.f1).toBe(1);
  });
});
