import { schemaProperties } from './model.js';

/** Where a listed entity came from: enough for a reviewer to find the entry in the official source. */
export interface Provenance {
  /** Our list name, e.g. `un_sc`, `us_ofac_sdn`. */
  list: string;
  /** The entry's id in the source: UN DATAID / reference number, OFAC ent_num, OpenSanctions id. */
  entryId: string;
  programs: string[];
  listingDate?: string;
  /** Publication date of the list file this entity was read from. */
  publishedAt?: string;
  sourceUrl?: string;
  /** File and line the entry was read from. */
  file?: string;
  line?: number;
}

/**
 * A FollowTheMoney entity in its JSON wire format (as in `entities.ftm.json`), plus our provenance.
 * Property values are always arrays of strings; references hold the referenced entity's id.
 */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  datasets: string[];
  referents?: string[];
  target?: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
  provenance?: Provenance;
}

/**
 * Builds one FtM entity, checking every property name against the schema so that a typo in a
 * parser fails loudly instead of silently dropping data. Values are trimmed, empty ones dropped,
 * duplicates kept once.
 *
 * @example
 * const person = new EntityBuilder('Person', 'un-kpi-001', 'un_sc').add('name', 'KIM JONG UN');
 * person.build();
 */
export class EntityBuilder {
  private readonly props: Map<string, string[]> = new Map();
  private readonly allowed: Set<string>;
  target?: boolean;
  provenance?: Provenance;
  referents?: string[];

  constructor(
    readonly schema: string,
    readonly id: string,
    readonly dataset: string,
  ) {
    this.allowed = schemaProperties(schema);
  }

  add(prop: string, value: string | null | undefined | readonly (string | null | undefined)[]): this {
    if (!this.allowed.has(prop)) throw new Error(`Schema ${this.schema} has no property "${prop}"`);
    const values = Array.isArray(value) ? value : [value];
    for (const raw of values) {
      if (raw === null || raw === undefined) continue;
      const v = raw.replace(/\s+/g, ' ').trim();
      if (!v) continue;
      let list = this.props.get(prop);
      if (!list) {
        list = [];
        this.props.set(prop, list);
      }
      if (!list.includes(v)) list.push(v);
    }
    return this;
  }

  has(prop: string): boolean {
    return (this.props.get(prop)?.length ?? 0) > 0;
  }

  get(prop: string): readonly string[] {
    return this.props.get(prop) ?? [];
  }

  build(): FtmEntity {
    const properties: Record<string, string[]> = {};
    for (const [k, v] of this.props) properties[k] = v;
    const entity: FtmEntity = { id: this.id, schema: this.schema, properties, datasets: [this.dataset] };
    const caption = pickCaption(this.schema, properties);
    if (caption) entity.caption = caption;
    if (this.target !== undefined) entity.target = this.target;
    if (this.referents?.length) entity.referents = this.referents;
    if (this.provenance) entity.provenance = this.provenance;
    return entity;
  }
}

const CAPTION_PROPS = ['name', 'publicKey', 'full', 'number', 'title', 'program', 'authority'];

function pickCaption(_schema: string, properties: Record<string, string[]>): string | undefined {
  for (const p of CAPTION_PROPS) {
    const v = properties[p]?.[0];
    if (v) return v;
  }
  return undefined;
}

/** Makes an id safe and stable: lower-case ASCII, digits, dots and dashes. */
export function slugId(...parts: (string | number)[]): string {
  return parts
    .map((p) =>
      String(p)
        .normalize('NFKD')
        .replace(/[^\w.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase(),
    )
    .filter(Boolean)
    .join('-');
}

/** Listed entries: distinct source entries with a target entity (a sanctioned person and their wallets are one entry). */
export function countEntries(entities: readonly FtmEntity[]): number {
  const entries = new Set<string>();
  for (const e of entities) if (e.target) entries.add(e.provenance?.entryId ?? e.id);
  return entries.size;
}
