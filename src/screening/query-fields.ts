import { normaliseAddress } from '../addresses/index.js';
import { ownValue } from '../common/own.js';
import { lookupCountry } from '../lists/ofac/country-variants.js';
import type { MatchQuery } from './types.js';

/** Schemata a screening query may name (case-insensitive on input). */
export const SCREEN_SCHEMAS = ['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane', 'CryptoWallet'] as const;
export type ScreenSchema = (typeof SCREEN_SCHEMAS)[number];

/** What a user gives to screen one subject: CLI flags or one row of a batch CSV file. */
export interface ScreenFields {
  schema?: string;
  /** The full name as written; when absent it is put together from the parts. */
  name?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  gender?: string;
  birthDate?: string;
  birthPlace?: string;
  /** Country code or name: nationality for a person, country otherwise (flag for a vessel). */
  nationality?: string;
  /** Passport or national id, registration number, IMO or MMSI number, or a wallet address. */
  idNumber?: string;
  /** A crypto address; screened as a CryptoWallet beside the named subject. */
  wallet?: string;
}

/** A field that could not be used; the rest of the query stands. */
export interface FieldProblem {
  field: keyof ScreenFields;
  value: string;
  problem: string;
}

export interface FieldQueries {
  /** One query for the named subject and one for a wallet, or just one of them. Empty: nothing to screen. */
  queries: MatchQuery[];
  problems: FieldProblem[];
}

const PERSON_HINTS: (keyof ScreenFields)[] = ['firstName', 'middleName', 'lastName', 'gender', 'birthDate', 'birthPlace', 'nationality'];
const GENDERS: Record<string, string> = { m: 'male', male: 'male', f: 'female', female: 'female', other: 'other', x: 'other' };

/**
 * Turns what a user typed into match queries. A value that cannot be used (an unknown schema, a date
 * that is not a date, an unknown country) is left out and reported in `problems`: the caller decides
 * whether that is fatal (a CLI flag) or noted beside the results (a batch row).
 *
 * Without a schema: a wallet alone is a CryptoWallet; a name with person details (parts, birth date,
 * gender, birth place, nationality) a Person; any other name a LegalEntity, which reaches persons and
 * organisations alike.
 *
 * @example
 * queriesFromFields({ name: 'Kim Jong Un', birthDate: '1984-1-8', nationality: 'North Korea' }).queries;
 * // [{ schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'], nationality: ['kp'] } }]
 */
export function queriesFromFields(fields: ScreenFields): FieldQueries {
  const problems: FieldProblem[] = [];
  const v = (k: keyof ScreenFields): string => (fields[k] ?? '').replace(/\s+/g, ' ').trim();
  const name = v('name') || [v('firstName'), v('middleName'), v('lastName')].filter(Boolean).join(' ');
  const idNumber = v('idNumber');
  const wallet = v('wallet');

  let schema: ScreenSchema | undefined;
  if (v('schema')) {
    schema = screenSchema(v('schema'));
    if (!schema) problems.push({ field: 'schema', value: v('schema'), problem: `unknown schema; use one of ${SCREEN_SCHEMAS.join(', ')}` });
  }
  schema ??= !name && !idNumber && wallet ? 'CryptoWallet' : PERSON_HINTS.some((k) => v(k)) ? 'Person' : 'LegalEntity';

  const props: Record<string, string[]> = {};
  const add = (prop: string, value: string): void => {
    if (!value) return;
    const values = (props[prop] ??= []);
    if (!values.includes(value)) values.push(value);
  };
  const personOnly = (field: keyof ScreenFields): boolean => {
    if (!v(field) || schema === 'Person') return Boolean(v(field));
    problems.push({ field, value: v(field), problem: `applies to persons only, not to a ${schema}; ignored` });
    return false;
  };

  add('name', name);
  if (schema === 'Person') {
    add('firstName', v('firstName'));
    add('middleName', v('middleName'));
    add('lastName', v('lastName'));
  } else {
    for (const part of ['firstName', 'middleName', 'lastName'] as const) {
      if (v(part) && !v('name')) continue; // already part of `name`
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
    const gender = ownValue(GENDERS, v('gender').toLowerCase());
    if (gender) add('gender', gender);
    else problems.push({ field: 'gender', value: v('gender'), problem: 'not a gender (male, female, other, m, f); ignored' });
  }
  if (personOnly('birthPlace')) add('birthPlace', v('birthPlace'));
  if (v('nationality')) {
    const found = lookupCountry(v('nationality'));
    if (found.code) add(schema === 'Person' ? 'nationality' : schema === 'Vessel' ? 'flag' : 'country', found.code);
    else problems.push({ field: 'nationality', value: v('nationality'), problem: 'not a country code or a country name we know; ignored' });
  }
  if (idNumber) add(identifierProperty(schema, idNumber), idNumber);
  if (schema === 'CryptoWallet') add('publicKey', wallet);

  const queries: MatchQuery[] = [];
  if (name || idNumber || props.publicKey) queries.push({ schema, properties: props });
  if (wallet && schema !== 'CryptoWallet') queries.push({ schema: 'CryptoWallet', properties: { publicKey: [wallet] } });
  return { queries, problems };
}

/**
 * The canonical spelling of a screening schema, case-insensitively; undefined when it is not one.
 *
 * @example
 * screenSchema('vessel'); // 'Vessel'
 */
export function screenSchema(raw: string): ScreenSchema | undefined {
  const lower = raw.trim().toLowerCase();
  return SCREEN_SCHEMAS.find((s) => s.toLowerCase() === lower);
}

/**
 * The property an identifier belongs in for a schema: IMO (7 digits) or MMSI (9 digits) for a vessel,
 * the address for a wallet, a registration number for an aircraft, else `idNumber`.
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
 * A date as ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, accepting one-digit months and days; null when it
 * is not a real calendar date.
 *
 * @example
 * isoDate('1965-3-9'); // '1965-03-09'
 * isoDate('1965-02-30'); // null
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

/** The year, or year and month, of a date whose day or month is impossible (`1974-01-32` → `1974-01`). */
function validPrefix(raw: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-\d{1,2}$/.exec(raw.trim());
  if (!m) return null;
  return isoDate(`${m[1]}-${m[2]}`) ?? m[1]!;
}

/**
 * True when the text is one valid crypto address (checksums verified), so that a bare `screen ADDRESS`
 * is screened as a wallet rather than as a name.
 *
 * @example
 * looksLikeWalletAddress('0x098B716B8Aaf21512996dC57EB0615e2383E2f96'); // true
 * looksLikeWalletAddress('LAZARUS GROUP'); // false
 */
export function looksLikeWalletAddress(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && !/\s/.test(t) && normaliseAddress(t).valid;
}
