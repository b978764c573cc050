import { ftmModel } from '../../ftm/model.js';

/**
 * Country names as the UN list writes them (official UN short names) where they differ from the
 * FollowTheMoney labels, which are matched too. Keys are lower-case.
 */
const UN_COUNTRY_NAMES: Record<string, string> = {
  "democratic people's republic of korea": 'kp',
  'democratic people’s republic of korea': 'kp',
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
  'lao people’s democratic republic': 'la',
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

let byLabel: Map<string, string> | undefined;

function labelIndex(): Map<string, string> {
  if (!byLabel) {
    byLabel = new Map();
    for (const [code, label] of ftmModel.getType('country').values) byLabel.set(label.toLowerCase(), code);
    for (const [name, code] of Object.entries(UN_COUNTRY_NAMES)) byLabel.set(name, code);
  }
  return byLabel;
}

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
  const name = raw.replace(/\s+/g, ' ').trim();
  const key = name.toLowerCase();
  if (!key || NOT_A_COUNTRY.has(key)) return { kind: 'none' };
  const code = labelIndex().get(key);
  return code ? { kind: 'code', code } : { kind: 'unknown', name };
}
