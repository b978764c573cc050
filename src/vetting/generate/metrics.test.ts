import { describe, expect, it } from 'vitest';
import { groupStats, pairMetrics } from './metrics.js';

describe('pairMetrics', () => {
  it('counts pairs put together against pairs that belong together', () => {
    const predicted = ['a', 'a', 'a', null, 'b', 'b'];
    const truth = ['t', 't', null, 'u', 'u', 'u'];
    const m = pairMetrics(6, (i) => predicted[i]!, (i) => truth[i]!);
    expect(m).toEqual({ predictedPairs: 4, truePairs: 4, correctPairs: 2, precision: 0.5, recall: 0.5 });
  });

  it('is perfect when nothing is predicted and nothing is true', () => {
    expect(pairMetrics(3, () => null, () => null)).toMatchObject({ precision: 1, recall: 1 });
  });
});

describe('groupStats', () => {
  it('averages scores and shares of actions and rule hits', () => {
    const s = groupStats([
      { score: 90, action: 'block', rules: [{ id: 'x' }, { id: 'y' }] },
      { score: 10, action: 'none', rules: [{ id: 'x' }] },
    ]);
    expect(s).toEqual({ records: 2, meanScore: 50, actions: { block: 0.5, none: 0.5 }, ruleHits: { x: 1, y: 0.5 } });
  });
});
