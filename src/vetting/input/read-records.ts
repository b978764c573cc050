import { CsvError, parse } from 'csv-parse';
import { InputError } from '../../errors.js';
import { DEFAULT_MAX_LINE_BYTES, readLines, readText, sourceBaseName, type SourceFile } from '../../lists/source.js';
import { parseWorkerRecord } from './parse-record.js';
import type { WorkerRecord } from './record.js';

export type RecordFormat = 'jsonl' | 'json' | 'csv';

export interface ReadRecordsOptions {
  /** Longest line / record accepted, in bytes. */
  maxLineBytes?: number;
  onBytes?: (bytes: number) => void;
}

export interface ReadRecordsResult {
  records: WorkerRecord[];
  /** Values kept but not mapped (unknown countries, time zones). */
  warnings: string[];
}

/** CSV columns whose cells hold several values separated by `;` (unless the cell is a JSON list). */
export const CSV_LIST_COLUMNS = ['names', 'aliases', 'emails', 'phones', 'activity', 'messages', 'shipping_address', 'shipping_addresses'];

/**
 * Reads worker records from JSON lines, a JSON array or CSV (see docs/vetting.md for the CSV
 * conventions). Record ids must be unique across all files. Any malformed record stops the read
 * with an InputError naming the file and line: no partial result.
 *
 * @example
 * const { records, warnings } = await readRecords([fileSource('applicants.jsonl')]);
 */
export async function readRecords(files: SourceFile[], options: ReadRecordsOptions = {}): Promise<ReadRecordsResult> {
  const warnings: string[] = [];
  const records: WorkerRecord[] = [];
  const seen = new Map<string, string>();
  let consumedBefore = 0;
  for (const file of files) {
    const onBytes = options.onBytes ? (b: number) => options.onBytes!(consumedBefore + b) : undefined;
    const format = await detectFormat(file);
    const read = format === 'csv' ? readCsv : format === 'json' ? readJsonArray : readJsonLines;
    for await (const record of read(file, { maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES, onBytes, warnings })) {
      const where = `${record.source.file}:${record.source.line}`;
      const previous = seen.get(record.id);
      if (previous) throw new InputError(file.name, `id "${record.id}" is used twice (first at ${previous})`, record.source.line, 'id');
      seen.set(record.id, where);
      records.push(record);
    }
    consumedBefore += file.size ?? 0;
  }
  return { records, warnings };
}

interface ReadContext {
  maxLineBytes: number;
  onBytes: ((bytes: number) => void) | undefined;
  warnings: string[];
}

/**
 * The format of a records file: by extension (`.jsonl`, `.ndjson`, `.json`, `.csv`, `.tsv`), else by
 * its first character (`{` JSON lines, `[` a JSON array, anything else CSV).
 *
 * @example
 * await detectFormat(memorySource('a.csv', 'id,names\n1,Jane'));  // 'csv'
 */
export async function detectFormat(file: SourceFile): Promise<RecordFormat> {
  const name = sourceBaseName(file).toLowerCase();
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl';
  if (/\.(csv|tsv)$/.test(name)) return 'csv';
  let head = '';
  for await (const text of readText(file)) {
    head += text;
    if (head.trimStart().length > 0) break;
  }
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{' || (first === undefined && name.endsWith('.json'))) return 'jsonl';
  return name.endsWith('.json') ? 'json' : 'csv';
}

async function* readJsonLines(file: SourceFile, ctx: ReadContext): AsyncGenerator<WorkerRecord> {
  for await (const { line, lineNo } of readLines(file, { maxLineBytes: ctx.maxLineBytes, ...(ctx.onBytes ? { onBytes: ctx.onBytes } : {}) })) {
    const text = lineNo === 1 ? line.replace(/^\uFEFF/, '') : line;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new InputError(file.name, `not valid JSON: ${(err as Error).message}`, lineNo);
    }
    yield parseWorkerRecord(value, { file: file.name, line: lineNo, warnings: ctx.warnings });
  }
}

/** Largest JSON array file read (it is read whole). */
const MAX_JSON_BYTES = 512 * 1024 * 1024;

async function* readJsonArray(file: SourceFile, ctx: ReadContext): AsyncGenerator<WorkerRecord> {
  let text = '';
  for await (const chunk of readText(file, ctx.onBytes)) {
    text += chunk;
    if (text.length > MAX_JSON_BYTES) throw new InputError(file.name, `a JSON array file larger than ${MAX_JSON_BYTES} bytes; write JSON lines instead`);
  }
  for (const element of splitJsonArray(text.replace(/^\uFEFF/, ''), file.name, ctx.maxLineBytes)) {
    let value: unknown;
    try {
      value = JSON.parse(element.text);
    } catch (err) {
      throw new InputError(file.name, `not valid JSON: ${(err as Error).message}`, element.line);
    }
    yield parseWorkerRecord(value, { file: file.name, line: element.line, warnings: ctx.warnings });
  }
}

/**
 * Splits the text of a JSON array into its elements' texts and the lines they start on, so that an
 * error in one element names its line. Checks only the structure; each element is parsed later.
 */
