/**
 * The `logic` algorithm: combines the features into one score, as nomenklatura's logic-v2 does.
 *
 *   score = clamp(max(main feature × weight) + Σ qualifiers, 0, 1)   (qualifiers only when main > 0)
 *
 * Main features: `crypto_wallet_match` (1.0, decides alone), `name_match` (1.0),
 * `vessel_imo_mmsi_match` (0.95), `identifier_match` (0.85), `weak_alias_match` (0.75).
 * Qualifiers: `dob_year_disjoint` (−0.2), `dob_day_disjoint` (−0.08), `dob_year_near` (−0.05),
 * `dob_day_month_swapped` (−0.03), `country_mismatch` (−0.2), `gender_mismatch` (−0.2).
 * Agreements (`dob_match`, `country_match`, `gender_match`) are reported with weight 0.
 * Schemas that cannot be the same thing (a person and a company) score 0 (`schema_mismatch`).
 */
import type { NameLabeller } from './explain.js';
import type { FeatureResult } from './feature.js';
import { birthDateFeature } from './feature-birth-date.js';
import { countryFeature } from './feature-country.js';
import { genderFeature } from './feature-gender.js';
import { identifierFeature, walletFeature } from './feature-identifier.js';
import { NAME_MATCH_WEIGHT, nameMatchFeature } from './feature-name-match.js';
import { compatibleMask, SCHEMA_BITS } from './feature-schema.js';
import { WEAK_ALIAS_WEIGHT, weakAliasFeature } from './feature-weak-alias.js';
import type { Subject } from './subject.js';
import type { TokenComparer } from './token-similarity.js';
import type { FeatureExplanation } from './types.js';

export interface ScoringContext {
  comparer: TokenComparer;
  /** Says what a listed name is (name / alias / former name / weak alias) for explanations. */
  label?: NameLabeller;
  /** The holder of a listed wallet, for explanations. */
  holder?: string;
}

export interface Scored {
  score: number;
  explanations: Record<string, FeatureExplanation>;
}

/**
 * Scores a listed subject against a query subject; with `explain`, fills the explanations.
 *
 * @example
 * scoreLogic(query, listed, { comparer }, true);
 * // { score: 0.97, explanations: { name_match: { score: 0.97, weight: 1, detail: "query name …" }, dob_match: … } }
 */
export function scoreLogic(query: Subject, listed: Subject, ctx: ScoringContext, explain: boolean): Scored {
  const explanations: Record<string, FeatureExplanation> = {};
  const note = explain ? noteTo(explanations) : skip;
  if ((compatibleMask(query.schemaClass) & SCHEMA_BITS[listed.schemaClass]) === 0) {
    note('schema_mismatch', { score: 1, detail: `a ${query.schema} query cannot be the listed ${listed.schema}` }, 0);
    return { score: 0, explanations };
  }

  const wallet = walletFeature(query.wallets, listed.wallets, explain, ctx.holder);
  if (wallet) {
    note('crypto_wallet_match', wallet, wallet.weight);
    return { score: 1, explanations };
  }

  const table = ctx.comparer.table;
  const kind = listed.kind;
  const queryReadings = query.readings(kind, table);
  const allQuery = query.weakNames.length ? [...queryReadings, ...query.weakReadings(kind, table)] : queryReadings;
  let main = 0;
  const name = nameMatchFeature(allQuery, listed.readings(kind, table), ctx.comparer, explain, ctx.label);
  if (name.score > 0) {
    main = name.score * NAME_MATCH_WEIGHT;
    note('name_match', name, NAME_MATCH_WEIGHT);
  }
  if (listed.weakNames.length && main < WEAK_ALIAS_WEIGHT) {
    const weak = weakAliasFeature(allQuery, listed.weakReadings(kind, table), ctx.comparer, explain, ctx.label);
    if (weak.score * WEAK_ALIAS_WEIGHT > main) {
      main = weak.score * WEAK_ALIAS_WEIGHT;
      note('weak_alias_match', weak, WEAK_ALIAS_WEIGHT);
    }
  }
  const id = identifierFeature(query.identifiers, listed.identifiers, explain);
  if (id) {
    main = Math.max(main, id.weight);
    note(id.feature, id, id.weight);
  }
  if (main <= 0) return { score: 0, explanations };

  let adjust = 0;
  const dob = birthDateFeature(query.birthDates, listed.birthDates, explain);
  if (dob) {
    adjust += dob.weight;
    note(`dob_${dob.relation}`, dob, dob.weight);
  }
  const country = countryFeature(query.countries, listed.countries, explain);
  if (country) {
    adjust += country.weight;
    note(country.mismatch ? 'country_mismatch' : 'country_match', country, country.weight);
  }
  const gender = genderFeature(query.gender, listed.gender, explain);
  if (gender) {
    adjust += gender.weight;
    note(gender.mismatch ? 'gender_mismatch' : 'gender_match', gender, gender.weight);
  }
  return { score: round(Math.min(1, Math.max(0, main + adjust))), explanations };
}

type Note = (feature: string, r: FeatureResult, weight: number) => void;

function skip(): void {}

function noteTo(explanations: Record<string, FeatureExplanation>): Note {
  return (feature, r, weight) => {
    const e: FeatureExplanation = { feature, score: round(r.score), weight, detail: r.detail };
    if (r.query !== undefined) e.query = r.query;
    if (r.candidate !== undefined) e.candidate = r.candidate;
    explanations[feature] = e;
  };
}

/**
 * Scores are reported to 4 decimals so that equal inputs give equal, comparable numbers.
 *
 * @example
 * round(0.97083333); // 0.9708
 */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
