/**
 * `weak_alias_match` (weight 0.75): the query name against the listed low-quality aliases
 * (UN "Low" quality a.k.a.s, OFAC weak a.k.a.s: nicknames, single words, noms de guerre).
 * Such aliases identify poorly, so even an exact hit stays below the match threshold on its own
 * and lands in the review band; birth date or identifiers must confirm it.
 */
import { describeNameMatch, type NameLabeller } from './explain.js';
import { bestNamePair, type NameMatchResult } from './feature-name-match.js';
import { alignReadings } from './name-alignment.js';
import type { NameReading } from './name-readings.js';
import type { TokenComparer } from './token-similarity.js';

export const WEAK_ALIAS_WEIGHT = 0.75;

/**
 * Best alignment of the query names with the listed weak aliases.
 *
 * @example
 * weakAliasFeature(readings('Rumuli'), weakReadings(gaston), comparer, true).score; // 1 (× 0.75 in the total)
 */
export function weakAliasFeature(
  query: readonly NameReading[],
  weak: readonly NameReading[],
  comparer: TokenComparer,
  explain: boolean,
  label?: NameLabeller,
): NameMatchResult {
  if (weak.length === 0 || query.length === 0) return { score: 0, detail: '', alignment: null, queryReading: null, candidateReading: null };
  const best = bestNamePair(query, weak, comparer);
  if (!best.query || !best.candidate || best.score === 0) {
    return { score: 0, detail: '', alignment: null, queryReading: null, candidateReading: null };
  }
  if (!explain) return { score: best.score, detail: '', alignment: null, queryReading: best.query, candidateReading: best.candidate };
  const alignment = alignReadings(best.query, best.candidate, comparer, true);
  const detail = `${describeNameMatch(alignment, best.query, best.candidate, comparer.table, label)}; a weak alias counts ${WEAK_ALIAS_WEIGHT} of a name`;
  return { score: best.score, query: best.query.name, candidate: best.candidate.name, detail, alignment, queryReading: best.query, candidateReading: best.candidate };
}
