import { describe, expect, it } from 'vitest';
import { GENDER_MISMATCH_WEIGHT, genderFeature, normaliseGender } from './feature-gender.js';

describe('gender', () => {
  it('normalises the usual spellings and nothing else', () => {
    expect(['M', 'male', 'Man', 'f', 'Female', 'unknown', ''].map(normaliseGender)).toEqual(['male', 'male', 'male', 'female', 'female', null, null]);
  });

  it('lowers the score only when both are known and differ', () => {
    expect(genderFeature(null, 'male', true)).toBeNull();
    expect(genderFeature('male', 'male', true)).toMatchObject({ mismatch: false, weight: 0 });
    const r = genderFeature('female', 'male', true);
    expect(r).toMatchObject({ mismatch: true, weight: GENDER_MISMATCH_WEIGHT });
    expect(r?.detail).toMatch(/differs from the listed male/);
  });
});
