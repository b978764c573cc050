import { InputError } from '../../errors.js';
import { sourceBaseName, type SourceFile } from '../source.js';
import { ofacValue, readOfacCsvFile, type OfacCsvRecord } from './csv-read.js';

/** The four files of an OFAC CSV set: the primary list, alternate names, addresses, remarks overflow. */
export type OfacCsvRole = 'primary' | 'alt' | 'add' | 'comments';

/** Which OFAC list a set belongs to: the SDN list or the Consolidated (non-SDN) list. */
export type OfacCsvSetKind = 'sdn' | 'cons';

/** Number of fields in each file's records (domain-screening.md §12). */
export const OFAC_CSV_COLUMNS: Readonly<Record<OfacCsvRole, number>> = { primary: 12, add: 6, alt: 5, comments: 2 };

/** OFAC cuts `Remarks` in the primary file at this many characters; the comments file continues them. */
export const OFAC_REMARKS_CUT = 1000;

const ROLE_BY_NAME: readonly [RegExp, OfacCsvRole, OfacCsvSetKind][] = [
  [/^sdn_comments[^/]*\.csv$/i, 'comments', 'sdn'],
  [/^cons_comments[^/]*\.csv$/i, 'comments', 'cons'],
  [/^cons_prim[^/]*\.csv$/i, 'primary', 'cons'],
  [/^cons_alt[^/]*\.csv$/i, 'alt', 'cons'],
  [/^cons_add[^/]*\.csv$/i, 'add', 'cons'],
  [/^sdn[^/]*\.csv$/i, 'primary', 'sdn'],
  [/^alt[^/]*\.csv$/i, 'alt', 'sdn'],
  [/^add[^/]*\.csv$/i, 'add', 'sdn'],
];

/**
 * The role a file plays in an OFAC CSV set, from its name (date suffixes allowed), or null.
 *
 * @example
 * ofacRoleFromName('sdn_comments_2025-12-24.csv'); // 'comments'
 * ofacRoleFromName('CONS_PRIM.CSV'); // 'primary'
 */
export function ofacRoleFromName(fileName: string): OfacCsvRole | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return ROLE_BY_NAME.find(([re]) => re.test(base))?.[1] ?? null;
}

/**
 * Which list (SDN or Consolidated) a file name belongs to, or null when the name does not say.
 *
 * @example
 * ofacSetKindFromName('cons_alt.csv'); // 'cons'
 */
export function ofacSetKindFromName(fileName: string): OfacCsvSetKind | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return ROLE_BY_NAME.find(([re]) => re.test(base))?.[2] ?? null;
}

/**
 * The role implied by a record's field count, or null when no OFAC file has that many fields.
 *
 * @example
 * ofacRoleFromColumns(12); // 'primary'
 */
export function ofacRoleFromColumns(count: number): OfacCsvRole | null {
  for (const [role, n] of Object.entries(OFAC_CSV_COLUMNS)) if (n === count) return role as OfacCsvRole;
  return null;
}

/**
 * Splits OFAC's program field: several programs are written `DPRK3] [CYBER2` (the list `[A] [B]`
 * with its outer brackets removed).
 *
 * @example
 * splitOfacPrograms('DPRK3] [CYBER2'); // ['DPRK3', 'CYBER2']
 */
export function splitOfacPrograms(field: string): string[] {
  return field
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\s*\[|\]\s*$/g, '').trim())
    .filter((p) => p && p !== '-0-');
}

interface Located {
  file: string;
  line: number;
}

export interface OfacPrimaryRow extends Located {
  entNum: string;
  name: string;
  /** `individual`, `vessel`, `aircraft` or '' (an entity). */
  type: string;
  programs: string[];
  title: string;
  callSign: string;
  vesselType: string;
  tonnage: string;
  grossRegisteredTonnage: string;
  vesselFlag: string;
  vesselOwner: string;
  remarks: string;
}

export interface OfacAltRow extends Located {
  entNum: string;
  altNum: string;
  /** `aka`, `fka`, `nka` (sometimes written `a.k.a.`); `weak aka` for weak aliases. */
  type: string;
  name: string;
  remarks: string;
}

export interface OfacAddRow extends Located {
  entNum: string;
  addNum: string;
  address: string;
  /** OFAC's combined `City/State/Province/Postal Code` field. */
  cityStateZip: string;
  country: string;
  remarks: string;
}

export interface OfacCommentRow extends Located {
  entNum: string;
  text: string;
}

/** One listed subject with everything the set says about it. */
export interface OfacCsvEntry {
  primary: OfacPrimaryRow;
  alts: OfacAltRow[];
  addresses: OfacAddRow[];
  /** Remarks with the comments file's continuation joined on when the primary's remarks were cut. */
  remarks: string;
  /**
   * Comments rows that do not continue this version's remarks (the primary's remarks are not cut at
   * 1,000 characters: the files come from different dates). Kept so that nothing read is lost.
   */
  unjoinedComments: OfacCommentRow[];
}

