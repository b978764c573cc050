import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { ftmModel, isSchema, schemaProperties } from '../../ftm/model.js';

/** Nested entities deeper than this are refused: real exports nest one level (an address in a person). */
const MAX_NESTING = 8;
const OPTIONAL_STRING_FIELDS = ['caption', 'first_seen', 'last_seen', 'last_change'] as const;
const KNOWN_FIELDS = new Set(['id', 'schema', 'properties', 'datasets', 'referents', 'target', 'provenance', ...OPTIONAL_STRING_FIELDS]);

/** Where the JSON object was read, for error messages. */
export interface JsonLocation {
  file: string;
  line: number;
  /** Official URL of the file, recorded in provenance. */
  sourceUrl?: string;
}

export interface ReadEntities {
  /** The entity itself, then any entities nested in its properties (depth first). */
  entities: { entity: FtmEntity; nested: boolean }[];
  /** Top-level fields we do not know, kept out of the entity (reported by the caller). */
  unknownFields: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value: unknown, where: JsonLocation, field: string, what: string): string[] {
  if (!Array.isArray(value)) throw new InputError(where.file, `${what} must be a list of strings`, where.line, field);
  value.forEach((v, i) => {
    if (typeof v !== 'string') throw new InputError(where.file, `${what}: value ${i + 1} is ${describeType(v)}, not a string`, where.line, field);
  });
  return value as string[];
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function programsOf(properties: Record<string, string[]>): string[] {
  const ids = properties.programId ?? [];
  return [...(ids.length > 0 ? ids : (properties.program ?? []))];
}

function readEntity(raw: unknown, where: JsonLocation, list: string, depth: number, out: ReadEntities, inheritedDatasets?: string[]): string {
  const label = depth === 0 ? 'entity' : 'nested entity';
  if (!isPlainObject(raw)) throw new InputError(where.file, `${label} must be a JSON object, found ${describeType(raw)}`, where.line);
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '') throw new InputError(where.file, `${label} needs a non-empty string id`, where.line, 'id');
  const schema = raw.schema;
  if (typeof schema !== 'string') throw new InputError(where.file, `${label} ${id} needs a string schema`, where.line, 'schema');
  if (!isSchema(schema)) throw new InputError(where.file, `${label} ${id}: unknown FollowTheMoney schema "${schema}"`, where.line, 'schema');
  const schemaDef = ftmModel.getSchema(schema);
  if (schemaDef.abstract) throw new InputError(where.file, `${label} ${id}: schema ${schema} is abstract and cannot be used for an entity`, where.line, 'schema');

  const rawProps = raw.properties ?? {};
  if (!isPlainObject(rawProps)) throw new InputError(where.file, `${label} ${id}: properties must be an object`, where.line, 'properties');
  let datasets = raw.datasets === undefined ? [] : [...stringArray(raw.datasets, where, 'datasets', `${label} ${id}: datasets`)];
  if (datasets.length === 0) datasets = inheritedDatasets?.length ? [...inheritedDatasets] : [list];
  const properties: Record<string, string[]> = {};
  const result: FtmEntity = { id, schema, properties, datasets };
  out.entities.push({ entity: result, nested: depth > 0 });

  const allowed = schemaProperties(schema);
  for (const [prop, values] of Object.entries(rawProps)) {
    if (!allowed.has(prop)) throw new InputError(where.file, `${label} ${id}: schema ${schema} has no property "${prop}"`, where.line, prop);
    if (!Array.isArray(values)) throw new InputError(where.file, `${label} ${id}: property ${prop} must be a list of strings, found ${describeType(values)}`, where.line, prop);
    const isEntityProp = schemaDef.getProperty(prop).type.name === 'entity';
    properties[prop] = values.map((v, i) => {
      if (typeof v === 'string') return v;
      if (isPlainObject(v) && isEntityProp) {
        if (depth + 1 > MAX_NESTING) throw new InputError(where.file, `entities nested more than ${MAX_NESTING} deep`, where.line, prop);
        return readEntity(v, where, list, depth + 1, out, datasets);
      }
      throw new InputError(where.file, `${label} ${id}: property ${prop} value ${i + 1} is ${describeType(v)}, not a string`, where.line, prop);
    });
  }

  if (raw.referents !== undefined) result.referents = [...stringArray(raw.referents, where, 'referents', `${label} ${id}: referents`)];
  if (raw.target !== undefined) {
    if (typeof raw.target !== 'boolean') throw new InputError(where.file, `${label} ${id}: target must be true or false`, where.line, 'target');
    result.target = raw.target;
  }
  for (const field of OPTIONAL_STRING_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new InputError(where.file, `${label} ${id}: ${field} must be a string`, where.line, field);
    result[field] = value;
  }
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key) && !out.unknownFields.includes(key)) out.unknownFields.push(key);
  result.provenance = {
    list,
    entryId: id,
    programs: programsOf(properties),
    ...(where.sourceUrl ? { sourceUrl: where.sourceUrl } : {}),
    file: where.file,
    line: where.line,
  };
  const listingDate = properties.listingDate?.[0];
  if (listingDate) result.provenance.listingDate = listingDate;
  if (raw.provenance !== undefined) mergeOwnProvenance(result.provenance, raw.provenance, where, `${label} ${id}`);
  return id;
}

/**
 * Validates one FtM entity in its JSON wire format (as parsed from one line of `entities.ftm.json`):
 * string id, known concrete schema, properties valid for the schema holding lists of strings. Entity
 * objects nested in entity-typed properties are replaced by their id and returned as entities too.
 * Every problem is an InputError naming the file, line and property.
 *
 * @example
 * readFtmEntity({ id: 'a', schema: 'Person', properties: { name: ['A'] } }, { file: 'x.json', line: 1 }, 'x').entities[0]?.entity.id; // 'a'
 */
export function readFtmEntity(raw: unknown, where: JsonLocation, list: string): ReadEntities {
  const out: ReadEntities = { entities: [], unknownFields: [] };
  readEntity(raw, where, list, 0, out);
  return out;
}

/**
 * Counterflow's own exports (and its demo pack) carry a `provenance` object naming the official source
 * entry; keep its entry id, programmes, listing date and source URL. File and line stay ours.
 */
function mergeOwnProvenance(target: NonNullable<FtmEntity['provenance']>, raw: unknown, where: { file: string; line: number }, label: string): void {
  if (!isPlainObject(raw)) throw new InputError(where.file, `${label}: provenance must be an object`, where.line, 'provenance');
  const text = (key: string): string | undefined => {
    const v = raw[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new InputError(where.file, `${label}: provenance.${key} must be a string`, where.line, `provenance.${key}`);
    return v;
  };
  const entryId = text('entryId');
  if (entryId) target.entryId = entryId;
  const listingDate = text('listingDate');
  if (listingDate) target.listingDate = listingDate;
  const publishedAt = text('publishedAt');
  if (publishedAt) target.publishedAt = publishedAt;
  const sourceUrl = text('sourceUrl');
  if (sourceUrl) target.sourceUrl = sourceUrl;
  if (raw.programs !== undefined) {
    if (!Array.isArray(raw.programs) || raw.programs.some((p) => typeof p !== 'string')) {
      throw new InputError(where.file, `${label}: provenance.programs must be a list of strings`, where.line, 'provenance.programs');
    }
    target.programs = raw.programs as string[];
  }
}
