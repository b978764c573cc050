import type { MatchQuery } from '../api-types.js';
import { parseCsv } from './csv.js';
import { FileInputError } from './input-error.js';
import { queriesFromFields, type FieldProblem, type ScreenFields } from './screen-fields.js';

/** Batch input columns (header names, case-insensitive) and the field each fills: those of `counterflow screen --batch`. */
export const BATCH_INPUT_COLUMNS = new Map<string, keyof ScreenFields>([
  ['full_name', 'name'],
  ['first_name', 'firstName'],
  ['middle_name', 'middleName'],
  ['last_name', 'lastName'],
  ['gender', 'gender'],
  ['date_of_birth', 'birthDate'],
  ['place_of_birth', 'birthPlace'],
  ['nationality', 'nationality'],
  ['schema', 'schema'],
  ['id_number', 'idNumber'],
  ['wallet', 'wallet'],
]);

const ID_COLUMN = 'id';
const NAME_COLUMNS = ['full_name', 'first_name', 'last_name', 'id_number', 'wallet'];
/** Largest batch file read in the browser, as for the CLI. */
export const MAX_BATCH_BYTES = 64 * 1024 * 1024;
const MAX_RECORD_CHARS = 64 * 1024;

export interface BatchRow {
  /** 1-based position among the data rows. */
  row: number;
  /** Line of the file the row starts on. */
  line: number;
  /** The `id` column, else the row number. */
  id: string;
  inputName: string;
  queries: MatchQuery[];
  /** Values left out of the query, as `column: "value" problem`. */
  errors: string[];
}

/**
 * Reads a batch screening CSV exactly as `counterflow screen --batch` does (docs/screen.md): a
 * structural problem (not CSV, a row with a different number of fields, a header without a name,
 * id_number or wallet column, a row with nothing to screen) throws a FileInputError naming the line,
 * before anything is sent; a bad value in a good row is left out and noted in the row's `errors`.
 *
 * @example
 * readBatchRows('full_name,date_of_birth\nKim Jong Un,1984-01-08\n', 'people.csv').rows[0]?.queries;
 * // [{ schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'] } }]
 */
export function readBatchRows(text: string, fileName: string, options: { defaultSchema?: string } = {}): { rows: BatchRow[]; warnings: string[] } {
  if (text.length > MAX_BATCH_BYTES) throw new FileInputError(fileName, `batch file is over the ${MAX_BATCH_BYTES}-byte limit; split it into smaller files`);
  const records = parseCsv(text, fileName);
  const first = records[0];
  if (!first) throw new FileInputError(fileName, 'empty file: expected a header line such as full_name,date_of_birth,nationality', 1);
  const header = first.cells.map((h) => h.trim().toLowerCase());
  const columns = new Map<string, number>();
  const warnings: string[] = [];
  header.forEach((h, i) => {
    if (columns.has(h)) throw new FileInputError(fileName, `column "${h}" appears twice in the header`, first.line);
    columns.set(h, i);
    if (h !== ID_COLUMN && !BATCH_INPUT_COLUMNS.has(h)) warnings.push(`${fileName}: column "${h}" is not a batch input column; ignored`);
  });
  if (!NAME_COLUMNS.some((c) => columns.has(c))) {
    throw new FileInputError(fileName, `missing column: the header needs full_name (or first_name/last_name), id_number or wallet; found ${header.join(', ')}`, first.line);
  }
  const rows: BatchRow[] = [];
  for (const { cells, line } of records.slice(1)) {
    if (cells.length !== header.length) throw new FileInputError(fileName, `not a valid CSV file: this row has ${cells.length} fields, the header ${header.length}`, line);
    if (cells.reduce((n, c) => n + c.length, 0) > MAX_RECORD_CHARS) throw new FileInputError(fileName, `a row is longer than ${MAX_RECORD_CHARS} characters`, line);
    const cell = (c: string): string => {
      const i = columns.get(c);
      return i === undefined ? '' : (cells[i] ?? '').replace(/\s+/g, ' ').trim();
    };
    const fields: ScreenFields = options.defaultSchema ? { schema: options.defaultSchema } : {};
    for (const [column, field] of BATCH_INPUT_COLUMNS) if (cell(column)) fields[field] = cell(column);
    const { queries, problems } = queriesFromFields(fields);
    if (queries.length === 0) throw new FileInputError(fileName, 'nothing to screen: the row has no name, id_number or wallet', line);
    const row = rows.length + 1;
    const inputName = fields.name ?? ([fields.firstName, fields.middleName, fields.lastName].filter(Boolean).join(' ') || fields.idNumber || fields.wallet || '');
    rows.push({ row, line, id: cell(ID_COLUMN) || String(row), inputName, queries, errors: problems.map(describeProblem) });
  }
  return { rows, warnings };
}

/**
 * A problem as the batch output's `error` column words it: `column: "value" problem`.
 *
 * @example
 * describeProblem({ field: 'birthDate', value: 'about 1948', problem: 'not a date; ignored' }); // 'date_of_birth: "about 1948" not a date; ignored'
 */
export function describeProblem(p: FieldProblem): string {
  const column = [...BATCH_INPUT_COLUMNS].find(([, field]) => field === p.field)?.[0] ?? p.field;
  return `${column}: "${p.value}" ${p.problem}`;
}