export interface OfacCsvSet {
  kind: OfacCsvSetKind | null;
  /** Base names of the files by role. */
  files: Partial<Record<OfacCsvRole, string>>;
  entries: OfacCsvEntry[];
  /** A YYYY-MM-DD date in the primary file's name, when there is one (the CSV itself carries none). */
  primaryDate: string | null;
  warnings: string[];
}

export interface OfacCsvSetOptions {
  onBytes?: (bytes: number) => void;
  maxRecordChars?: number;
}

/**
 * Reads an OFAC CSV set (primary file required; alt, add and comments optional), assigns each file its
 * role by name or, failing that, by field count, and joins everything on `ent_num`. Rows of the
 * secondary files whose `ent_num` is not in the primary file (files from different dates) are skipped
 * and reported in one warning per file. Throws InputError on any structural problem.
 *
 * @example
 * const set = await readOfacCsvSet([fileSource('sdn.csv'), fileSource('alt.csv')]);
 * set.entries[0].primary.name;
 */
export async function readOfacCsvSet(files: SourceFile[], options: OfacCsvSetOptions = {}): Promise<OfacCsvSet> {
  if (files.length === 0) throw new InputError('OFAC CSV set', 'no files given');
  const byRole = new Map<OfacCsvRole, { src: SourceFile; records: OfacCsvRecord[] }>();
  for (const src of files) {
    const { role, records } = await readWithRole(src, options);
    const other = byRole.get(role);
    if (other) {
      throw new InputError(src.name, `a second ${role} file in one OFAC CSV set (the first is ${other.src.name})`);
    }
    byRole.set(role, { src, records });
  }
  const primaryFile = byRole.get('primary');
  if (!primaryFile) {
    const names = files.map((f) => f.name).join(', ');
    throw new InputError(names, 'no primary file (sdn.csv or cons_prim.csv, 12 fields) in this OFAC CSV set');
  }

  const warnings: string[] = [];
  const entries = new Map<string, OfacCsvEntry>();
  const firstLine = new Map<string, number>();
  const primaryName = sourceBaseName(primaryFile.src);
  for (const rec of primaryFile.records) {
    const row = primaryRow(primaryFile.src, primaryName, rec);
    const seen = firstLine.get(row.entNum);
    if (seen !== undefined) {
      throw new InputError(primaryFile.src.name, `ent_num ${row.entNum} appears twice (first on line ${seen})`, rec.line, 'ent_num');
    }
    firstLine.set(row.entNum, rec.line);
    entries.set(row.entNum, { primary: row, alts: [], addresses: [], remarks: row.remarks, unjoinedComments: [] });
  }

  const join = <T extends { entNum: string }>(
    role: OfacCsvRole,
    toRow: (src: SourceFile, baseName: string, r: OfacCsvRecord) => T,
    add: (e: OfacCsvEntry, row: T) => void,
  ) => {
    const file = byRole.get(role);
    if (!file) return;
    const baseName = sourceBaseName(file.src);
    let skippedRows = 0;
    const skippedIds = new Set<string>();
    const allIds = new Set<string>();
    for (const rec of file.records) {
      const row = toRow(file.src, baseName, rec);
      allIds.add(row.entNum);
      const entry = entries.get(row.entNum);
      if (entry) {
        add(entry, row);
      } else {
        skippedRows++;
        skippedIds.add(row.entNum);
      }
    }
    if (skippedRows > 0) {
      warnings.push(
        `${baseName}: ${skippedRows} rows (${skippedIds.size} of ${allIds.size} ent_nums) have no entry in ` +
          `${primaryName} and were skipped; the files are probably from different dates`,
      );
    }
  };
  join('alt', altRow, (e, row) => e.alts.push(row));
  join('add', addRow, (e, row) => e.addresses.push(row));
  join('comments', commentRow, (e, row) => {
    if (e.primary.remarks.length === OFAC_REMARKS_CUT) e.remarks += row.text;
    else e.unjoinedComments.push(row);
  });

  const list = [...entries.values()];
  reportRemarksJoins(list, byRole.has('comments'), warnings);

  const names: Partial<Record<OfacCsvRole, string>> = {};
  for (const [role, { src }] of byRole) names[role] = sourceBaseName(src);
  const dates = new Map<OfacCsvRole, string>();
  for (const [role, name] of Object.entries(names)) {
    const date = /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1];
    if (date) dates.set(role as OfacCsvRole, date);
  }
  if (new Set(dates.values()).size > 1) {
    const listed = [...dates].map(([role, d]) => `${role} ${d}`).join(', ');
    warnings.push(`the files of this OFAC CSV set carry different dates (${listed}): joins on ent_num may be incomplete`);
  }

  const kinds = new Set(Object.values(names).map((n) => ofacSetKindFromName(n)).filter((k) => k !== null));
  if (kinds.size > 1) warnings.push(`this set mixes SDN and Consolidated file names (${Object.values(names).join(', ')})`);
  const kind = kinds.size === 1 ? ([...kinds][0] ?? null) : null;

  return { kind, files: names, entries: list, primaryDate: dates.get('primary') ?? null, warnings };
}

