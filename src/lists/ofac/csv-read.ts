import { Readable, pipeline } from 'node:stream';
import { CsvError, parse, type InfoRecord, type Options } from 'csv-parse';
import { InputError } from '../../errors.js';
import { readText, type SourceFile } from '../source.js';

/** OFAC ends every CSV file with this byte (ASCII SUB, the old DOS end-of-file mark). */
export const OFAC_EOF_MARKER = '\x1a';

/**
 * Longest record we accept, in characters. OFAC cuts remarks at 1,000 characters and the longest
 * comments row is a few kilobytes; anything near this limit is not an OFAC file.
 */
export const MAX_OFAC_RECORD_CHARS = 1 << 20;

export interface OfacCsvRecord {
  /** Fields as written (quotes removed); see {@link ofacValue} for the null marker. */
  fields: string[];
  /** Line the record starts on (1-based). */
  line: number;
}

export interface OfacCsvReadOptions {
  onBytes?: (bytes: number) => void;
  maxRecordChars?: number;
}

/**
 * A field's value with OFAC's null marker `-0-` (with or without trailing spaces) read as empty and
 * surrounding whitespace trimmed.
 *
 * @example
 * ofacValue('-0- '); // ''
 * ofacValue(' KIM, Jong Un '); // 'KIM, Jong Un'
 */
export function ofacValue(raw: string | undefined): string {
  const v = (raw ?? '').trim();
  return v === '-0-' ? '' : v;
}

/**
 * Streams the records of one OFAC CSV file (no header, CRLF, final 0x1A byte) through csv-parse.
 * The end-of-file marker is required: a file without it is truncated. Every problem is an
 * InputError naming the file and the line the bad record starts on; nothing is yielded from a
 * record that is not complete.
 *
 * @example
 * for await (const { fields, line } of readOfacCsvRecords(fileSource('sdn.csv'))) console.log(line, fields[1]);
 */
export async function* readOfacCsvRecords(
  src: SourceFile,
  options: OfacCsvReadOptions = {},
): AsyncGenerator<OfacCsvRecord> {
  const maxRecordChars = options.maxRecordChars ?? MAX_OFAC_RECORD_CHARS;
  // csv-parse's own line count is off for CRLF input; count from skipped blank lines and the
  // newlines inside quoted fields instead, which is exact. on_record runs as each record is parsed,
  // so the count is also right for an error that follows records not yet consumed.
  let nextLine = 1;
  let emptyLinesSeen = 0;
  const toRecord = (fields: string[], context: InfoRecord): OfacCsvRecord => {
    const line = nextLine + (context.empty_lines - emptyLinesSeen);
    emptyLinesSeen = context.empty_lines;
    nextLine = line + embeddedNewlines(fields) + 1;
    return { fields, line };
  };
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: maxRecordChars,
    // csv-parse types on_record as returning a record of the input shape; ours wraps it with its line.
    on_record: toRecord as unknown as Options['on_record'],
  });
  const text = Readable.from(untilEofMarker(src, readText(src, options.onBytes)), { objectMode: true });
  pipeline(text, parser, () => {
    // Errors reach the consumer through the parser's async iterator.
  });

  try {
    for await (const record of parser as AsyncIterable<OfacCsvRecord>) yield record;
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof CsvError) {
      const emptyBefore = typeof err.empty_lines === 'number' ? err.empty_lines - emptyLinesSeen : 0;
      throw new InputError(src.name, describeCsvError(err, maxRecordChars), nextLine + Math.max(0, emptyBefore));
    }
    throw err;
  }
}

function embeddedNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n++;
  return n;
}

function describeCsvError(err: CsvError, maxRecordChars: number): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed before the end of the file (truncated or not an OFAC CSV file)';
    case 'CSV_MAX_RECORD_SIZE':
      return `record is longer than ${maxRecordChars} characters; refusing to read it`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'unexpected character after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field';
    default:
      return `not a valid CSV record (${err.code})`;
  }
}

/**
 * Passes the text on up to OFAC's end-of-file marker; only whitespace may follow it. A file that ends
 * without the marker is refused as truncated, naming its last line.
 */
async function* untilEofMarker(src: SourceFile, text: AsyncIterable<string>): AsyncGenerator<string> {
  let line = 1;
  let markerLine: number | null = null;
  let lastChar = '';
  for await (const chunk of text) {
    if (markerLine !== null) {
      if (chunk.trim()) throw dataAfterMarker(src, line);
      continue;
    }
    const at = chunk.indexOf(OFAC_EOF_MARKER);
    const before = at === -1 ? chunk : chunk.slice(0, at);
    line += countNewlines(before);
    if (before) {
      lastChar = before[before.length - 1] ?? lastChar;
      yield before;
    }
    if (at !== -1) {
      markerLine = line;
      if (chunk.slice(at + 1).trim()) throw dataAfterMarker(src, line);
    }
  }
  if (markerLine === null) {
    const lastLine = lastChar === '\n' ? line - 1 : line;
    throw new InputError(
      src.name,
      'the file ends without OFAC’s end-of-file byte (0x1A): it is truncated or not an OFAC CSV export',
      Math.max(1, lastLine),
    );
  }
}

function dataAfterMarker(src: SourceFile, line: number): InputError {
  return new InputError(src.name, 'data after the end-of-file byte (0x1A)', line);
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
