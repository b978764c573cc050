import { csvRowToObject as rowToObject } from '../../../src/vetting/input/csv-row-object.js';
import { parseCsv } from './csv.js';
import { FileInputError } from './input-error.js';

/** A worker record as read from the file, and the line it starts on (for error messages). */
export interface WorkerInput {
  record: Record<string, unknown>;
  line: number;
}

/**
 * Reads a worker file the way `counterflow vet` does (docs/vetting.md): JSON lines (`.jsonl`,
 * `.ndjson`), a JSON array, an object `{records: [...]}`, or CSV (`.csv`, `.tsv`: list columns split on
 * `;`, cells starting with `[` or `{` read as JSON, dotted headers nested). Anything malformed is a
 * FileInputError naming the file and line; nothing is sent from a file with a bad record.
 *
 * @example
 * readWorkerFile('workers.jsonl', '{"id":"w1","names":["Jane Doe"]}\n').map((w) => w.record.id); // ['w1']
 */
export function readWorkerFile(fileName: string, text: string): WorkerInput[] {
  const body = text.replace(/^\uFEFF/, '');
  const lower = fileName.toLowerCase();
  if (/\.(csv|tsv)$/.test(lower)) return readCsv(fileName, body, lower.endsWith('.tsv') ? '\t' : ',');
  if (/\.(jsonl|ndjson)$/.test(lower)) return readJsonLines(fileName, body);
  const first = body.trimStart()[0];
  if (first === '[' || first === '{') {
    let whole: unknown;
    try {
      whole = JSON.parse(body);
    } catch (err) {
      if (first === '{') return readJsonLines(fileName, body);
      throw new FileInputError(fileName, `not valid JSON: ${(err as Error).message}`);
    }
    const list = Array.isArray(whole) ? whole : isObject(whole) && Array.isArray(whole.records) ? whole.records : [whole];
    const lines = elementLines(body, list.length, Array.isArray(whole) ? 0 : 1);
    return list.map((record, i) => {
      if (!isObject(record)) throw new FileInputError(fileName, 'each record must be a JSON object', lines[i]);
      return { record, line: lines[i] ?? 1 };
    });
  }
  if (first === undefined) throw new FileInputError(fileName, 'the file is empty');
  return readCsv(fileName, body, ',');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readJsonLines(fileName: string, body: string): WorkerInput[] {
  const out: WorkerInput[] = [];
  body.split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new FileInputError(fileName, `not valid JSON: ${(err as Error).message}`, i + 1);
    }
    if (!isObject(value)) throw new FileInputError(fileName, 'each line must be one JSON object', i + 1);
    out.push({ record: value, line: i + 1 });
  });
  if (out.length === 0) throw new FileInputError(fileName, 'no records in the file');
  return out;
}

/**
 * The lines on which the elements of the top-level JSON array (`arrayDepth` 0) or of the array in
 * `{records: [...]}` (`arrayDepth` 1) start, so that an error about record n can name its line.
 */
function elementLines(text: string, count: number, arrayDepth: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (expectElement && !/[\s,]/.test(ch)) {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (ch === '[' && depth === arrayDepth) expectElement = true;
      depth++;
    } else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === arrayDepth + 1) expectElement = true;
  }
  return lines;
}

function readCsv(fileName: string, body: string, delimiter: string): WorkerInput[] {
  const records = parseCsv(body, fileName, delimiter);
  const header = records[0]?.cells.map((h) => h.trim());
  if (!header) throw new FileInputError(fileName, 'the file is empty', 1);
  return records.slice(1).map(({ cells, line }) => {
    if (cells.length !== header.length) throw new FileInputError(fileName, `not valid CSV: this row has ${cells.length} fields, the header ${header.length}`, line);
    return { record: csvRowToObject(header, cells, fileName, line), line };
  });
}

/**
 * One CSV row as a record object, as `counterflow vet` reads it (src/vetting/input/csv-row-object.ts):
 * empty cells dropped, JSON cells parsed, list columns split on `;`, dotted headers nested.
 *
 * @example
 * csvRowToObject(['id', 'emails'], ['7', 'a@x.com; b@y.com'], 'in.csv', 2); // { id: '7', emails: ['a@x.com', 'b@y.com'] }
 */
export function csvRowToObject(header: readonly string[], cells: readonly string[], fileName: string, line: number): Record<string, unknown> {
  return rowToObject(
    header.map((column, i) => [column, cells[i] ?? ''] as const),
    fileName,
    line,
  );
}

const NAME_FIELDS = ['names', 'name', 'full_name', 'legal_name', 'display_names'];

/**
 * The primary name of a worker record as the input gives it (`names`, `name`, `full_name` … any case,
 * `-`/space/`_` alike; text, a list, or `[{name}]`), or undefined.
 *
 * @example
 * workerName({ Full_Name: 'Jane Doe' }); // 'Jane Doe'
 */
export function workerName(record: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(record)) {
    if (!NAME_FIELDS.includes(key.toLowerCase().replace(/[-\s]/g, '_'))) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first.trim()) return first.trim();
    if (isObject(first) && typeof first.name === 'string') return first.name;
  }
  return undefined;
}

/**
 * The server's error about record n (`records:3 (logins[0].timestamp): …`) worded with the file and
 * line the record came from.
 *
 * @example
 * recordErrorInFile('records:2 (photo_hash): not a hash', 'w.jsonl', inputs); // 'w.jsonl:2 (photo_hash): not a hash'
 */
export function recordErrorInFile(message: string, fileName: string, inputs: readonly WorkerInput[]): string {
  return message.replace(/\brecords:(\d+)/g, (whole, n: string) => {
    const input = inputs[Number(n) - 1];
    return input ? `${fileName}:${input.line}` : whole;
  });
}
