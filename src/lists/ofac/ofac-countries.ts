import { ftmModel } from '../../ftm/model.js';

/**
 * OFAC spellings of country names that differ from the FollowTheMoney labels ("Korea, North",
 * "Burma", "Bahamas, The"), and OFAC "Region:" entries that belong to one country. Names seen in the
 * OFAC address, nationality and place-of-birth data.
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
};

/** OFAC's own "no country known" markers: not a country, not a problem either. */
const NO_COUNTRY = new Set(['undetermined', 'unknown', '-0-']);

const LABELS: ReadonlyMap<string, string> = ftmModel.getType('country').values;

const BY_NAME: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [code, label] of LABELS) map.set(foldName(label), code);
  for (const [name, code] of Object.entries(OFAC_NAMES)) map.set(foldName(name), code);
  return map;
})();

function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .trim()
    .toLowerCase();
}

export type CountryLookup = { code: string; known: true } | { code: null; known: boolean };

/**
 * Maps a country as OFAC writes it (a name, or an ISO-3166 alpha-2 code) to the FollowTheMoney code.
 * `known: true` with a null code marks OFAC's "undetermined"; `known: false` a name we cannot map.
 *
 * @example
 * lookupOfacCountry('Korea, North'); // { code: 'kp', known: true }
 * lookupOfacCountry('undetermined'); // { code: null, known: true }
 */
export function lookupOfacCountry(raw: string): CountryLookup {
  const folded = foldName(raw);
  if (!folded || NO_COUNTRY.has(folded)) return { code: null, known: true };
  const byName = BY_NAME.get(folded);
  if (byName) return { code: byName, known: true };
  if (/^[a-z]{2}$/.test(folded) && LABELS.has(folded)) return { code: folded, known: true };
  return { code: null, known: false };
}

/**
 * True when `code` is a country code FollowTheMoney knows (lower case, e.g. `kp`, `ua-cri`).
 *
 * @example
 * isCountryCode('kp'); // true
 */
export function isCountryCode(code: string): boolean {
  return LABELS.has(code);
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

  /** `lookup`: how names are read; the CSV parser's variant table can be passed to read names alike. */
  constructor(private readonly lookup: (name: string) => CountryLookup = lookupOfacCountry) {}

  /** The code for `raw`; an unknown name is returned as written (and reported); "undetermined" is undefined. */
  code(raw: string | undefined): string | undefined {
    const name = raw?.trim();
    if (!name) return undefined;
    const found = this.lookup(name);
    if (found.code) return found.code;
    if (found.known) return undefined;
    this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
    return name;
  }

  warnings(): string[] {
    return [...this.unknown].map(([name, n]) => `unknown country name "${name}" (${n}×): kept as written`);
  }
}
