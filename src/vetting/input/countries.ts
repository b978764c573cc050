import { ownValue } from '../../common/own.js';
import { ftmModel } from '../../ftm/model.js';

/** Names and demonyms people write for countries, beyond the FollowTheMoney labels. Keys are lower case. */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'us',
  'u.s.': 'us',
  'u.s.a.': 'us',
  america: 'us',
  'united states of america': 'us',
  american: 'us',
  uk: 'gb',
  'u.k.': 'gb',
  'great britain': 'gb',
  britain: 'gb',
  england: 'gb',
  scotland: 'gb',
  wales: 'gb',
  british: 'gb',
  korea: 'kr',
  'republic of korea': 'kr',
  'korea, republic of': 'kr',
  'south korean': 'kr',
  korean: 'kr',
  rok: 'kr',
  'north korean': 'kp',
  dprk: 'kp',
  "democratic people's republic of korea": 'kp',
  'korea, north': 'kp',
  'korea, south': 'kr',
  chinese: 'cn',
  prc: 'cn',
  "people's republic of china": 'cn',
  russian: 'ru',
  'russian federation': 'ru',
  japanese: 'jp',
  german: 'de',
  deutschland: 'de',
  french: 'fr',
  canadian: 'ca',
  mexican: 'mx',
  brazilian: 'br',
  indian: 'in',
  ukrainian: 'ua',
  polish: 'pl',
  vietnamese: 'vn',
  'viet nam': 'vn',
  filipino: 'ph',
  indonesian: 'id',
  malaysian: 'my',
  singaporean: 'sg',
  thai: 'th',
  laos: 'la',
  lao: 'la',
  "lao people's democratic republic": 'la',
  cambodian: 'kh',
  nigerian: 'ng',
  argentinian: 'ar',
  argentine: 'ar',
  spanish: 'es',
  italian: 'it',
  dutch: 'nl',
  holland: 'nl',
  swedish: 'se',
  turkish: 'tr',
  turkey: 'tr',
  türkiye: 'tr',
  czechia: 'cz',
  taiwanese: 'tw',
  'hong kong': 'hk',
  emirates: 'ae',
  uae: 'ae',
};

/** Values that mean "no country given". */
const NOT_A_COUNTRY = new Set(['', 'n/a', 'na', 'none', 'unknown', '-', '?']);

let byName: Map<string, string> | undefined;

function nameIndex(): Map<string, string> {
  if (!byName) {
    byName = new Map();
    for (const [code, label] of ftmModel.getType('country').values) {
      byName.set(code, code);
      byName.set(label.toLowerCase(), code);
    }
    for (const [name, code] of Object.entries(COUNTRY_ALIASES)) byName.set(name, code);
  }
  return byName;
}

export type CountryLookup = { kind: 'code'; code: string } | { kind: 'none' } | { kind: 'unknown'; name: string };

/**
 * Maps a country as people write it (ISO alpha-2 or alpha-3-like code, English name, demonym) to an
 * ISO-3166 alpha-2 code in lower case.
 *
 * @example
 * lookupCountry('United States'); // { kind: 'code', code: 'us' }
 * lookupCountry('KR'); // { kind: 'code', code: 'kr' }
 * lookupCountry('Atlantis'); // { kind: 'unknown', name: 'Atlantis' }
 */
export function lookupCountry(raw: string): CountryLookup {
  const name = raw.replace(/\s+/g, ' ').trim();
  const key = name.toLowerCase();
  if (NOT_A_COUNTRY.has(key)) return { kind: 'none' };
  const code = nameIndex().get(key) ?? ownValue(ALPHA3, key);
  return code ? { kind: 'code', code } : { kind: 'unknown', name };
}

/** Alpha-3 codes that people use in forms, for the countries that come up in vetting. */
const ALPHA3: Record<string, string> = {
  usa: 'us', gbr: 'gb', kor: 'kr', prk: 'kp', chn: 'cn', rus: 'ru', jpn: 'jp', deu: 'de', fra: 'fr', can: 'ca',
  mex: 'mx', bra: 'br', ind: 'in', ukr: 'ua', pol: 'pl', vnm: 'vn', phl: 'ph', idn: 'id', mys: 'my', sgp: 'sg',
  tha: 'th', lao: 'la', khm: 'kh', nga: 'ng', arg: 'ar', esp: 'es', ita: 'it', nld: 'nl', swe: 'se', tur: 'tr',
  twn: 'tw', hkg: 'hk', are: 'ae', aus: 'au', nzl: 'nz', che: 'ch', aut: 'at', bel: 'be', irl: 'ie', prt: 'pt',
  rou: 'ro', bgr: 'bg', cze: 'cz', srb: 'rs', hrv: 'hr', gin: 'gn', gnq: 'gq', tza: 'tz', ken: 'ke', zaf: 'za',
};

let names: Set<string> | undefined;

/**
 * True when the lower-case text is a country's name, alias or alpha-2 / alpha-3 code as
 * {@link lookupCountry} knows them.
 *
 * @example
 * isKnownCountryName('united states'); // true
 */
export function isKnownCountryName(lowerCaseText: string): boolean {
  names ??= new Set([...nameIndex().keys(), ...Object.keys(ALPHA3)]);
  return names.has(lowerCaseText);
}

/** The English name of a country code, or the code itself. */
export function countryLabel(code: string): string {
  return ftmModel.getType('country').values.get(code) ?? code.toUpperCase();
}
