import { InputError } from '../../errors.js';
import { EntityBuilder, slugId, type FtmEntity, type Provenance } from '../../ftm/entity.js';
import type { WarningTally } from '../common/warning-tally.js';
import { childNodes, childText, childTexts, cleanText, isEmptyNode, type XmlNode } from '../xml/xml-node.js';
import { unCountry } from './countries.js';
import { isoDate } from './un-dates.js';

export const UN_AUTHORITY = 'United Nations Security Council';

/** COMMENTS1 up to this length doubles as the Sanction's `reason`; longer ones are narrative. */
const MAX_REASON_CHARS = 500;

/** What every record of one list file shares. */
export interface ListEnvironment {
  file: string;
  dataset: string;
  sourceUrl: string;
  publishedAt: string | null;
  warnings: WarningTally;
}

/**
 * One INDIVIDUAL or ENTITY being mapped: its subject entity, the helper entities derived from it,
 * and the notes collected for things that have no FtM property.
 */
export class RecordContext {
  readonly dataId: string;
  readonly subject: EntityBuilder;
  readonly line: number;
  private readonly provenance: Provenance;
  private readonly helpers: EntityBuilder[] = [];
  private readonly notes: string[] = [];

  constructor(
    readonly env: ListEnvironment,
    readonly node: XmlNode,
    schema: string,
  ) {
    this.line = node.line;
    const dataId = childText(node, 'DATAID');
    if (!dataId) throw new InputError(env.file, `<${node.name}> has no DATAID`, node.line, 'DATAID');
    this.dataId = dataId;
    const program = childText(node, 'UN_LIST_TYPE');
    if (!program) this.warn(`<${node.name}> without UN_LIST_TYPE: no sanctions programme recorded`);
    const listedOn = childText(node, 'LISTED_ON');
    const listingDate = isoDate(listedOn);
    if (listedOn && !listingDate) this.warn(`LISTED_ON "${listedOn}" is not a date; kept in notes`, `listed on: ${listedOn}`);

    this.provenance = {
      list: env.dataset,
      entryId: childText(node, 'REFERENCE_NUMBER') ?? dataId,
      programs: program ? [`UN-${program}`] : [],
      ...(listingDate ? { listingDate } : {}),
      ...(env.publishedAt ? { publishedAt: env.publishedAt } : {}),
      sourceUrl: env.sourceUrl,
      file: env.file,
      line: node.line,
    };
    this.subject = new EntityBuilder(schema, slugId('un', dataId), env.dataset);
    this.subject.target = true;
    this.subject.provenance = this.provenance;
  }

  /** A helper entity (Sanction, Address, Passport …) carrying the subject's provenance. */
  helper(schema: string, id: string): EntityBuilder {
    const existing = this.helpers.find((h) => h.id === id);
    if (existing) return existing;
    const builder = new EntityBuilder(schema, id, this.env.dataset);
    builder.target = false;
    builder.provenance = { ...this.provenance, programs: [...this.provenance.programs] };
    this.helpers.push(builder);
    return builder;
  }

  /** Reports something read but not mapped, and keeps its text in the subject's notes when given. */
  warn(message: string, note?: string, line = this.line): void {
    this.env.warnings.add(message, line);
    if (note) this.note(note);
  }

  note(text: string): void {
    const clean = cleanText(text);
    if (clean && !this.notes.includes(clean)) this.notes.push(clean);
  }

  /**
   * A country code for `raw`: unmappable names are kept as written with a warning; explicit
   * "not available" markers yield nothing but are kept in the notes.
   */
  country(raw: string, field: string, line: number): string | undefined {
    const found = unCountry(raw);
    if (found.kind === 'code') return found.code;
    if (found.kind === 'none') {
      this.warn(`${field} "${raw}" read as "no country given"; kept in notes`, `${field}: ${raw}`, line);
      return undefined;
    }
    this.warn(`${field} "${found.name}" has no ISO country code; kept as written`, undefined, line);
    return found.name;
  }

