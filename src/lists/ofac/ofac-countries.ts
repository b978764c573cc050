import { countryNameIndex, foldCountryName, isCountryCode } from '../common/country-names.js';

export { isCountryCode } from '../common/country-names.js';

/**
 * OFAC spellings of country names that differ from the FollowTheMoney labels ("Korea, North",
 * "Burma", "Bahamas, The"), and OFAC "Region:" entries that belong to one country. Names seen in the
 * OFAC XML and CSV files (addresses, nationalities, places of birth, vessel flags, document
 * countries); historic states use FollowTheMoney's codes.
 */
const OFAC_NAMES: Record<string, string> = {
  'korea, north': 'kp',
  'north korea': 'kp',
  "democratic people's republic of korea": 'kp',
  "korea, democratic people's republic of": 'kp',
  'dprk': 'kp',
  'korea, south': 'kr',
  'korea, republic of': 'kr',
  'burma': 'mm',
  'bahamas, the': 'bs',
  'gambia, the': 'gm',
  'the gambia': 'gm',
  'congo, democratic republic of the': 'cd',
  'congo, republic of the': 'cg',
  'cote d ivoire': 'ci',
  "cote d'ivoire": 'ci',
  'czech republic': 'cz',
  'hong kong': 'hk',
  'macau': 'mo',
  'macao': 'mo',
  'man, isle of': 'im',
  'north macedonia, the republic of': 'mk',
  'macedonia': 'mk',
  'micronesia, federated states of': 'fm',
  'palestinian': 'ps',
  'west bank': 'ps',
  'region: gaza': 'ps',
  'region: north gaza': 'ps',
  'region: northern gaza': 'ps',
  'region: west bank': 'ps',
  'region: crimea': 'ua-cri',
  'region: northern mali': 'ml',
  'region: russia': 'ru',
  'russian federation': 'ru',
  'turkey': 'tr',
  'virgin islands, british': 'vg',
  'cabo verde': 'cv',
  'sao tome and principe': 'st',
  'swaziland': 'sz',
  'vatican city': 'va',
  'brunei darussalam': 'bn',
  'united states of america': 'us',
  'usa': 'us',
  'uk': 'gb',
  'great britain': 'gb',
  'curacao': 'cw',
  'reunion': 're',
  'bosnia-herzegovina': 'ba',
  'bosina-herzegovina': 'ba',
  bosnia: 'ba',
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

/** OFAC's own "no country known" markers (compared folded): not a country, not a problem either. */
const NO_COUNTRY = new Set(['undetermined', 'unknown', '-0-', 'none identified', 'none', 'stateless']);

const findCountry = countryNameIndex(OFAC_NAMES);

export type CountryLookup = Readonly<{ code: string; known: true } | { code: null; known: boolean }>;

/**
 * Maps a country as OFAC writes it (a name, or an ISO-3166 alpha-2 code) to the FollowTheMoney code.
 * `known: true` with a null code marks OFAC's "undetermined"; `known: false` a name we cannot map.
 *
 * @example
 * lookupOfacCountry('Korea, North'); // { code: 'kp', known: true }
 * lookupOfacCountry('undetermined'); // { code: null, known: true }
 */
export function lookupOfacCountry(raw: string): CountryLookup {
  let found = lookups.get(raw);
  if (!found) {
    found = lookupUncached(raw);
    if (lookups.size >= 10_000) lookups.clear();
    lookups.set(raw, found);
  }
  return found;
}

/** The lists write the same few hundred country names tens of thousands of times. */
const lookups = new Map<string, CountryLookup>();

function lookupUncached(raw: string): CountryLookup {
  const folded = foldCountryName(raw);
  if (!folded || NO_COUNTRY.has(folded)) return { code: null, known: true };
  const byName = findCountry(folded);
  if (byName) return { code: byName, known: true };
  if (/^[a-z]{2}$/.test(folded) && isCountryCode(folded)) return { code: folded, known: true };
  return { code: null, known: false };
}

/**
 * Collects the country names a parser could not map, to report each once with a count.
 *
 * @example
 * const countries = new CountryMapper();
 * countries.code('Korea, North'); // 'kp'
 * countries.code('Atlantis');     // 'Atlantis' (kept as written)
 * countries.warnings();           // ['unknown country name "Atlantis" (1×): kept as written']
 */
export class CountryMapper {
  private readonly unknown = new Map<string, number>();

  /** The code for `raw`; an unknown name is returned as written (and reported); "undetermined" is undefined. */
  code(raw: string | undefined): string | undefined {
    const name = raw?.trim();
    if (!name) return undefined;
    const found = lookupOfacCountry(name);
    if (found.code) return found.code;
    if (found.known) return undefined;
    this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
    return name;
  }

  warnings(): string[] {
    return [...this.unknown].map(([name, n]) => `unknown country name "${name}" (${n}×): kept as written`);
  }
}
