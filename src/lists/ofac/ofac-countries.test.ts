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

  it('maps the spellings OFAC uses for North Korea', () => {
    for (const name of ['Korea, North', 'North Korea', "Democratic People's Republic of Korea", 'DPRK']) {
      expect(lookupOfacCountry(name).code).toBe('kp');
    }
  });

  it('maps the variants found in the CSV files to FtM codes', () => {
    expect(lookupOfacCountry('Bosnia-Herzegovina').code).toBe('ba');
    expect(lookupOfacCountry('St. Kitts & Nevis').code).toBe('kn');
    expect(lookupOfacCountry('USSR').code).toBe('suhh');
    expect(lookupOfacCountry('Gaza Strip').code).toBe('ps');
    expect(lookupOfacCountry('Russia').code).toBe('ru');
    expect(lookupOfacCountry('Burma').code).toBe('mm');
  });

  it('knows "None Identified" is no country, and does not know made-up names', () => {
    expect(lookupOfacCountry('None Identified')).toEqual({ code: null, known: true });
    expect(lookupOfacCountry('Atlantis')).toEqual({ code: null, known: false });
  });

  it('only yields codes FollowTheMoney knows', () => {
    const names = ['Bosnia-Herzegovina', 'USSR', 'ex-Yugoslavia', 'Crimea', 'Eritrean', 'England', 'Ivory Coast', 'Comoros Islands', 'DRC'];
    for (const name of names) {
      const { code } = lookupOfacCountry(name);
      expect(code && isCountryCode(code), name).toBe(true);
    }
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
