/**
 * The comparable facts of one side of a comparison — a listed entity enriched with its helper
 * entities, or a query — in normalised form: names (strong and weak) with their readings, birth
 * dates, countries, gender, identifiers and wallet addresses.
 */
import type { FtmEntity } from '../ftm/entity.js';
import { parsePartialDate, type PartialDate } from './feature-birth-date.js';
import { COUNTRY_PROPS, normaliseCountry } from './feature-country.js';
import { normaliseGender, type Gender } from './feature-gender.js';
import { IDENTIFIER_PROPS, normaliseIdentifier, walletKey, type IdentifierValue, type WalletValue } from './feature-identifier.js';
import { schemaClass, type SchemaClass } from './feature-schema.js';
import { nameReadings, type NameKind, type NameReading } from './name-readings.js';
import type { TokenTable } from './token-table.js';

export const STRONG_NAME_PROPS = ['name', 'alias', 'previousName'] as const;
export const WEAK_NAME_PROPS = ['weakAlias'] as const;

/**
 * The name kind a schema class is read as.
 *
 * @example
 * kindOfClass('person'); // 'person'
 * kindOfClass('vessel'); // 'object'
 */
export function kindOfClass(cls: SchemaClass): NameKind {
  if (cls === 'person') return 'person';
  if (cls === 'org' || cls === 'legal') return 'org';
  return 'object';
}

export interface SubjectFacts {
  id: string;
  schema: string;
  names: string[];
  weakNames: string[];
  birthDates: PartialDate[];
  countries: string[];
  gender: Gender | null;
  identifiers: IdentifierValue[];
  wallets: WalletValue[];
}

/**
 * One side of a comparison. Readings are computed once per name kind and cached.
 *
 * @example
 * const s = new Subject({ id: 'q', schema: 'Person', names: ['Kim Jong Un'], weakNames: [], birthDates: [], countries: [], gender: null, identifiers: [], wallets: [] });
 * s.readings('person', table)[0].form; // 'kim jong un'
 */
export class Subject implements SubjectFacts {
  readonly id: string;
  readonly schema: string;
  readonly schemaClass: SchemaClass;
  readonly kind: NameKind;
  readonly names: string[];
  readonly weakNames: string[];
  readonly birthDates: PartialDate[];
  readonly countries: string[];
  readonly gender: Gender | null;
  readonly identifiers: IdentifierValue[];
  readonly wallets: WalletValue[];
  private readonly strongCache = new Map<NameKind, NameReading[]>();
  private readonly weakCache = new Map<NameKind, NameReading[]>();
  private readonly generation = new Map<NameKind, number>();

  constructor(facts: SubjectFacts) {
    this.id = facts.id;
    this.schema = facts.schema;
    this.schemaClass = schemaClass(facts.schema);
    this.kind = kindOfClass(this.schemaClass);
    this.names = facts.names;
    this.weakNames = facts.weakNames;
    this.birthDates = facts.birthDates;
    this.countries = facts.countries;
    this.gender = facts.gender;
    this.identifiers = facts.identifiers;
    this.wallets = facts.wallets;
  }

  /** Readings of the strong names (name, alias, previousName) as `kind`. */
  readings(kind: NameKind, table: TokenTable): NameReading[] {
    this.checkGeneration(kind, table);
    let r = this.strongCache.get(kind);
    if (!r) {
      r = this.names.flatMap((n) => nameReadings(n, kind, table));
      this.strongCache.set(kind, r);
    }
    return r;
  }

  /** Readings of the weak aliases as `kind`. */
  weakReadings(kind: NameKind, table: TokenTable): NameReading[] {
    this.checkGeneration(kind, table);
    let r = this.weakCache.get(kind);
    if (!r) {
      r = this.weakNames.flatMap((n) => nameReadings(n, kind, table));
      this.weakCache.set(kind, r);
    }
    return r;
  }

  // A query subject outliving a token-table trim must re-intern its tokens.
  private checkGeneration(kind: NameKind, table: TokenTable): void {
    if (this.generation.get(kind) === table.generation) return;
    this.generation.set(kind, table.generation);
    this.strongCache.delete(kind);
    this.weakCache.delete(kind);
  }
}