  /** Children of `node` outside `known` that hold text: kept in the notes and reported. */
  keepUnmapped(node: XmlNode, known: ReadonlySet<string>, where: string): void {
    for (const child of node.children) {
      if (known.has(child.name) || isEmptyNode(child)) continue;
      this.warn(`element ${where}/${child.name} is not mapped; kept in notes`, `${child.name}: ${flatText(child)}`, child.line);
    }
    for (const attr of Object.keys(node.attributes)) {
      this.warn(`attribute ${attr} on ${where} is not mapped; kept in notes`, `${attr}: ${node.attributes[attr]}`, node.line);
    }
  }

  /** Adds the Sanction, the notes, and returns every entity of the record, subject first. */
  finish(): FtmEntity[] {
    const ref = childText(this.node, 'REFERENCE_NUMBER');
    const comments = childText(this.node, 'COMMENTS1');
    const lastUpdated = childNodes(this.node, 'LAST_DAY_UPDATED')
      .flatMap((n) => childTexts(n, 'VALUE'))
      .map((v) => {
        const iso = isoDate(v);
        if (!iso) this.warn(`LAST_DAY_UPDATED "${v}" is not a date; kept in notes`, `last updated: ${v}`);
        return iso;
      })
      .filter((v): v is string => v !== undefined)
      .sort();
    const sanction = this.helper('Sanction', slugId('un', this.dataId, 'sanction'))
      .add('entity', this.subject.id)
      .add('authority', UN_AUTHORITY)
      .add('program', this.provenance.programs)
      .add('programId', ref)
      .add('unscId', ref)
      .add('listingDate', this.provenance.listingDate)
      .add('modifiedAt', lastUpdated[lastUpdated.length - 1])
      .add('sourceUrl', this.env.sourceUrl);
    if (comments && comments.length <= MAX_REASON_CHARS) sanction.add('reason', comments);

    for (const listType of childNodes(this.node, 'LIST_TYPE').flatMap((n) => childTexts(n, 'VALUE'))) {
      if (listType !== 'UN List') this.warn(`LIST_TYPE "${listType}" is not mapped; kept in notes`, `list type: ${listType}`);
    }

    this.subject.add('notes', comments).add('notes', this.notes);
    return [this.subject.build(), ...this.helpers.map((h) => h.build())];
  }
}

function flatText(node: XmlNode): string {
  return [cleanText(node.text), ...node.children.map((c) => `${c.name}: ${flatText(c)}`)].filter(Boolean).join('; ');
}

/**
 * The record's name as the UN writes it: FIRST_NAME to FOURTH_NAME joined by spaces (entities keep
 * their whole name in FIRST_NAME). A record without a name cannot be screened, so it is refused.
 *
 * @example
 * recordName(ctx); // 'KIM JONG SIK'
 */
export function recordName(ctx: RecordContext): string {
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((f) => childText(ctx.node, f));
  const name = parts.filter(Boolean).join(' ');
  if (!name) throw new InputError(ctx.env.file, `<${ctx.node.name}> DATAID ${ctx.dataId} has no name`, ctx.line, 'FIRST_NAME');
  return name;
}

/** Fields every record kind has and that `RecordContext` itself maps or deliberately ignores. */
export const COMMON_FIELDS: readonly string[] = [
  'DATAID',
  'VERSIONNUM', // the publication version of the record; the list's date covers it
  'FIRST_NAME',
  'SECOND_NAME',
  'THIRD_NAME',
  'FOURTH_NAME',
  'UN_LIST_TYPE',
  'REFERENCE_NUMBER',
  'LISTED_ON',
  'COMMENTS1',
  'NAME_ORIGINAL_SCRIPT',
  'LIST_TYPE', // "UN List" in every record; anything else is reported
  'LAST_DAY_UPDATED',
  'SORT_KEY', // empty in every record
  'SORT_KEY_LAST_MOD',
];
