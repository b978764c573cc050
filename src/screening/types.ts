import type { FtmEntity } from '../ftm/entity.js';

/** Scoring algorithms. `logic` is ours (explainable, DPRK-aware); `ofac` emulates OFAC Sanctions List Search. */
export const ALGORITHMS = ['logic', 'ofac'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/**
 * A query by example, as in yente's `/match`: an FtM schema and properties (all values lists of strings).
 * Person: name, birthDate, nationality, idNumber, passportNumber, gender, address …; Company/Organization:
 * name, jurisdiction, country, registrationNumber …; Vessel: name, imoNumber, mmsi, flag; CryptoWallet:
 * publicKey (any case / format), currency.
 */
export interface MatchQuery {
  id?: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** One scored feature: what it compared, the score it gave, and a sentence a reviewer can read. */
export interface FeatureExplanation {
  /** Feature name, e.g. `name_match`, `identifier_match`, `dob_year_disjoint`. */
  feature: string;
  /** The feature's own score in [0, 1] (before its weight). */
  score: number;
  /** The signed weight it contributed with (qualifiers are negative). */
  weight: number;
  /** Plain-language explanation, e.g. "query name 'Kim Jong-un' met listed name 'KIM JONG UN' (family KIM = KIM; given JONG UN = JONG UN)". */
  detail: string;
  query?: string;
  candidate?: string;
}

export interface MatchResult {
  entity: FtmEntity;
  score: number;
  /** score >= threshold */
  match: boolean;
  /** threshold > score >= review threshold: a reviewer should look. */
  review: boolean;
  explanations: Record<string, FeatureExplanation>;
}

export interface MatchOptions {
  /** Results to return (default 5, max 500). */
  limit?: number;
  /** Score at or above which `match` is true (default: the validated threshold). */
  threshold?: number;
  /** Results below this are dropped (default: the review threshold). */
  cutoff?: number;
  algorithm?: Algorithm;
  /** Only entities of these lists (list names, e.g. `un_sc`); all when absent. */
  lists?: string[];
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  schema?: string;
  lists?: string[];
}
