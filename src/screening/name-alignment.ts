/**
 * Aligns the tokens of two name readings and scores the alignment.
 *
 * Tokens are paired greedily, best pair first (order-free, so `KIM Jong Un`, `Jong Un KIM` and
 * `YONG CHOL, JO` align with their listed forms); a token left over may then pair with two
 * adjacent tokens of the other side when they spell it joined (`Jongun` = `Jong Un`,
 * `Jiadong` = `Jia Dong`). The score is the weighted mean of the pair similarities, with the
 * tokens left over weighing against it:
 *
 *   score = Σ w·sim / (Σ w + Σ w(query extra) × 1.0 + Σ w(listed extra) × f)
 *
 * where w is the mean of the two token weights (family name 1.3, given 1, particle 0.3,
 * organisation generic word 0.4; a generic query word left over counts half), and f = 1.0 for a
 * listed family name or when both names read as Korean (a Korean given name is one unit:
 * `Kim Jong` is not `Kim Jong Un`), 0.3 otherwise (a listed middle name the query left out).
 *
 * Two names with the same letters but different spacing (`MYONGC HIN` / `MYONG CHIN`) score at
 * least 0.97. When both names read as Korean and the listed given-name syllables were met in
 * another order (`KIM CHOL SONG` vs `KIM SONG CHOL`: 철성 is not 성철), the score is multiplied by
 * 0.65. An organisation match that rests on generic words only ("Trading", "Korea"; legal forms
 * are dropped earlier) is capped at 0.5, as is a person match on particles only (`al`, `bin`).
 */
import type { NameReading } from './name-readings.js';
import { osaDistance } from './string-distance.js';
import { packedRule, packedScore, TOKEN_RULES, TOKEN_SCORES, type TokenComparer, type TokenRule } from './token-similarity.js';

export const ALIGNMENT_WEIGHTS = {
  extraQuery: 1.0,
  /** A generic word or particle of the query missing from the listed name weighs half. */
  extraQueryGeneric: 0.5,
  extraCandidate: 0.3,
  extraCandidateStrict: 1.0,
  spacing: 0.97,
  genericOnlyCap: 0.5,
  /** Factor for Korean given-name syllables met in another order (성철 Song Chol ≠ 철성 Chol Song). */
  syllableOrder: 0.65,
} as const;

export interface AlignedPart {
  /** Token indexes in the query reading (two for a joined pair). */
  query: number[];
  /** Token indexes in the candidate reading. */
  candidate: number[];
  score: number;
  rule: TokenRule;
  weight: number;
}

export interface Alignment {
  score: number;
  parts: AlignedPart[];
  /** Query token indexes left unmatched. */
  extraQuery: number[];
  /** Candidate token indexes left unmatched. */
  extraCandidate: number[];
  /** Why the score was capped, when it was. */
  capped: 'generic-only' | null;
  /** The names are the same letters spaced differently. */
  spacing: boolean;
  /** Korean given-name syllables matched in another order (a different given name). */
  syllableOrder: boolean;
}

const MAX = 32;
const sims = new Int32Array(MAX * MAX);
const simScores = new Float64Array(MAX * MAX);
const pairOfQuery = new Int32Array(MAX);
const pairOfCandidate = new Int32Array(MAX);
// For joined pairs: the partner index of the second token, -1 otherwise.
const joinedQuery = new Int32Array(MAX);
const joinedCandidate = new Int32Array(MAX);
const pairScore = new Float64Array(MAX);
const pairRule = new Int32Array(MAX);

/**
 * Scores the alignment of a query reading against a candidate reading; with `detail` the pairs
 * and leftovers are returned for explanations (otherwise only `score` is meaningful).
 *
 * @example
 * alignReadings(query, listed, comparer, true);
 * // { score: 0.97, parts: [{ query: [0], candidate: [0], rule: 'korean-surname' }, …], … }
 */
export function alignReadings(q: NameReading, c: NameReading, comparer: TokenComparer, detail = false): Alignment {
  const score = alignmentScore(q, c, comparer);
  const pairs = detail ? describePairs(q, c, Math.min(q.tokens.length, MAX), Math.min(c.tokens.length, MAX)) : { parts: [], extraQuery: [], extraCandidate: [] };
  return { score, capped: lastCapped, spacing: lastSpacing, syllableOrder: lastSyllableOrder, parts: pairs.parts, extraQuery: pairs.extraQuery, extraCandidate: pairs.extraCandidate };
}

// Flags of the last alignment computed by alignmentScore.
let lastCapped: Alignment['capped'] = null;
let lastSpacing = false;
let lastSyllableOrder = false;

