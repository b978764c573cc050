/**
 * Reads a query by example (`MatchQuery`, yente's shape) into a `Subject`, checking it first:
 * a known FtM schema, properties of that schema, strings only, sane sizes, dates and countries
 * that can be read, and something to screen on. Every problem is an `InputError` naming the
 * query and the property.
 */
import { InputError } from '../errors.js';
import type { FtmEntity } from '../ftm/entity.js';
import { isSchema, schemaProperties } from '../ftm/model.js';
import { parsePartialDate, type PartialDate } from './feature-birth-date.js';
import { COUNTRY_PROPS, normaliseCountry } from './feature-country.js';
import { normaliseGender, type Gender } from './feature-gender.js';
import { IDENTIFIER_PROPS, normaliseIdentifier, walletKey, type IdentifierValue, type WalletValue } from './feature-identifier.js';
import { composeName, STRONG_NAME_PROPS, Subject, WEAK_NAME_PROPS } from './subject.js';
import type { MatchQuery } from './types.js';

export const QUERY_LIMITS = {
  valuesPerProperty: 50,
  valueLength: 1000,
  nameLength: 300,
} as const;

/**
 * Checks a query and reads it into a subject. `source` names the query in error messages
 * (e.g. `query q1`, `request body`).
 *
 * @example
 * subjectFromQuery({ schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'] } });
 * subjectFromQuery({ schema: 'Persn', properties: {} }); // throws InputError "query: unknown schema …"
 */
export function subjectFromQuery(query: MatchQuery | FtmEntity, source = 'query'): Subject {
  if (query === null || typeof query !== 'object') throw new InputError(source, 'expected an object with "schema" and "properties"');
  const schema: unknown = query.schema;
  if (typeof schema !== 'string' || !schema) throw new InputError(source, 'missing "schema" (e.g. Person, Company, Vessel, CryptoWallet)', undefined, 'schema');
  if (!isSchema(schema)) throw new InputError(source, `unknown schema "${schema}"`, undefined, 'schema');
  const rawProps: unknown = query.properties ?? {};
  if (rawProps === null || typeof rawProps !== 'object' || Array.isArray(rawProps)) {
    throw new InputError(source, '"properties" must be an object of property → list of strings', undefined, 'properties');
  }
  const allowed = schemaProperties(schema);
  const props: Record<string, string[]> = {};
  for (const [prop, value] of Object.entries(rawProps as Record<string, unknown>)) {
    if (!allowed.has(prop)) throw new InputError(source, `${schema} has no property "${prop}"`, undefined, prop);
    props[prop] = readValues(value, source, prop);
  }

  const names = [...new Set(STRONG_NAME_PROPS.flatMap((p) => props[p] ?? []))];
  if (names.length === 0) {
    const composed = composeName(props);
    if (composed) names.push(composed);
  }
  const weakNames = [...new Set(WEAK_NAME_PROPS.flatMap((p) => props[p] ?? []))];
  for (const [prop, list] of [['name', names], ['weakAlias', weakNames]] as const) {
    for (const n of list) {
      if (n.length > QUERY_LIMITS.nameLength) throw new InputError(source, `name longer than ${QUERY_LIMITS.nameLength} characters`, undefined, prop);
    }
  }

  const birthDates: PartialDate[] = [];
  for (const v of props['birthDate'] ?? []) {
    const d = parsePartialDate(v, true);
    if (!d) throw new InputError(source, `"${v}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`, undefined, 'birthDate');
    birthDates.push(d);
  }
  const countries = new Set<string>();
  for (const prop of COUNTRY_PROPS) {
    for (const v of props[prop] ?? []) {
      const code = normaliseCountry(v);
      if (!code) throw new InputError(source, `"${v}" is not a country we know (use an ISO-3166 code such as kp)`, undefined, prop);
      countries.add(code);
    }
  }
  let gender: Gender | null = null;
  for (const v of props['gender'] ?? []) gender = gender ?? normaliseGender(v);

  const identifiers: IdentifierValue[] = [];
  for (const prop of IDENTIFIER_PROPS) {
    for (const raw of props[prop] ?? []) {
      const key = normaliseIdentifier(raw, prop);
      if (key !== null) identifiers.push({ key, raw, prop });
    }
  }
  const wallets: WalletValue[] = [];
  for (const raw of props['publicKey'] ?? []) {
    const key = walletKey(raw);
    if (key === null) throw new InputError(source, `"${raw}" is too short to be a crypto address`, undefined, 'publicKey');
    wallets.push({ key, raw: raw.trim() });
  }
  if (names.length === 0 && weakNames.length === 0 && identifiers.length === 0 && wallets.length === 0) {
    throw new InputError(source, 'nothing to screen: give a name, an identifier or a crypto address (publicKey)', undefined, 'properties');
  }
  const id = typeof query.id === 'string' && query.id ? query.id : 'query';
  return new Subject({ id, schema, names, weakNames, birthDates, countries: [...countries], gender, identifiers, wallets });
}

function readValues(value: unknown, source: string, prop: string): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  if (list.length > QUERY_LIMITS.valuesPerProperty) {
    throw new InputError(source, `more than ${QUERY_LIMITS.valuesPerProperty} values`, undefined, prop);
  }
  const out: string[] = [];
  for (const v of list) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string' && typeof v !== 'number') throw new InputError(source, 'values must be strings', undefined, prop);
    const s = String(v).replace(/\s+/g, ' ').trim();
    if (s.length > QUERY_LIMITS.valueLength) throw new InputError(source, `value longer than ${QUERY_LIMITS.valueLength} characters`, undefined, prop);
    if (s) out.push(s);
  }
  return out;
}
