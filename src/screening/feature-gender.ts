/**
 * Gender: a qualifier that lowers the score when both sides state a gender and they differ
 * (`gender_mismatch`, −0.2).
 */
import type { FeatureResult } from './feature.js';

export const GENDER_MISMATCH_WEIGHT = -0.2;

export type Gender = 'male' | 'female';

/**
 * `male` / `female` from the usual spellings, null for anything else (unknown, other, empty).
 *
 * @example
 * normaliseGender('M'); // 'male'
 * normaliseGender('Female'); // 'female'
 * normaliseGender('unknown'); // null
 */
export function normaliseGender(value: string): Gender | null {
  const v = value.trim().toLowerCase();
  if (v === 'm' || v === 'male' || v === 'man') return 'male';
  if (v === 'f' || v === 'female' || v === 'woman') return 'female';
  return null;
}

export interface GenderResult extends FeatureResult {
  mismatch: boolean;
  weight: number;
}

/**
 * Compares genders; null when either side has none.
 *
 * @example
 * genderFeature('female', 'male', true)?.weight; // -0.2
 */
export function genderFeature(query: Gender | null, listed: Gender | null, explain: boolean): GenderResult | null {
  if (query === null || listed === null) return null;
  if (query === listed) {
    return { mismatch: false, weight: 0, score: 1, query, candidate: listed, detail: explain ? `gender ${query} agrees with the listing` : '' };
  }
  return {
    mismatch: true,
    weight: GENDER_MISMATCH_WEIGHT,
    score: 1,
    query,
    candidate: listed,
    detail: explain
      ? `gender ${query} differs from the listed ${listed}; lowered the score by ${Math.abs(GENDER_MISMATCH_WEIGHT).toFixed(2)}`
      : '',
  };
}
