import { describe, expect, it } from 'vitest';
import { WEAK_ALIAS_WEIGHT, weakAliasFeature } from './feature-weak-alias.js';
import { nameReadings } from './name-readings.js';
import { TokenComparer } from './token-similarity.js';
import { TokenTable } from './token-table.js';
import { MATCH_THRESHOLD, REVIEW_THRESHOLD } from './thresholds.js';

const table = new TokenTable();
const comparer = new TokenComparer(table);
const readings = (name: string) => nameReadings(name, 'person', table);

describe('weakAliasFeature', () => {
  it('finds the weak alias and notes that it counts less than a name', () => {
    const r = weakAliasFeature(readings('Rumuli'), readings('Rumuli'), comparer, true);
    expect(r.score).toBe(1);
    expect(r.detail).toMatch(/a weak alias counts 0.75 of a name/);
  });

  it('an exact weak-alias hit alone lands in the review band, not a match', () => {
    expect(WEAK_ALIAS_WEIGHT).toBeLessThan(MATCH_THRESHOLD);
    expect(WEAK_ALIAS_WEIGHT).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it('is 0 without weak aliases or without a hit', () => {
    expect(weakAliasFeature(readings('Rumuli'), [], comparer, true).score).toBe(0);
    expect(weakAliasFeature(readings('Smith'), readings('Rumuli'), comparer, true).score).toBe(0);
  });
});
