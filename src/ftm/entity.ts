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
    if (typeof value === 'string') this.addValue(prop, value);
    else if (value) for (const raw of value) this.addValue(prop, raw);
    return this;
  }

  private addValue(prop: string, raw: string | null | undefined): void {
    if (raw === null || raw === undefined) return;
    const v = collapseWhitespace(raw);
    if (!v) return;
    const list = this.props.get(prop);
    // Most properties get one value: a one-element array is far smaller than an empty one pushed to.
    if (!list) this.props.set(prop, [v]);
    else if (!list.includes(v)) list.push(v);
  }

  has(prop: string): boolean {
    return (this.props.get(prop)?.length ?? 0) > 0;
  }

  get(prop: string): readonly string[] {
    return this.props.get(prop) ?? [];
  }

  build(): FtmEntity {
    const properties: Record<string, string[]> = {};
    this.props.forEach((v, k) => {
      properties[k] = v;
    });
    const entity: FtmEntity = { id: this.id, schema: this.schema, properties, datasets: [this.dataset] };
    const caption = pickCaption(this.schema, properties);
    if (caption) entity.caption = caption;
    if (this.target !== undefined) entity.target = this.target;
    if (this.referents?.length) entity.referents = this.referents;
    if (this.provenance) entity.provenance = this.provenance;
    return entity;
  }
}

/**
 * Collapses every run of whitespace to one space and trims, as `text.replace(/\s+/g, ' ').trim()`
 * does, sparing most values (plain words) the regular expression.
 *
 * @example
 * collapseWhitespace(' KIM \t Jong\nUn '); // 'KIM Jong Un'
 */
export function collapseWhitespace(text: string): string {
  return hasWhitespaceToCollapse(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/**
 * True when `text` holds whitespace other than single spaces (a run of two or more, a tab, a line
 * break, a Unicode space): only then does collapsing runs of `\s` change more than `trim()` does.
 * Most values are plain words, so this scan spares them a regular-expression replace.
 */
function hasWhitespaceToCollapse(text: string): boolean {
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (afterSpace) return true;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (c < 0x20) {
      if (c >= 0x09 && c <= 0x0d) return true;
    } else if (c >= 0xa0 && isUnicodeSpace(c)) {
      return true;
    }
  }
  return false;
}

/** The characters `\s` matches at and above U+00A0. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** An id part that is already a slug (ASCII word characters, dots, inner dashes) needs only lower-casing. */
const SLUG_READY = /^[\w.](?:[\w.-]*[\w.])?$/;

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
  const slugs: string[] = [];
  for (const part of parts) {
    const slug = slugPart(String(part));
    if (slug) slugs.push(slug);
  }
  return slugs.join('-');
}

function slugPart(text: string): string {
  if (SLUG_READY.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** Listed entries: distinct source entries with a target entity (a sanctioned person and their wallets are one entry). */
export function countEntries(entities: readonly FtmEntity[]): number {
  const entries = new Set<string>();
  for (const e of entities) if (e.target) entries.add(e.provenance?.entryId ?? e.id);
  return entries.size;
}
