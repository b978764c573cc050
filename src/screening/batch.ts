import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { readText, type SourceFile } from '../lists/source.js';
import { queriesFromFields, type FieldProblem, type ScreenFields } from './query-fields.js';
import { BATCH_OUTPUT_COLUMNS, csvLine, explanationSummary, formatScore } from './batch-output.js';
import type { MatchOptions, MatchQuery, MatchResult } from './types.js';

export { BATCH_OUTPUT_COLUMNS, csvLine, explanationSummary, formatScore } from './batch-output.js';

/** Batch input columns (header names, case-insensitive) and the query field each one fills. */
export const BATCH_INPUT_COLUMNS = {
  full_name: 'name',
  first_name: 'firstName',
  middle_name: 'middleName',
  last_name: 'lastName',
  gender: 'gender',
  date_of_birth: 'birthDate',
  place_of_birth: 'birthPlace',
  nationality: 'nationality',
  schema: 'schema',
  id_number: 'idNumber',
  wallet: 'wallet',
} as const satisfies Record<string, keyof ScreenFields>;

/** Optional column: the caller's own reference for the row, echoed in the output. */
export const BATCH_ID_COLUMN = 'id';

/** Largest batch file read (it is read whole, so that a bad row stops the batch before any output). */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;
const MAX_RECORD_CHARS = 64 * 1024;
const NAME_COLUMNS = ['full_name', 'first_name', 'last_name', 'id_number', 'wallet'];

type InputColumn = keyof typeof BATCH_INPUT_COLUMNS;

export interface BatchRow {
  /** 1-based position among the data rows. */
  row: number;
  /** Line of the file the row starts on. */
  line: number;
  /** The `id` column, else the row number. */
  id: string;
  /** The name as given (full name, else the parts), or the identifier when there is no name. */
  inputName: string;
  fields: ScreenFields;
  queries: MatchQuery[];
  /** Values left out of the query, as `column: "value" problem`. */
  errors: string[];
}

export interface BatchInput {
  rows: BatchRow[];
  /** Columns that were ignored, and similar notes about the whole file. */
  warnings: string[];
}

export interface BatchReadOptions {
  /** Schema for rows without a `schema` value (default: guessed per row, see {@link queriesFromFields}). */
  defaultSchema?: string;
  maxBytes?: number;
  onBytes?: (bytes: number) => void;
}

/**
 * Reads a batch screening file: a CSV with a header naming some of {@link BATCH_INPUT_COLUMNS} (at
 * least a name, id_number or wallet column) and optionally `id`. A structural problem (not CSV, a
 * row with the wrong number of fields, a row with nothing to screen, an oversized file) throws an
 * InputError naming the file and line, so no output is ever written for half a batch. A bad value in
 * an otherwise good row (a date that is not a date, an unknown country or schema) is left out of that
 * row's query and reported in the row's `errors`.
 *
 * @example
 * const { rows } = await readBatchCsv(fileSource('customers.csv'));
 * rows[0]?.queries; // [{ schema: 'Person', properties: { name: ['SALEK, ABDULHAI'], birthDate: ['1965'], nationality: ['af'] } }]
 */
