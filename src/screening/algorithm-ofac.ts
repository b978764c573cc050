/**
 * `algorithm=ofac`: emulates the scores of OFAC's Sanctions List Search (as nomenklatura's
 * `ofac` algorithm does, domain brief §4), for parity with what US compliance teams see there.
 *
 * Name score (`ofac_name_score`, weight 1.0), the maximum over all query-name × listed-name
 * pairs (aliases and weak aliases included) of:
 * - whole-string Jaro–Winkler, only when both names start with the same letter (0 otherwise);
 * - per-token best pairs: each query token of 3 letters or more is paired with its most similar
 *   listed token by Jaro–Winkler; a best pair under 0.5 counts 0; the mean over query tokens.
 *   Query tokens of 1–2 letters are dropped, which is why OFAC's tool gives 100 to several
 *   different people for `KIM JONG UN` — this emulation reproduces that on purpose.
 * Jaro–Winkler here applies the prefix bonus without the usual 0.7 boost threshold.
 * Non-Latin names are transliterated first (OFAC's tool accepts Latin input only).
 * Qualifiers: `country_mismatch` −0.1, `dob_year_disjoint` −0.1, `dob_day_disjoint` −0.15
 * (no common full date), `gender_mismatch` −0.1, `orgid_disjoint` −0.1. An exact crypto address
 * scores 1.0. Scores are rounded to whole percent, as the tool shows them.
 */
import { comparisonText, detectScript, toLatin } from '../names/index.js';
import { countryFeature } from './feature-country.js';
import { genderFeature } from './feature-gender.js';
import { orgIdDisjoint, walletFeature } from './feature-identifier.js';
import { compatibleMask, SCHEMA_BITS } from './feature-schema.js';
import type { PartialDate } from './feature-birth-date.js';
import { formatWeight } from './explain.js';
import { jaroWinkler } from './string-distance.js';
import type { Scored } from './score.js';
import type { Subject } from './subject.js';
import type { FeatureExplanation } from './types.js';

export const OFAC_WEIGHTS = {
  name: 1,
  countryMismatch: -0.1,
  dobYearDisjoint: -0.1,
  dobDayDisjoint: -0.15,
  genderMismatch: -0.1,
  orgIdDisjoint: -0.1,
} as const;

const TOKEN_FLOOR = 0.5;
const MIN_TOKEN_LENGTH = 3;
const JW = { boostThreshold: 0 } as const;

interface OfacName {
  name: string;
  text: string;
  tokens: string[];
}

const formsCache = new WeakMap<Subject, OfacName[]>();

function ofacNames(subject: Subject): OfacName[] {
  let forms = formsCache.get(subject);
  if (!forms) {
    forms = [...subject.names, ...subject.weakNames].map((name) => {
      const latin = detectScript(name) === 'latin' ? name : toLatin(name);
      const text = comparisonText(latin.replace(/,/g, ' '));
      return { name, text, tokens: text.split(' ').filter(Boolean) };
    });
    formsCache.set(subject, forms);
  }
  return forms;
}

export interface OfacNameScore {
  score: number;
  method: 'whole' | 'tokens';
  query: string;
  candidate: string;
}

/**
 * The OFAC-style name score of two names (already in comparison text).
 *
 * @example
 * ofacPairScore('kim jong un', 'kim jong sik').score; // 1 ("un" is dropped: KIM and JONG both found)
 */
export function ofacPairScore(query: string, listed: string): { score: number; method: 'whole' | 'tokens' } {
  const whole = query.length && listed.length && query[0] === listed[0] ? jaroWinkler(query, listed, JW) : 0;
  const qTokens = query.split(' ').filter((t) => t.length >= MIN_TOKEN_LENGTH);
  const lTokens = listed.split(' ').filter(Boolean);
  let tokens = 0;
  if (qTokens.length && lTokens.length) {
    let sum = 0;
    for (const q of qTokens) {
      let best = 0;
      for (const l of lTokens) best = Math.max(best, jaroWinkler(q, l, JW));
      sum += best >= TOKEN_FLOOR ? best : 0;
    }
    tokens = sum / qTokens.length;
  }
  return tokens > whole ? { score: Math.min(1, tokens), method: 'tokens' } : { score: Math.min(1, whole), method: 'whole' };
}

/**
 * The best OFAC-style name score over all name pairs of two subjects.
 *
 * @example
 * ofacNameScore(query, listed); // { score: 0.93, method: 'tokens', query: 'Kim Jong Un', candidate: 'KIM, Jong Un' }
 */