function reportRemarksJoins(entries: OfacCsvEntry[], haveComments: boolean, warnings: string[]): void {
  const cutWithout = entries.filter((e) => e.primary.remarks.length === OFAC_REMARKS_CUT && e.remarks.length === OFAC_REMARKS_CUT);
  if (cutWithout.length > 0) {
    const why = haveComments ? 'the comments file has no continuation for them' : 'no comments file was given';
    const ids = cutWithout.map((e) => e.primary.entNum).join(', ');
    warnings.push(`remarks of ${cutWithout.length} ${cutWithout.length === 1 ? 'entry are' : 'entries are'} cut at ${OFAC_REMARKS_CUT} characters and ${why} (ent_num ${ids})`);
  }
  const unjoined = entries.filter((e) => e.unjoinedComments.length > 0);
  if (unjoined.length > 0) {
    const ids = unjoined.map((e) => e.primary.entNum).join(', ');
    warnings.push(
      `comments rows of ${unjoined.length} entries do not continue their remarks (remarks not cut at ${OFAC_REMARKS_CUT} ` +
        `characters; files from different dates?); their text is kept in notes (ent_num ${ids})`,
    );
  }
}

async function readWithRole(
  src: SourceFile,
  options: OfacCsvSetOptions,
): Promise<{ role: OfacCsvRole; records: OfacCsvRecord[] }> {
  let role = ofacRoleFromName(src.name);
  const records = await readOfacCsvFile(src, options);
  for (const rec of records) {
    if (role === null) {
      role = ofacRoleFromColumns(rec.fields.length);
      if (role === null) {
        throw new InputError(
          src.name,
          `${rec.fields.length} fields: not a file of an OFAC CSV set (12, 6, 5 or 2 fields expected)`,
          rec.line,
        );
      }
    }
    const expected = OFAC_CSV_COLUMNS[role];
    if (rec.fields.length !== expected) {
      throw new InputError(src.name, `expected ${expected} fields (OFAC ${role} file), found ${rec.fields.length}`, rec.line);
    }
  }
  if (role === null) throw new InputError(src.name, 'the file has no records');
  return { role, records };
}

function entNum(src: SourceFile, rec: OfacCsvRecord): string {
  const v = ofacValue(rec.fields[0]);
  if (!/^\d{1,12}$/.test(v)) throw new InputError(src.name, `ent_num ${JSON.stringify(v)} is not a number`, rec.line, 'ent_num');
  // Only a number written with leading zeros changes.
  return v.length > 1 && v.charCodeAt(0) === 0x30 ? String(Number(v)) : v;
}

function field(rec: OfacCsvRecord, i: number): string {
  return ofacValue(rec.fields[i]);
}

function primaryRow(src: SourceFile, file: string, rec: OfacCsvRecord): OfacPrimaryRow {
  const name = field(rec, 1);
  if (!name) throw new InputError(src.name, 'the entry has no name', rec.line, 'SDN_Name');
  return {
    entNum: entNum(src, rec),
    name,
    type: field(rec, 2).toLowerCase(),
    programs: splitOfacPrograms(field(rec, 3)),
    title: field(rec, 4),
    callSign: field(rec, 5),
    vesselType: field(rec, 6),
    tonnage: field(rec, 7),
    grossRegisteredTonnage: field(rec, 8),
    vesselFlag: field(rec, 9),
    vesselOwner: field(rec, 10),
    // Not trimmed: the 1,000-character cut can fall on a space that the continuation relies on.
    remarks: rec.fields[11]?.trim() === '-0-' ? '' : (rec.fields[11] ?? ''),
    file,
    line: rec.line,
  };
}

function altRow(src: SourceFile, file: string, rec: OfacCsvRecord): OfacAltRow {
  return {
    entNum: entNum(src, rec),
    altNum: field(rec, 1),
    type: field(rec, 2),
    name: field(rec, 3),
    remarks: field(rec, 4),
    file,
    line: rec.line,
  };
}

function addRow(src: SourceFile, file: string, rec: OfacCsvRecord): OfacAddRow {
  return {
    entNum: entNum(src, rec),
    addNum: field(rec, 1),
    address: field(rec, 2),
    cityStateZip: field(rec, 3),
    country: field(rec, 4),
    remarks: field(rec, 5),
    file,
    line: rec.line,
  };
}

function commentRow(src: SourceFile, file: string, rec: OfacCsvRecord): OfacCommentRow {
  const raw = rec.fields[1] ?? '';
  return { entNum: entNum(src, rec), text: raw.trim() === '-0-' ? '' : raw, file, line: rec.line };
}
