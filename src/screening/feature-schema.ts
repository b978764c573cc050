/**
 * Schema compatibility: which kinds of listed entity a query may be scored against at all.
 * A person never matches an organisation (Person ↔ Organization/Company); `LegalEntity` (a
 * subject of unknown kind, as some lists publish them) is compatible with both; vessels match
 * vessels, aircraft aircraft, crypto wallets wallets. `Thing` (no kind given) is compatible
 * with every named kind.
 */
import { isA, isSchema } from '../ftm/model.js';

export type SchemaClass = 'person' | 'org' | 'legal' | 'vessel' | 'airplane' | 'wallet' | 'other';

export const SCHEMA_BITS: Readonly<Record<SchemaClass, number>> = {
  person: 1,
  org: 2,
  legal: 4,
  vessel: 8,
  airplane: 16,
  wallet: 32,
  other: 64,
};

/**
 * The class of a schema.
 *
 * @example
 * schemaClass('Company'); // 'org'
 * schemaClass('LegalEntity'); // 'legal'
 */
export function schemaClass(schema: string): SchemaClass {
  if (!isSchema(schema)) return 'other';
  if (isA(schema, 'Person')) return 'person';
  if (isA(schema, 'Organization')) return 'org';
  if (schema === 'LegalEntity') return 'legal';
  if (isA(schema, 'Vessel')) return 'vessel';
  if (isA(schema, 'Airplane')) return 'airplane';
  if (isA(schema, 'CryptoWallet')) return 'wallet';
  return 'other';
}

/**
 * The classes a query of this class may be compared with, as a bit mask of `SCHEMA_BITS`.
 *
 * @example
 * compatibleMask('person') & SCHEMA_BITS.org; // 0
 */
export function compatibleMask(query: SchemaClass): number {
  const b = SCHEMA_BITS;
  switch (query) {
    case 'person':
      return b.person | b.legal;
    case 'org':
      return b.org | b.legal;
    case 'legal':
      return b.person | b.org | b.legal;
    case 'vessel':
      return b.vessel;
    case 'airplane':
      return b.airplane;
    case 'wallet':
      return b.wallet;
    case 'other':
      return b.person | b.org | b.legal | b.vessel | b.airplane | b.other;
  }
}

/**
 * True when an entity of schema `listed` may be scored against a query of schema `query`.
 *
 * @example
 * schemaCompatible('Person', 'Organization'); // false
 * schemaCompatible('LegalEntity', 'Person'); // true
 */
export function schemaCompatible(query: string, listed: string): boolean {
  return (compatibleMask(schemaClass(query)) & SCHEMA_BITS[schemaClass(listed)]) !== 0;
}