export async function readBatchCsv(src: SourceFile, options: BatchReadOptions = {}): Promise<BatchInput> {
  const maxBytes = options.maxBytes ?? MAX_BATCH_BYTES;
  if (src.size !== undefined && src.size > maxBytes) {
    throw new InputError(src.name, `batch file of ${src.size} bytes is over the ${maxBytes}-byte limit; split it into smaller files`);
  }
  let text = '';
  for await (const chunk of readText(src, options.onBytes)) {
    text += chunk;
    if (text.length > maxBytes) throw new InputError(src.name, `batch file is over the ${maxBytes}-byte limit; split it into smaller files`);
  }
  // csv-parse counts a CRLF as two lines; with plain LF its line numbers are exact.
  text = text.replace(/\r\n?/g, '\n');

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      throw new InputError(src.name, `not a valid CSV file: ${csvProblem(err)}`, line);
    }
    throw err;
  }
  const first = records[0];
  if (!first) throw new InputError(src.name, 'empty file: expected a header line such as full_name,date_of_birth,nationality', 1);

  const headerLine = startLine(first);
  const header = first.record.map((h) => h.trim().toLowerCase());
  const warnings: string[] = [];
  const columns = new Map<string, number>();
  header.forEach((h, i) => {
    if (columns.has(h)) throw new InputError(src.name, `column "${h}" appears twice in the header`, headerLine);
    columns.set(h, i);
    if (h !== BATCH_ID_COLUMN && !Object.hasOwn(BATCH_INPUT_COLUMNS, h)) warnings.push(`${src.name}: column "${h}" is not a batch input column; ignored`);
  });
  if (!NAME_COLUMNS.some((c) => columns.has(c))) {
    throw new InputError(src.name, `missing column: the header needs full_name (or first_name/last_name), id_number or wallet; found ${header.join(', ')}`, headerLine);
  }

  const rows: BatchRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines - embeddedNewlines(record);
    const cell = (c: string): string => {
      const i = columns.get(c);
      return i === undefined ? '' : (record[i] ?? '').replace(/\s+/g, ' ').trim();
    };
    const fields: ScreenFields = options.defaultSchema ? { schema: options.defaultSchema } : {};
    for (const [column, field] of Object.entries(BATCH_INPUT_COLUMNS) as [InputColumn, keyof ScreenFields][]) {
      if (cell(column)) fields[field] = cell(column);
    }
    const { queries, problems } = queriesFromFields(fields);
    if (queries.length === 0) {
      throw new InputError(src.name, 'nothing to screen: the row has no name, id_number or wallet', line);
    }
    const row = rows.length + 1;
    const inputName = fields.name ?? ([fields.firstName, fields.middleName, fields.lastName].filter(Boolean).join(' ') || fields.idNumber || fields.wallet || '');
    rows.push({ row, line, id: cell(BATCH_ID_COLUMN) || String(row), inputName, fields, queries, errors: problems.map(describeProblem) });
  }
  return { rows, warnings };
}

/** What {@link screenBatchRow} needs of the screening engine. */
export interface Matcher {
  match(query: MatchQuery, options?: MatchOptions): { results: MatchResult[]; total: number };
}

/**
 * Screens one batch row: each of its queries (a named subject, a wallet), the results merged by entity
 * (best score kept) and cut to `limit` (default 5).
 *
 * @example
 * const results = screenBatchRow(screener, rows[0]!, { limit: 5 });
 */
export function screenBatchRow(matcher: Matcher, row: BatchRow, options: MatchOptions = {}): MatchResult[] {
  const best = new Map<string, MatchResult>();
  for (const query of row.queries) {
    for (const r of matcher.match(query, options).results) {
      const seen = best.get(r.entity.id);
      if (!seen || r.score > seen.score) best.set(r.entity.id, r);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, options.limit ?? 5);
}

/**
 * The output CSV lines for one screened row (no header): one per result, ranked from 1, or a single
 * line with an empty rank when nothing scored above the cutoff, so that every input row appears.
 *
 * @example
 * [csvLine(BATCH_OUTPUT_COLUMNS), ...batchCsvLines(row, results)].join('\n');
 */
export function batchCsvLines(row: BatchRow, results: readonly MatchResult[]): string[] {
  const base = { row: row.row, line: row.line, id: row.id, input_name: row.inputName, error: row.errors.join('; ') };
  if (results.length === 0) return [csvLine(BATCH_OUTPUT_COLUMNS.map((c) => cellText((base as Record<string, unknown>)[c])))];
  return results.map((r, i) => {
    const values: Record<(typeof BATCH_OUTPUT_COLUMNS)[number], unknown> = {
      ...base,
      rank: i + 1,
      score: formatScore(r.score),
      match: r.match,
      review: r.review,
      entity_id: r.entity.id,
      caption: r.entity.caption ?? '',
      schema: r.entity.schema,
      list: r.entity.provenance?.list ?? r.entity.datasets.join(' '),
      entry_id: r.entity.provenance?.entryId ?? '',
      explanation: explanationSummary(r),
    };
    return csvLine(BATCH_OUTPUT_COLUMNS.map((c) => cellText(values[c])));
  });
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value);
}

function describeProblem(p: FieldProblem): string {
  const column = Object.entries(BATCH_INPUT_COLUMNS).find(([, field]) => field === p.field)?.[0] ?? p.field;
  return `${column}: "${p.value}" ${p.problem}`;
}

function startLine(r: { record: string[]; info: { lines: number } }): number {
  return r.info.lines - embeddedNewlines(r.record);
}

function embeddedNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n++;
  return n;
}

function csvProblem(err: CsvError): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'this row has a different number of fields than the header';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed (truncated file?)';
    case 'CSV_MAX_RECORD_SIZE':
      return `a row is longer than ${MAX_RECORD_CHARS} characters`;
    default:
      return err.message;
  }
}
