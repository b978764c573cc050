import { describe, expect, it } from 'vitest';
import { lookupCountry } from './country-variants.js';
import { isCountryCode } from './ofac-countries.js';

describe('lookupCountry', () => {
  it('maps the spellings OFAC uses for North Korea', () => {
    for (const name of ['Korea, North', 'North Korea', "Democratic People's Republic of Korea", 'DPRK']) {
      expect(lookupCountry(name).code).toBe('kp');
    }
  });

  it('maps the variants found in the CSV files to FtM codes', () => {
    expect(lookupCountry('Bosnia-Herzegovina').code).toBe('ba');
    expect(lookupCountry('St. Kitts & Nevis').code).toBe('kn');
    expect(lookupCountry('USSR').code).toBe('suhh');
    expect(lookupCountry('Gaza Strip').code).toBe('ps');
    expect(lookupCountry('Russia').code).toBe('ru');
    expect(lookupCountry('Burma').code).toBe('mm');
  });

  it('knows "None Identified" is no country, and does not know made-up names', () => {
    expect(lookupCountry('None Identified')).toEqual({ code: null, known: true });
    expect(lookupCountry('Atlantis')).toEqual({ code: null, known: false });
  });

  it('only yields codes FollowTheMoney knows', () => {
    const names = ['Bosnia-Herzegovina', 'USSR', 'ex-Yugoslavia', 'Crimea', 'Eritrean', 'England', 'Ivory Coast', 'Comoros Islands', 'DRC'];
    for (const name of names) {
      const { code } = lookupCountry(name);
      expect(code && isCountryCode(code), name).toBe(true);
    }
  });
});
