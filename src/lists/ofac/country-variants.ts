import { lookupOfacCountry, type CountryLookup } from './ofac-countries.js';

/**
 * Further spellings found in the OFAC CSV files (nationalities, places of birth, vessel flags,
 * document countries, address countries of the 2024 SDN and 2025 Consolidated sets) that the shared
 * table in ofac-countries.ts does not cover yet. Historic states use FollowTheMoney's codes.
 */
const VARIANTS: Readonly<Record<string, string>> = {
  'bosnia-herzegovina': 'ba',
  'bosina-herzegovina': 'ba',
  bosnia: 'ba',
  "democratic people's republic of korea": 'kp',
  'democratic republic of the congo': 'cd',
  drc: 'cd',
  'republic of serbia': 'rs',
  'ivory coast': 'ci',
  'comoros islands': 'km',
  ussr: 'suhh',
  'ex-yugoslavia': 'yucs',
  'st. kitts and nevis': 'kn',
  'st kitts and nevis': 'kn',
  'st. kitts & nevis': 'kn',
  'st. vincent and the grenadines': 'vc',
  'palestinian authority': 'ps',
  'palestinian territories': 'ps',
  gaza: 'ps',
  'gaza strip': 'ps',
  'gaza (palestinian authority)': 'ps',
  'west bank (palestinian authority)': 'ps',
  england: 'gb',
  'the philippines': 'ph',
  phillipines: 'ph',
  'the russian federation': 'ru',
  crimea: 'ua-cri',
  eritrean: 'er',
};

/** OFAC's ways of saying that no country is known. */
const NO_COUNTRY: ReadonlySet<string> = new Set(['none identified', 'none', 'stateless']);

/**
 * Maps a country as written in the OFAC CSV files to a FollowTheMoney code: these variants first,
 * then the shared OFAC table and FtM's own labels.
 *
 * @example
 * lookupCountry('Korea, North'); // { code: 'kp' }
 * lookupCountry('St. Kitts & Nevis'); // { code: 'kn' }
 * lookupCountry('None Identified'); // { code: null, known: true }
 */
export function lookupCountry(name: string): CountryLookup {
  const key = name.replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();
  const code = VARIANTS[key];
  if (code) return { code, known: true };
  if (NO_COUNTRY.has(key)) return { code: null, known: true };
  return lookupOfacCountry(name);
}