/**
 * The alignment score alone, allocating nothing (the ranking pass calls it for every reading
 * pair of every candidate).
 *
 * @example
 * alignmentScore(query, listed, comparer); // 0.97
 */
export function alignmentScore(q: NameReading, c: NameReading, comparer: TokenComparer): number {
  const nq = Math.min(q.tokens.length, MAX);
  const nc = Math.min(c.tokens.length, MAX);
  let any = false;
  for (let i = 0; i < nq; i++) {
    pairOfQuery[i] = -1;
    joinedQuery[i] = -1;
    const qi = q.tokens[i] as number;
    const row = i * MAX;
    for (let j = 0; j < nc; j++) {
      const packed = comparer.packed(qi, c.tokens[j] as number);
      sims[row + j] = packed;
      const s = packedScore(packed);
      simScores[row + j] = s;
      if (s > 0) any = true;
    }
  }
  for (let j = 0; j < nc; j++) {
    pairOfCandidate[j] = -1;
    joinedCandidate[j] = -1;
  }

  // Greedy best pairs. Ties prefer family-with-family, then the same position.
  let paired = 0;
  const most = nq < nc ? nq : nc;
  while (any && paired < most) {
    let best = 0;
    let bestRank = -1;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < nq; i++) {
      if (pairOfQuery[i] !== -1) continue;
      const row = i * MAX;
      const qf = q.family[i];
      for (let j = 0; j < nc; j++) {
        if (pairOfCandidate[j] !== -1) continue;
        const s = simScores[row + j] as number;
        if (s <= 0 || s + 0.003 < bestRank) continue;
        const rank = s + (qf === c.family[j] ? 0.002 : 0) - (i > j ? i - j : j - i) * 0.0001;
        if (rank > bestRank) {
          bestRank = rank;
          best = s;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    pairOfQuery[bi] = bj;
    pairOfCandidate[bj] = bi;
    pairScore[bi] = best;
    pairRule[bi] = sims[bi * MAX + bj] as number;
    paired++;
  }

  // Joined pairs: a leftover token spelled as two adjacent leftovers of the other side.
  if (nq - paired >= 1 && nc - paired >= 2) joinLeftovers(q, c, nq, nc, comparer, false);
  if (nc - paired >= 1 && nq - paired >= 2) joinLeftovers(c, q, nc, nq, comparer, true);

  let sum = 0;
  let matchedWeight = 0;
  let penalty = 0;
  let coreMatched = false;
  const strict = q.korean && c.korean;
  for (let i = 0; i < nq; i++) {
    const j = pairOfQuery[i] as number;
    const wq = q.weights[i] as number;
    if (j === -1) {
      penalty += wq * (q.core[i] ? ALIGNMENT_WEIGHTS.extraQuery : ALIGNMENT_WEIGHTS.extraQueryGeneric);
      continue;
    }
    if (j === -2) continue; // second token of a joined query pair, counted with its first
    const j2 = joinedCandidate[j] as number;
    const i2 = joinedQuery[i] as number;
    const wc = j2 >= 0 ? ((c.weights[j] as number) + (c.weights[j2] as number)) / 2 : (c.weights[j] as number);
    const wqq = i2 >= 0 ? (wq + (q.weights[i2] as number)) / 2 : wq;
    const w = (wqq + wc) / 2;
    const s = pairScore[i] as number;
    sum += w * s;
    matchedWeight += w;
    if (q.core[i] && c.core[j]) coreMatched = true;
  }
  for (let j = 0; j < nc; j++) {
    if (pairOfCandidate[j] !== -1) continue;
    const wc = c.weights[j] as number;
    const factor = strict || c.family[j] ? ALIGNMENT_WEIGHTS.extraCandidateStrict : ALIGNMENT_WEIGHTS.extraCandidate;
    penalty += wc * factor;
  }
  const total = matchedWeight + penalty;
  let score = total > 0 ? sum / total : 0;
  let spacing = false;
  if (score < ALIGNMENT_WEIGHTS.spacing && q.squashed.length === c.squashed.length && q.squashed.length > 0 && q.squashed === c.squashed) {
    score = ALIGNMENT_WEIGHTS.spacing;
    spacing = true;
    coreMatched = coreMatched || hasCore(q) || hasCore(c);
  }
  let syllableOrder = false;
  if (strict && !spacing && givenOrderBroken(q, c, nc)) {
    score *= ALIGNMENT_WEIGHTS.syllableOrder;
    syllableOrder = true;
  }
  let capped: Alignment['capped'] = null;
  if (!coreMatched && score > ALIGNMENT_WEIGHTS.genericOnlyCap) {
    const bothGenericOnly = !hasCore(q) && !hasCore(c);
    const complete = penalty === 0;
    if (!(bothGenericOnly && complete)) {
      score = ALIGNMENT_WEIGHTS.genericOnlyCap;
      capped = 'generic-only';
    }
  }
  lastCapped = capped;
  lastSpacing = spacing;
  lastSyllableOrder = syllableOrder;
  return score;
}

/**
 * True when the candidate's given-name tokens, in their written order, were paired with query
 * tokens in decreasing order. Pairs that involve a family-name token on either side (where the
 * name order is a guess: `Yong Ho O` could be family-first) and joined pairs are left out.
 */
function givenOrderBroken(q: NameReading, c: NameReading, nc: number): boolean {
  let last = -1;
  for (let j = 0; j < nc; j++) {
    if (c.family[j]) continue;
    const i = pairOfCandidate[j] as number;
    if (i < 0 || joinedCandidate[j] !== -1) continue;
    if (q.family[i] || joinedQuery[i] !== -1 || pairOfQuery[i] !== j) continue;
    if (i < last) return true;
    last = i;
  }
  return false;
}

function hasCore(r: NameReading): boolean {
  for (let i = 0; i < r.core.length; i++) if (r.core[i]) return true;
  return false;
}

/**
 * Pairs a leftover token of `a` with two adjacent leftovers of `b` that spell it when joined.
 * `swapped` says that `a` is the candidate side (so the pair arrays are used the other way).
 */
function joinLeftovers(a: NameReading, b: NameReading, na: number, nb: number, comparer: TokenComparer, swapped: boolean): void {
  const pairA = swapped ? pairOfCandidate : pairOfQuery;
  const pairB = swapped ? pairOfQuery : pairOfCandidate;
  const joinedB = swapped ? joinedQuery : joinedCandidate;
  for (let i = 0; i < na; i++) {
    if (pairA[i] !== -1) continue;
    const text = comparer.table.info(a.tokens[i] as number).text;
    if (text.length < 3) continue;
    for (let j = 0; j + 1 < nb; j++) {
      if (pairB[j] !== -1 || pairB[j + 1] !== -1) continue;
      const left = comparer.table.info(b.tokens[j] as number).text;
      const right = comparer.table.info(b.tokens[j + 1] as number).text;
      if (left.charCodeAt(0) !== text.charCodeAt(0) || Math.abs(left.length + right.length - text.length) > 1) continue;
      const joined = left + right;
      const edits = joined === text ? 0 : joined.length >= 6 ? osaDistance(joined, text, 1) : 2;
      if (edits > 1) continue;
      const score = edits === 0 ? TOKEN_SCORES.joined : TOKEN_SCORES.joined - 0.05;
      // Record the pair on the query side's first token.
      if (swapped) {
        pairOfQuery[j] = i;
        pairOfQuery[j + 1] = -2;
        joinedQuery[j] = j + 1;
        pairOfCandidate[i] = j;
        pairScore[j] = score;
        pairRule[j] = JOINED_PACKED;
      } else {
        pairOfQuery[i] = j;
        pairOfCandidate[j] = i;
        pairOfCandidate[j + 1] = i;
        joinedB[j] = j + 1;
        pairScore[i] = score;
        pairRule[i] = JOINED_PACKED;
      }
      break;
    }
  }
}

// A packed value carrying the `joined` rule (score bits unused).
const JOINED_PACKED = TOKEN_RULES.indexOf('joined');

function describePairs(q: NameReading, c: NameReading, nq: number, nc: number): Pick<Alignment, 'parts' | 'extraQuery' | 'extraCandidate'> {
  const parts: AlignedPart[] = [];
  const extraQuery: number[] = [];
  const extraCandidate: number[] = [];
  for (let i = 0; i < nq; i++) {
    const j = pairOfQuery[i] as number;
    if (j === -1) {
      extraQuery.push(i);
      continue;
    }
    if (j === -2) continue;
    const i2 = joinedQuery[i] as number;
    const j2 = joinedCandidate[j] as number;
    const rule = packedRule(pairRule[i] as number);
    parts.push({
      query: i2 >= 0 ? [i, i2] : [i],
      candidate: j2 >= 0 ? [j, j2] : [j],
      score: pairScore[i] as number,
      rule,
      weight: ((q.weights[i] as number) + (c.weights[j] as number)) / 2,
    });
  }
  for (let j = 0; j < nc; j++) if (pairOfCandidate[j] === -1) extraCandidate.push(j);
  return { parts, extraQuery, extraCandidate };
}
