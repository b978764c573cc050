import { describe, expect, it } from 'vitest';
import { CountryMapper, isCountryCode, lookupOfacCountry } from './ofac-countries.js';

describe('lookupOfacCountry', () => {
  it.each([
    ['Korea, North', 'kp'],
    ["Democratic People's Republic of Korea", 'kp'],
    ['Democratic People’s Republic of Korea', 'kp'],
    ['Korea, South', 'kr'],
    ['Burma', 'mm'],
    ['Bahamas, The', 'bs'],
    ['Congo, Democratic Republic of the', 'cd'],
    ['Cote d Ivoire', 'ci'],
    ['Region: Crimea', 'ua-cri'],
    ['Hong Kong', 'hk'],
    ['China', 'cn'],
    ['United Arab Emirates', 'ae'],
    ['  russia ', 'ru'],
    ['KP', 'kp'],
  ])('maps %s to %s', (name, code) => {
    expect(lookupOfacCountry(name)).toEqual({ code, known: true });
  });

  it('treats "undetermined" as no country, not as an unknown name', () => {
    expect(lookupOfacCountry('undetermined')).toEqual({ code: null, known: true });
  });

  it('reports names it cannot map', () => {
    expect(lookupOfacCountry('Region: Kafia Kingi')).toEqual({ code: null, known: false });
  });
});

describe('CountryMapper', () => {
  it('keeps unknown names as written and counts them for one warning each', () => {
    const mapper = new CountryMapper();
    expect(mapper.code('Korea, North')).toBe('kp');
    expect(mapper.code('Atlantis')).toBe('Atlantis');
    expect(mapper.code('Atlantis')).toBe('Atlantis');
    expect(mapper.code('undetermined')).toBeUndefined();
    expect(mapper.code(undefined)).toBeUndefined();
    expect(mapper.warnings()).toEqual(['unknown country name "Atlantis" (2×): kept as written']);
  });
});

describe('isCountryCode', () => {
  it('knows FtM codes only', () => {
    expect(isCountryCode('kp')).toBe(true);
    expect(isCountryCode('ua-cri')).toBe(true);
    expect(isCountryCode('xx')).toBe(false);
  });
});
