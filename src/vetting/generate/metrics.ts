/**
 * Evaluation of vetting against a population's truth: pairwise ring precision and recall (every
 * pair of records put in one ring is a prediction; every pair of one planted ring is a truth), and
 * rule hit rates and scores of planted workers against ordinary people.
 */
export interface PairMetrics {
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Pairwise precision and recall of a clustering against the truth. `predicted(i)` and `truth(i)`
 * give the cluster of record i, or null when it is in none.
 *
 * @example
 * pairMetrics(4, (i) => (i < 2 ? 'a' : null), (i) => (i < 3 ? 't' : null)); // precision 1, recall 1/3
 */
export function pairMetrics(size: number, predicted: (i: number) => string | null, truth: (i: number) => string | null): PairMetrics {
  const predictedSizes = new Map<string, number>();
  const trueSizes = new Map<string, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const p = predicted(i);
    const t = truth(i);
    if (p !== null) predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    if (t !== null) trueSizes.set(t, (trueSizes.get(t) ?? 0) + 1);
    if (p !== null && t !== null) {
      const k = `${p}\u0000${t}`;
      both.set(k, (both.get(k) ?? 0) + 1);
    }
  }
  let predictedPairs = 0;
  let truePairs = 0;
  let correctPairs = 0;
  for (const n of predictedSizes.values()) predictedPairs += pairs(n);
  for (const n of trueSizes.values()) truePairs += pairs(n);
  for (const n of both.values()) correctPairs += pairs(n);
  return {
    predictedPairs,
    truePairs,
    correctPairs,
    precision: predictedPairs ? correctPairs / predictedPairs : 1,
    recall: truePairs ? correctPairs / truePairs : 1,
  };
}

export interface GroupStats {
  records: number;
  meanScore: number;
  /** Share of the group at each recommended action. */
  actions: Record<string, number>;
  /** Share of the group each rule fired on. */
  ruleHits: Record<string, number>;
}

/**
 * Scores, actions and rule hit rates of one group of vetted records.
 *
 * @example
 * groupStats(report.records.filter((_, i) => population.truth(i).planted));
 */
export function groupStats(results: readonly { score: number; action: string; rules: readonly { id: string }[] }[]): GroupStats {
  const actions: Record<string, number> = {};
  const hits: Record<string, number> = {};
  let total = 0;
  for (const r of results) {
    total += r.score;
    actions[r.action] = (actions[r.action] ?? 0) + 1;
    for (const f of r.rules) hits[f.id] = (hits[f.id] ?? 0) + 1;
  }
  const n = results.length || 1;
  const share = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v / n) * 1000) / 1000]));
  return { records: results.length, meanScore: Math.round((total / n) * 10) / 10, actions: share(actions), ruleHits: share(hits) };
}
