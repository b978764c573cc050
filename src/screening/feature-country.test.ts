import { describe, expect, it } from 'vitest';
import { COUNTRY_MISMATCH_WEIGHT, countryFeature, normaliseCountry } from './feature-country.js';

describe('normaliseCountry', () => {
  it('reads codes and names as the lists write them', () => {
    expect(normaliseCountry('KP')).toBe('kp');
    expect(normaliseCountry('Korea, North')).toBe('kp');
    expect(normaliseCountry("Democratic People's Republic of Korea")).toBe('kp');
    expect(normaliseCountry('North Korea')).toBe('kp');
    expect(normaliseCountry('Atlantis')).toBeNull();
    expect(normaliseCountry('')).toBeNull();
  });
});

describe('countryFeature', () => {
  it('is null without countries on either side', () => {
    expect(countryFeature([], ['kp'], true)).toBeNull();
  });

  it('reports a shared country without changing the score', () => {
    const r = countryFeature(['kp'], ['ru', 'kp'], true);
    expect(r).toMatchObject({ mismatch: false, weight: 0 });
    expect(r?.detail).toMatch(/country kp is among the listed countries \(ru, kp\)/);
  });

  it('lowers the score when no country is shared', () => {
    const r = countryFeature(['iq'], ['kp'], true);
    expect(r).toMatchObject({ mismatch: true, weight: COUNTRY_MISMATCH_WEIGHT });
    expect(r?.detail).toMatch(/lowered the score by 0.20/);
  });
});