/** Helper entities of a listed subject: its documents, addresses and wallets. */
export interface SubjectHelpers {
  documents: FtmEntity[];
  addresses: FtmEntity[];
  wallets: FtmEntity[];
}

/**
 * The facts of a listed entity, enriched with its helper entities (passport and ID numbers,
 * address and document countries, wallets held).
 *
 * @example
 * subjectFactsOfEntity(person, { documents: [passport], addresses: [address], wallets: [] }).identifiers;
 */
export function subjectFactsOfEntity(entity: FtmEntity, helpers?: SubjectHelpers): SubjectFacts {
  const p = entity.properties;
  const names: string[] = [];
  const weakNames: string[] = [];
  const countries: string[] = [];
  const identifiers: IdentifierValue[] = [];
  const wallets: WalletValue[] = [];
  const birthDates: PartialDate[] = [];
  let gender: Gender | null = null;
  for (const prop in p) {
    const values = p[prop];
    if (!values || values.length === 0) continue;
    if (STRONG_NAMES.has(prop)) addNames(names, values);
    else if (prop === 'weakAlias') addNames(weakNames, values);
    else if (COUNTRIES.has(prop)) for (const v of values) addCountry(countries, v);
    else if (IDENTIFIERS.has(prop)) for (const v of values) addId(identifiers, v, prop);
    else if (prop === 'publicKey') for (const v of values) addWallet(wallets, v);
    else if (prop === 'birthDate') {
      for (const v of values) {
        const d = parsePartialDate(v);
        if (d && !birthDates.some((b) => b.text === d.text)) birthDates.push(d);
      }
    } else if (prop === 'gender') for (const v of values) gender = gender ?? normaliseGender(v);
  }
  if (names.length === 0) {
    const composed = composeName(p);
    if (composed) names.push(composed);
  }
  if (helpers) {
    for (const doc of helpers.documents) {
      const docProp = doc.schema === 'Passport' ? 'passportNumber' : 'idNumber';
      for (const v of doc.properties['number'] ?? []) addId(identifiers, v, docProp);
      for (const v of doc.properties['passportNumber'] ?? []) addId(identifiers, v, 'passportNumber');
      for (const v of doc.properties['country'] ?? []) addCountry(countries, v);
    }
    for (const address of helpers.addresses) for (const v of address.properties['country'] ?? []) addCountry(countries, v);
    for (const wallet of helpers.wallets) for (const v of wallet.properties['publicKey'] ?? []) addWallet(wallets, v);
  }
  return { id: entity.id, schema: entity.schema, names, weakNames, birthDates, countries, gender, identifiers, wallets };
}

const STRONG_NAMES: ReadonlySet<string> = new Set(STRONG_NAME_PROPS);
const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_PROPS);
const IDENTIFIERS: ReadonlySet<string> = new Set(IDENTIFIER_PROPS);

function addId(out: IdentifierValue[], raw: string, prop: string): void {
  const key = normaliseIdentifier(raw, prop);
  if (key === null) return;
  for (const id of out) if (id.key === key && id.prop === prop) return;
  out.push({ key, raw, prop });
}

function addWallet(out: WalletValue[], raw: string): void {
  const key = walletKey(raw);
  if (key === null) return;
  for (const w of out) if (w.key === key) return;
  out.push({ key, raw });
}

function addNames(out: string[], values: readonly string[]): void {
  for (const raw of values) {
    const v = raw.trim();
    if (v && !out.includes(v)) out.push(v);
  }
}

/**
 * `LAST, First Middle` from the name-part properties (the comma fixes the order), or ''.
 *
 * @example
 * composeName({ firstName: ['Sang'], middleName: ['Man'], lastName: ['KIM'] }); // 'KIM, Sang Man'
 */
export function composeName(p: Record<string, string[] | undefined>): string {
  const first = [...(p['firstName'] ?? []), ...(p['secondName'] ?? []), ...(p['middleName'] ?? [])].join(' ').trim();
  const last = (p['lastName'] ?? []).join(' ').trim();
  if (last && first) return `${last}, ${first}`;
  return last || first;
}

function addCountry(out: string[], value: string): void {
  const code = normaliseCountry(value);
  if (code && !out.includes(code)) out.push(code);
}
