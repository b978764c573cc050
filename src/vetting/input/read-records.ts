import { CsvError, parse } from 'csv-parse';
import { InputError } from '../../errors.js';
import { DEFAULT_MAX_LINE_BYTES, readLines, readText, sourceBaseName, type SourceFile } from '../../lists/source.js';
import { csvRowToObject } from './csv-row-object.js';
import { parseWorkerRecord } from './parse-record.js';
import type { WorkerRecord } from './record.js';

export { CSV_LIST_COLUMNS, csvRowToObject } from './csv-row-object.js';

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

