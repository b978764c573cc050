/**
 * Scores labelled pairs with the screener and reports precision, recall and F1: per pair kind,
 * over all pairs at a threshold, and the threshold that maximises F1.
 */
import type { Screener } from '../index.js';
import type { Algorithm } from '../types.js';
import { bestF1Threshold, metricsAt, type ValidationMetrics } from '../validation-metrics.js';
import type { LabelledPair, PairKind } from './generate-pairs.js';

export interface ScoredPair extends LabelledPair {
  score: number;
}

export interface KindReport {
  kind: PairKind;
  isMatch: boolean;
  pairs: number;
  /** Share of pairs on the right side of the threshold (recall for true kinds, specificity for false ones). */
  correct: number;
  meanScore: number;
}

export interface PairsReport {
  algorithm: Algorithm;
  threshold: number;
  atThreshold: ValidationMetrics;
  best: ValidationMetrics | null;
  kinds: KindReport[];
}

/**
 * Scores every pair (name1 as the query, name2 as the listed name).
 *
 * @example
 * scorePairs(screener, pairs, 'logic')[0].score; // 0.97
 */
export function scorePairs(screener: Screener, pairs: readonly LabelledPair[], algorithm: Algorithm = 'logic'): ScoredPair[] {
  return pairs.map((p) => ({
    ...p,
    score: screener.compare({ schema: p.schema, properties: { name: [p.name1] } }, { schema: p.schema, properties: { name: [p.name2] } }, algorithm).score,
  }));
}

/**
 * Metrics of scored pairs at `threshold`, per kind and overall, plus the F1-maximising threshold.
 *
 * @example
 * reportPairs(scored, 0.8, 'logic').atThreshold.precision; // 0.99
 */
export function reportPairs(scored: readonly ScoredPair[], threshold: number, algorithm: Algorithm = 'logic'): PairsReport {
  const kinds = new Map<PairKind, ScoredPair[]>();
  for (const p of scored) kinds.set(p.kind, [...(kinds.get(p.kind) ?? []), p]);
  const labelled = scored.map((p) => ({ score: p.score, isMatch: p.isMatch }));
  return {
    algorithm,
    threshold,
    atThreshold: metricsAt(labelled, threshold),
    best: bestF1Threshold(labelled),
    kinds: [...kinds].map(([kind, list]) => ({
      kind,
      isMatch: list[0]?.isMatch ?? false,
      pairs: list.length,
      correct: list.filter((p) => (p.score >= threshold) === p.isMatch).length / list.length,
      meanScore: list.reduce((s, p) => s + p.score, 0) / list.length,
    })),
  };
}
