/** One scored pair with its label: does the pair really name the same subject? */
export interface LabelledScore {
  score: number;
  isMatch: boolean;
}

export interface Confusion {
  /** Labelled match, scored at or above the threshold. */
  tp: number;
  /** Labelled non-match, scored at or above the threshold. */
  fp: number;
  /** Labelled non-match, scored below the threshold. */
  tn: number;
  /** Labelled match, scored below the threshold. */
  fn: number;
}

export interface ValidationMetrics {
  threshold: number;
  confusion: Confusion;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Counts the four outcomes when every pair scored at or above `threshold` is called a match.
 *
 * @example
 * confusionAt([{ score: 0.9, isMatch: true }, { score: 0.8, isMatch: false }], 0.85);
 * // { tp: 1, fp: 0, tn: 1, fn: 0 }
 */
export function confusionAt(pairs: readonly LabelledScore[], threshold: number): Confusion {
  const c: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const p of pairs) {
    const predicted = p.score >= threshold;
    if (predicted && p.isMatch) c.tp++;
    else if (predicted) c.fp++;
    else if (p.isMatch) c.fn++;
    else c.tn++;
  }
  return c;
}

/**
 * Precision, recall and F1 of a confusion table. A ratio whose denominator is zero (nothing called a
 * match, or no labelled match) is 0, as in scikit-learn's `zero_division=0`.
 *
 * @example
 * scoresOf({ tp: 2, fp: 1, tn: 2, fn: 1 }); // { precision: 0.666…, recall: 0.666…, f1: 0.666… }
 */
export function scoresOf(c: Confusion): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Confusion counts, precision, recall and F1 at one threshold.
 *
 * @example
 * metricsAt([{ score: 0.9, isMatch: true }, { score: 0.4, isMatch: true }], 0.5).recall; // 0.5
 */
export function metricsAt(pairs: readonly LabelledScore[], threshold: number): ValidationMetrics {
  const confusion = confusionAt(pairs, threshold);
  return { threshold, confusion, ...scoresOf(confusion) };
}

/**
 * The threshold that maximises F1 over the labelled pairs. Only the pairs' own scores can change the
 * outcome, so those are the candidates; the threshold returned is the score of the lowest pair still
 * called a match. Among thresholds with equal F1 the lowest wins: in sanctions screening a missed
 * match costs more than a second look. Null when there are no pairs.
 *
 * @example
 * bestF1Threshold([{ score: 0.9, isMatch: true }, { score: 0.6, isMatch: false }, { score: 0.3, isMatch: false }]);
 * // { threshold: 0.9, f1: 1, … }
 */
export function bestF1Threshold(pairs: readonly LabelledScore[]): ValidationMetrics | null {
  if (pairs.length === 0) return null;
  const sorted = [...pairs].sort((a, b) => b.score - a.score);
  const positives = pairs.filter((p) => p.isMatch).length;
  let tp = 0;
  let fp = 0;
  let best: ValidationMetrics | null = null;
  // Lower the threshold one distinct score at a time; every pair at that score becomes a predicted match.
  for (let i = 0; i < sorted.length; ) {
    const threshold = sorted[i]!.score;
    while (i < sorted.length && sorted[i]!.score === threshold) {
      if (sorted[i]!.isMatch) tp++;
      else fp++;
      i++;
    }
    const confusion: Confusion = { tp, fp, fn: positives - tp, tn: pairs.length - positives - fp };
    const scores = scoresOf(confusion);
    if (!best || scores.f1 >= best.f1) best = { threshold, confusion, ...scores };
  }
  return best;
}