export function ofacNameScore(query: Subject, listed: Subject): OfacNameScore {
  let best: OfacNameScore = { score: 0, method: 'whole', query: '', candidate: '' };
  for (const q of ofacNames(query)) {
    for (const l of ofacNames(listed)) {
      const s = ofacPairScore(q.text, l.text);
      if (s.score > best.score) best = { ...s, query: q.name, candidate: l.name };
    }
  }
  return best;
}

/**
 * Scores with the OFAC emulation.
 *
 * @example
 * scoreOfac(query, listed, true).score; // 0.95
 */
export function scoreOfac(query: Subject, listed: Subject, explain: boolean, holder?: string): Scored {
  const explanations: Record<string, FeatureExplanation> = {};
  const note = (feature: string, score: number, weight: number, detail: string, q?: string, c?: string): void => {
    if (!explain) return;
    const e: FeatureExplanation = { feature, score: Math.round(score * 10_000) / 10_000, weight, detail };
    if (q !== undefined) e.query = q;
    if (c !== undefined) e.candidate = c;
    explanations[feature] = e;
  };
  if ((compatibleMask(query.schemaClass) & SCHEMA_BITS[listed.schemaClass]) === 0) {
    note('schema_mismatch', 1, 0, `a ${query.schema} query cannot be the listed ${listed.schema}`);
    return { score: 0, explanations };
  }
  const wallet = walletFeature(query.wallets, listed.wallets, explain, holder);
  if (wallet) {
    note('crypto_wallet_match', 1, 1, wallet.detail, wallet.query, wallet.candidate);
    return { score: 1, explanations };
  }
  const name = ofacNameScore(query, listed);
  if (name.score <= 0) return { score: 0, explanations };
  note(
    'ofac_name_score',
    name.score,
    OFAC_WEIGHTS.name,
    explain
      ? `query name '${name.query}' against listed name '${name.candidate}': ${
          name.method === 'whole'
            ? 'Jaro–Winkler of the whole names (same first letter)'
            : 'mean of the best Jaro–Winkler pair of each query word of 3+ letters (shorter words dropped, as OFAC does)'
        }`
      : '',
    name.query,
    name.candidate,
  );
  let score = name.score;
  const country = countryFeature(query.countries, listed.countries, false);
  if (country?.mismatch) {
    score += OFAC_WEIGHTS.countryMismatch;
    note('country_mismatch', 1, OFAC_WEIGHTS.countryMismatch, `no country in common (${query.countries.join(', ')} vs listed ${listed.countries.join(', ')}): ${formatWeight(OFAC_WEIGHTS.countryMismatch)}`);
  }
  if (query.birthDates.length && listed.birthDates.length) {
    const qDays = fullDates(query.birthDates);
    const lDays = fullDates(listed.birthDates);
    if (qDays.length && lDays.length && !qDays.some((d) => lDays.includes(d))) {
      score += OFAC_WEIGHTS.dobDayDisjoint;
      note('dob_day_disjoint', 1, OFAC_WEIGHTS.dobDayDisjoint, `no birth date in common (${qDays.join(', ')} vs listed ${lDays.join(', ')}): ${formatWeight(OFAC_WEIGHTS.dobDayDisjoint)}`);
    }
    const qYears = query.birthDates.map((d) => d.year);
    const lYears = listed.birthDates.map((d) => d.year);
    if (!qYears.some((y) => lYears.includes(y))) {
      score += OFAC_WEIGHTS.dobYearDisjoint;
      note('dob_year_disjoint', 1, OFAC_WEIGHTS.dobYearDisjoint, `no birth year in common (${qYears.join(', ')} vs listed ${lYears.join(', ')}): ${formatWeight(OFAC_WEIGHTS.dobYearDisjoint)}`);
    }
  }
  const gender = genderFeature(query.gender, listed.gender, false);
  if (gender?.mismatch) {
    score += OFAC_WEIGHTS.genderMismatch;
    note('gender_mismatch', 1, OFAC_WEIGHTS.genderMismatch, `gender ${query.gender} vs listed ${listed.gender}: ${formatWeight(OFAC_WEIGHTS.genderMismatch)}`);
  }
  if (orgIdDisjoint(query.identifiers, listed.identifiers)) {
    score += OFAC_WEIGHTS.orgIdDisjoint;
    note('orgid_disjoint', 1, OFAC_WEIGHTS.orgIdDisjoint, `registration numbers on both sides, none in common: ${formatWeight(OFAC_WEIGHTS.orgIdDisjoint)}`);
  }
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100, explanations };
}

function fullDates(dates: readonly PartialDate[]): string[] {
  return dates.filter((d) => d.day !== undefined).map((d) => d.text);
}
