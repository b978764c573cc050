/**
 * Countries: a qualifier that lowers the score when the query's countries (nationality,
 * citizenship, country, jurisdiction, flag …) and the listed entity's countries (the same
 * properties plus its addresses' and identity documents' countries) have none in common
 * (`country_mismatch`, −0.2); a shared country is reported without changing the score.
 */
import { lookupCountry } from '../lists/ofac/country-variants.js';
import { isCountryCode } from '../lists/ofac/ofac-countries.js';
import type { FeatureResult } from './feature.js';

export const COUNTRY_MISMATCH_WEIGHT = -0.2;

/** Properties that hold a country of a person, organisation or vessel. */
export const COUNTRY_PROPS = [
  'nationality',
  'citizenship',
  'country',
  'jurisdiction',
  'mainCountry',
  'birthCountry',
  'flag',
  'pastFlags',
  'residency',
] as const;

/**
 * A country code (lower-case ISO-3166 alpha-2 or FtM code) from a code or a country name, or
 * null when the value is not a country we know.
 *
 * @example
 * normaliseCountry('KP'); // 'kp'
 * normaliseCountry('Korea, North'); // 'kp'
 * normaliseCountry("Democratic People's Republic of Korea"); // 'kp'
 * normaliseCountry('Atlantis'); // null
 */
export function normaliseCountry(value: string): string | null {
  const cached = countryCache.get(value);
  if (cached !== undefined) return cached;
  const code = lookup(value);
  if (countryCache.size > 10_000) countryCache.clear();
  countryCache.set(value, code);
  return code;
}

const countryCache = new Map<string, string | null>();

function lookup(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const lower = v.toLowerCase();
  if (isCountryCode(lower)) return lower;
  const found = lookupCountry(v);
  if (found.code) return found.code;
  if (/^(dprk|north korea)$/i.test(v)) return 'kp';
  if (/^(rok|south korea)$/i.test(v)) return 'kr';
  return null;
}

export interface CountryResult extends FeatureResult {
  mismatch: boolean;
  weight: number;
}

/**
 * Compares country sets. Null when either side has none.
 *
 * @example
 * countryFeature(['kp'], ['ru', 'kp'], true); // { mismatch: false, weight: 0, detail: 'country kp is among the listed countries (ru, kp)' }
 * countryFeature(['iq'], ['kp'], true).weight; // -0.2
 */
export function countryFeature(query: readonly string[], listed: readonly string[], explain: boolean): CountryResult | null {
  if (query.length === 0 || listed.length === 0) return null;
  const shared = query.filter((c) => listed.includes(c));
  const listedText = listed.join(', ');
  if (shared.length) {
    return {
      mismatch: false,
      weight: 0,
      score: 1,
      query: shared.join(', '),
      candidate: listedText,
      detail: explain ? `country ${shared.join(', ')} is among the listed countries (${listedText})` : '',
    };
  }
  return {
    mismatch: true,
    weight: COUNTRY_MISMATCH_WEIGHT,
    score: 1,
    query: query.join(', '),
    candidate: listedText,
    detail: explain
      ? `country ${query.join(', ')} is not among the listed countries (${listedText}); lowered the score by ${Math.abs(COUNTRY_MISMATCH_WEIGHT).toFixed(2)}`
      : '',
  };
}
