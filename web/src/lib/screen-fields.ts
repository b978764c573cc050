import type { MatchQuery } from '../api-types.js';

/** Schemata a screening query may name (as `counterflow screen --schema`). */
export const SCREEN_SCHEMAS = ['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane', 'CryptoWallet'] as const;
export type ScreenSchema = (typeof SCREEN_SCHEMAS)[number];

/** What a user types to screen one subject: the form's fields or one row of a batch CSV file. */
export interface ScreenFields {
  schema?: string;
  name?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  gender?: string;
  birthDate?: string;
  birthPlace?: string;
  /** Code or country name; the server reads names such as `North Korea` or `DPRK`. */
  nationality?: string;
  idNumber?: string;
  wallet?: string;
}

export interface FieldProblem {
  field: keyof ScreenFields;
  value: string;
  problem: string;
}

const PERSON_HINTS: (keyof ScreenFields)[] = ['firstName', 'middleName', 'lastName', 'gender', 'birthDate', 'birthPlace', 'nationality'];
const GENDERS = new Map([
  ['m', 'male'],
  ['male', 'male'],
  ['f', 'female'],
  ['female', 'female'],
  ['other', 'other'],
  ['x', 'other'],
]);

/**
 * True when the text has the shape of one crypto address (EVM hex, Bitcoin base58 or bech32, Tron);
 * the server checks the checksum.
 *
 * @example
 * looksLikeAddress('0x098B716B8Aaf21512996dC57EB0615e2383E2f96'); // true
 * looksLikeAddress('Lazarus Group'); // false
 */
export function looksLikeAddress(text: string): boolean {
  const t = text.trim();
  return /^0x[0-9a-fA-F]{40}$/.test(t) || /^(bc1|tb1)[02-9ac-hj-np-z]{11,87}$/i.test(t) || /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/.test(t) || /^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(t);
}

/**
 * Turns what a user typed into `/match` queries, by the rules of `counterflow screen` (docs/screen.md):
 * without a schema, a wallet alone is a CryptoWallet, a name with person details a Person, any other
 * name a LegalEntity; with `nameMayBeAddress` (the single-query form, like `counterflow screen ADDRESS`)
 * a name that is a crypto address is screened as a wallet. A value that cannot be used is left out and
 * reported in `problems`.
 *
 * @example
 * queriesFromFields({ name: '김정은' }).queries; // [{ schema: 'LegalEntity', properties: { name: ['김정은'] } }]
 */
export function queriesFromFields(fields: ScreenFields, options: { nameMayBeAddress?: boolean } = {}): { queries: MatchQuery[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const v = (k: keyof ScreenFields): string => (fields[k] ?? '').replace(/\s+/g, ' ').trim();
  let name = v('name') || [v('firstName'), v('middleName'), v('lastName')].filter(Boolean).join(' ');
  const idNumber = v('idNumber');
  let wallet = v('wallet');
  if (options.nameMayBeAddress && !v('schema') && !wallet && name && !idNumber && looksLikeAddress(name)) {
    wallet = name;
    name = '';
  }

  let schema: ScreenSchema | undefined;
  if (v('schema')) {
    schema = screenSchema(v('schema'));
    if (!schema) problems.push({ field: 'schema', value: v('schema'), problem: `unknown schema; use one of ${SCREEN_SCHEMAS.join(', ')}` });
  }
  schema ??= !name && !idNumber && wallet ? 'CryptoWallet' : PERSON_HINTS.some((k) => v(k)) ? 'Person' : 'LegalEntity';

  const props = new Map<string, string[]>();
  const add = (prop: string, value: string): void => {
    if (!value) return;
    const values = props.get(prop) ?? [];
    if (!values.includes(value)) values.push(value);
    props.set(prop, values);
  };
  const personOnly = (field: keyof ScreenFields): boolean => {
    if (!v(field)) return false;
    if (schema === 'Person') return true;
    problems.push({ field, value: v(field), problem: `applies to persons only, not to a ${schema}; ignored` });
    return false;
  };

  add('name', name);
  if (schema === 'Person') {
    add('firstName', v('firstName'));
    add('middleName', v('middleName'));
    add('lastName', v('lastName'));
  } else if (v('name')) {
    for (const part of ['firstName', 'middleName', 'lastName'] as const) {
      if (v(part)) problems.push({ field: part, value: v(part), problem: `name parts apply to persons only, not to a ${schema}; ignored` });
    }
  }
  if (personOnly('birthDate')) {
    const date = isoDate(v('birthDate'));
    const partial = date ? null : validPrefix(v('birthDate'));
    if (date) add('birthDate', date);
    else if (partial) {
      add('birthDate', partial);
      problems.push({ field: 'birthDate', value: v('birthDate'), problem: `not a real date; kept ${partial}` });
    } else problems.push({ field: 'birthDate', value: v('birthDate'), problem: 'not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored' });
  }
  if (personOnly('gender')) {
    const gender = GENDERS.get(v('gender').toLowerCase());
    if (gender) add('gender', gender);
    else problems.push({ field: 'gender', value: v('gender'), problem: 'not a gender (male, female, other, m, f); ignored' });
  }
  if (personOnly('birthPlace')) add('birthPlace', v('birthPlace'));
  if (v('nationality')) add(schema === 'Person' ? 'nationality' : schema === 'Vessel' ? 'flag' : 'country', v('nationality'));
  if (idNumber) add(identifierProperty(schema, idNumber), idNumber);
  if (schema === 'CryptoWallet') add('publicKey', wallet);

  const queries: MatchQuery[] = [];
  if (name || idNumber || props.has('publicKey')) queries.push({ schema, properties: Object.fromEntries(props) });
  if (wallet && schema !== 'CryptoWallet') queries.push({ schema: 'CryptoWallet', properties: { publicKey: [wallet] } });
  return { queries, problems };
}

/**
 * The canonical spelling of a screening schema, case-insensitively.
 *
 * @example
 * screenSchema('vessel'); // 'Vessel'
 */
export function screenSchema(raw: string): ScreenSchema | undefined {
  const lower = raw.trim().toLowerCase();
  return SCREEN_SCHEMAS.find((s) => s.toLowerCase() === lower);
}

/**
 * The property an identifier goes in: IMO or MMSI for a vessel, the address for a wallet, else `idNumber`.
 *
 * @example
 * identifierProperty('Vessel', 'IMO 9130975'); // 'imoNumber'
 */
export function identifierProperty(schema: string, id: string): string {
  if (schema === 'Vessel') {
    if (/^(IMO\s*)?\d{7}$/i.test(id.trim())) return 'imoNumber';
    if (/^\d{9}$/.test(id.trim())) return 'mmsi';
    return 'registrationNumber';
  }
  if (schema === 'CryptoWallet') return 'publicKey';
  if (schema === 'Airplane') return 'registrationNumber';
  return 'idNumber';
}

/**
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (one-digit months and days accepted); null when not a calendar date.
 *
 * @example
 * isoDate('1984-1-8'); // '1984-01-08'
 */
export function isoDate(raw: string): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (!d) return ym;
  const day = Number(d);
  const check = new Date(Date.UTC(Number(y), month - 1, day));
  if (day < 1 || check.getUTCMonth() !== month - 1) return null;
  return `${ym}-${String(day).padStart(2, '0')}`;
}

function validPrefix(raw: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-\d{1,2}$/.exec(raw.trim());
  if (!m) return null;
  return isoDate(`${m[1]}-${m[2]}`) ?? m[1]!;
}
