import { collapseWhitespace } from '../../ftm/entity.js';
import { countryNameIndex } from '../common/country-names.js';

/**
 * Country names as the UN list writes them (official UN short names) where they differ from the
 * FollowTheMoney labels, which are matched too. Compared folded: case, accents and apostrophe forms
 * do not matter.
 */
const UN_COUNTRY_NAMES: Record<string, string> = {
  "democratic people's republic of korea": 'kp',
  'republic of korea': 'kr',
  'democratic republic of the congo': 'cd',
  congo: 'cg',
  'iran (islamic republic of)': 'ir',
  'syrian arab republic': 'sy',
  'russian federation': 'ru',
  'united kingdom of great britain and northern ireland': 'gb',
  'united states of america': 'us',
  'united republic of tanzania': 'tz',
  'china, hong kong special administrative region': 'hk',
  'china, macao special administrative region': 'mo',
  'state of palestine': 'ps',
  'viet nam': 'vn',
  turkey: 'tr',
  "lao people's democratic republic": 'la',
  'republic of moldova': 'md',
  'bolivia (plurinational state of)': 'bo',
  'venezuela (bolivarian republic of)': 've',
  'micronesia (federated states of)': 'fm',
  'former soviet union': 'suhh',
  'soviet union': 'suhh',
  czechia: 'cz',
};

/** Values the list uses for "no country given"; they are not countries (`na` is not Namibia here). */
const NOT_A_COUNTRY = new Set(['na', 'n/a', 'n.a.', 'unknown', '-']);

const findCountry = countryNameIndex(UN_COUNTRY_NAMES);

export type CountryLookup =
  | { kind: 'code'; code: string }
  | { kind: 'none' }
  | { kind: 'unknown'; name: string };

/**
 * Maps a country name as the UN list writes it to an ISO-3166 alpha-2 (or FtM) code.
 * `none` = an explicit "not available" marker; `unknown` = a name we have no code for.
 *
 * @example
 * unCountry("Democratic People's Republic of Korea"); // { kind: 'code', code: 'kp' }
 * unCountry('na'); // { kind: 'none' }
 */
export function unCountry(raw: string): CountryLookup {
  const name = collapseWhitespace(raw);
  const key = name.toLowerCase();
  if (!key || NOT_A_COUNTRY.has(key)) return { kind: 'none' };
  const code = findCountry(name);
  return code ? { kind: 'code', code } : { kind: 'unknown', name };
}
