/**
 * `name_match` (weight 1.0): the best alignment over every pair of a query reading and a
 * listed reading (name, aliases, former names; every romanisation of Hangul, pinyin,
 * Wade–Giles and hanja readings of Han). See name-alignment.ts for how one pair is scored and
 * token-similarity.ts for the token rules (Korean syllable keys and family names, short-token
 * handling, typos).
 */
import { describeNameMatch, type NameLabeller } from './explain.js';
import type { FeatureResult } from './feature.js';
import { alignmentScore, alignReadings, type Alignment } from './name-alignment.js';
import type { NameReading } from './name-readings.js';
import type { TokenComparer } from './token-similarity.js';

export const NAME_MATCH_WEIGHT = 1;

export interface BestNamePair {
  score: number;
  query: NameReading | null;
  candidate: NameReading | null;
}

/**
 * The best-scoring pair of readings, without explanation (the ranking pass).
 *
 * @example
 * bestNamePair(queryReadings, listedReadings, comparer).score; // 0.97
 */
export function bestNamePair(query: readonly NameReading[], listed: readonly NameReading[], comparer: TokenComparer): BestNamePair {
  let best: BestNamePair = { score: 0, query: null, candidate: null };
  for (const q of query) {
    for (const c of listed) {
      const score = alignmentScore(q, c, comparer);
      if (score > best.score) {
        best = { score, query: q, candidate: c };
        if (score >= 1) return best;
      }
    }
  }
  return best;
}

export interface NameMatchResult extends FeatureResult {
  alignment: Alignment | null;
  queryReading: NameReading | null;
  candidateReading: NameReading | null;
}

/**
 * Scores the names of a query against a listed entity's names; with `explain`, says which query
 * name met which listed name, part by part, and which variant or transliteration rule fired.
 *
 * @example
 * nameMatchFeature(readings('Kim Jong-un'), readings('KIM, Jong Un'), comparer, true).detail;
 * // "query name 'Kim Jong-un' met listed name 'KIM, Jong Un': KIM = KIM (family name); JONG = JONG; UN = UN"
 */
export function nameMatchFeature(
  query: readonly NameReading[],
  listed: readonly NameReading[],
  comparer: TokenComparer,
  explain: boolean,
  label?: NameLabeller,
): NameMatchResult {
  const best = bestNamePair(query, listed, comparer);
  if (!best.query || !best.candidate) return { score: 0, detail: '', alignment: null, queryReading: null, candidateReading: null };
  if (!explain) return { score: best.score, detail: '', alignment: null, queryReading: best.query, candidateReading: best.candidate };
  const alignment = alignReadings(best.query, best.candidate, comparer, true);
  return {
    score: best.score,
    query: best.query.name,
    candidate: best.candidate.name,
    detail: describeNameMatch(alignment, best.query, best.candidate, comparer.table, label),
    alignment,
    queryReading: best.query,
    candidateReading: best.candidate,
  };
}