export function splitJsonArray(text: string, fileName: string, maxElementChars = DEFAULT_MAX_LINE_BYTES): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  skipSpace();
  if (text[i] !== '[') throw new InputError(fileName, 'expected a JSON array of records', line);
  i++;
  skipSpace();
  if (text[i] === ']') return out;
  while (i < n) {
    skipSpace();
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const ch = text[i]!;
      if (ch === '\n') line++;
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        if (depth === 0) break;
        depth--;
      } else if (ch === ',' && depth === 0) break;
      if (i - start > maxElementChars) throw new InputError(fileName, `a record longer than ${maxElementChars} characters; refusing to read it`, startLine);
    }
    if (i >= n) throw new InputError(fileName, 'the JSON array is not closed (truncated file?)', line);
    out.push({ text: text.slice(start, i), line: startLine });
    if (text[i] === ']') {
      i++;
      skipSpace();
      if (i < n) throw new InputError(fileName, 'text after the end of the JSON array', line);
      return out;
    }
    i++;
  }
  throw new InputError(fileName, 'the JSON array is not closed (truncated file?)', line);
}

async function* readCsv(file: SourceFile, ctx: ReadContext): AsyncGenerator<WorkerRecord> {
  const delimiter = sourceBaseName(file).toLowerCase().endsWith('.tsv') ? '\t' : ',';
  const parser = parse({ bom: true, columns: (header: string[]) => header.map((h) => h.trim()), delimiter, info: true, skip_empty_lines: true, max_record_size: ctx.maxLineBytes, trim: false });
  const feed = (async () => {
    try {
      for await (const text of readText(file, ctx.onBytes)) {
        if (!parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const line = row.info.lines;
      yield parseWorkerRecord(csvRowToObject(row.record, file.name, line), { file: file.name, line, warnings: ctx.warnings });
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof CsvError) {
      const lines = typeof err.lines === 'number' ? err.lines : undefined;
      throw new InputError(file.name, `not valid CSV: ${err.message.replace(/^Invalid Record Length: /, '').replace(/,? ?on line \d+/, '')}`, lines);
    }
    throw err;
  } finally {
    await feed;
  }
}

/**
 * One CSV row as a record object: empty cells dropped, cells starting with `[` or `{` read as
 * JSON, the list columns split on `;`, and dotted headers (`documents.number`, `documents.1.number`)
 * nested into objects and lists.
 *
 * @example
 * csvRowToObject({ id: '7', emails: 'a@x.com; b@y.com', 'documents.number': 'X1' }, 'in.csv', 2);
 * // { id: '7', emails: ['a@x.com', 'b@y.com'], documents: { number: 'X1' } }
 */
export function csvRowToObject(row: Record<string, string>, fileName: string, line: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, rawCell] of Object.entries(row)) {
    const cell = rawCell.trim();
    if (!cell) continue;
    let value: unknown = cell;
    if (cell.startsWith('[') || cell.startsWith('{')) {
      try {
        value = JSON.parse(cell);
      } catch (err) {
        throw new InputError(fileName, `the cell starts like JSON but is not valid JSON: ${(err as Error).message}`, line, column);
      }
    } else if (CSV_LIST_COLUMNS.includes(column.toLowerCase()) && cell.includes(';')) {
      value = cell.split(';').map((s) => s.trim()).filter(Boolean);
    }
    setPath(out, column.split('.'), value, fileName, line, column);
  }
  return out;
}

/**
 * Sets `value` at `path` inside `target`. Reads and writes own properties only: a header such as
 * `__proto__.x` or `constructor` names a field like any other, and never reaches Object.prototype.
 */
function setPath(target: Record<string, unknown> | unknown[], path: string[], value: unknown, fileName: string, line: number, column: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const key: string | number = Array.isArray(target) ? Number(head) : head;
  if (Array.isArray(target) && (!Number.isInteger(key) || (key as number) < 0 || (key as number) > 1000)) {
    throw new InputError(fileName, `column "${column}": "${head}" is not a list position`, line, column);
  }
  const container = target as Record<string | number, unknown>;
  const existing = Object.hasOwn(container, key) ? container[key] : undefined;
  if (!rest.length) {
    if (existing !== undefined) throw new InputError(fileName, `column "${column}" sets a value that another column already set`, line, column);
    setOwn(container, key, value);
    return;
  }
  let next = existing;
  if (next === undefined) {
    next = /^\d+$/.test(rest[0]!) ? [] : {};
    setOwn(container, key, next);
  }
  if (typeof next !== 'object' || next === null) throw new InputError(fileName, `column "${column}" nests into a value that is not an object`, line, column);
  if (Array.isArray(next) !== /^\d+$/.test(rest[0]!)) throw new InputError(fileName, `column "${column}" mixes list positions and field names under "${head}"`, line, column);
  setPath(next as Record<string, unknown> | unknown[], rest, value, fileName, line, column);
}

/** `container[key] = value` as an own data property, also for `__proto__` (whose assignment would replace the prototype). */
function setOwn(container: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}
