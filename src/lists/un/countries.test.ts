import { describe, expect, it } from 'vitest';
import { unCountry } from './countries.js';

describe('unCountry', () => {
  it.each([
    ["Democratic People's Republic of Korea", 'kp'],
    ['Democratic People’s Republic of Korea', 'kp'],
    ['Lao People’s Democratic Republic', 'la'],
    ['Iran (Islamic Republic of)', 'ir'],
    ['United Kingdom of Great Britain and Northern Ireland', 'gb'],
    ['China, Hong Kong Special Administrative Region', 'hk'],
    ['Turkey', 'tr'],
    ['Türkiye', 'tr'],
    ['Viet Nam', 'vn'],
    ['former Soviet Union', 'suhh'],
    ['Congo', 'cg'],
    ['Democratic Republic of the Congo', 'cd'],
  ])('maps the UN name %s to %s', (name, code) => {
    expect(unCountry(name)).toEqual({ kind: 'code', code });
  });

  it('falls back to the FollowTheMoney country labels, ignoring case and extra whitespace', () => {
    expect(unCountry('  singapore ')).toEqual({ kind: 'code', code: 'sg' });
    expect(unCountry('British  Virgin\nIslands')).toEqual({ kind: 'code', code: 'vg' });
  });

  it('reads "na" as no country given, not as Namibia', () => {
    expect(unCountry('na')).toEqual({ kind: 'none' });
    expect(unCountry(' ')).toEqual({ kind: 'none' });
  });

  it('returns an unknown name as written (whitespace collapsed)', () => {
    expect(unCountry('Federally Administered  Tribal Areas')).toEqual({ kind: 'unknown', name: 'Federally Administered Tribal Areas' });
  });
});
