import { ftmModel } from '../../ftm/model.js';

const LABELS: ReadonlyMap<string, string> = ftmModel.getType('country').values;

/**
 * A country name as compared in lookups: accents and curly apostrophes dropped, whitespace collapsed,
 * a final dot dropped, lower case.
 *
 * @example
 * foldCountryName(' Côte d’Ivoire. '); // "cote d'ivoire"
 */
export function foldCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '')
    .trimEnd()
    .toLowerCase();
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
 * A lookup from country name to FollowTheMoney code: FtM's own labels plus a list's spellings (which
 * win over the labels), both compared folded ({@link foldCountryName}). Undefined for a name it does
 * not know.
 *
 * @example
 * const find = countryNameIndex({ 'korea, north': 'kp' });
 * find('Korea, North'); // 'kp'
 * find('Singapore'); // 'sg'
 */
export function countryNameIndex(spellings: Readonly<Record<string, string>>): (name: string) => string | undefined {
  let byName: Map<string, string> | undefined;
  return (name) => {
    if (!byName) {
      byName = new Map();
      for (const [code, label] of LABELS) byName.set(foldCountryName(label), code);
      for (const [spelling, code] of Object.entries(spellings)) byName.set(foldCountryName(spelling), code);
    }
    return byName.get(foldCountryName(name));
  };
}
