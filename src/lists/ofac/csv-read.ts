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
 * Reads the records of one OFAC CSV file (no header, CRLF, final 0x1A byte). The end-of-file marker is
 * required: a file without it is truncated. The whole file is read before the first record is handed
 * over, so a file that turns out to be broken yields nothing. Every problem is an InputError naming the
 * file and the line the bad record starts on.
 *
 * @example
 * for await (const { fields, line } of readOfacCsvRecords(fileSource('sdn.csv'))) console.log(line, fields[1]);
 */
export async function* readOfacCsvRecords(
  src: SourceFile,
  options: OfacCsvReadOptions = {},
): AsyncGenerator<OfacCsvRecord> {
  yield* await readOfacCsvFile(src, options);
}

/**
 * Every record of one OFAC CSV file, as {@link readOfacCsvRecords} hands them over, in one array.
 *
 * @example
 * const records = await readOfacCsvFile(fileSource('sdn.csv'));
 * records[0]?.line; // 1
 */
export async function readOfacCsvFile(src: SourceFile, options: OfacCsvReadOptions = {}): Promise<OfacCsvRecord[]> {
  const reader = new OfacCsvRecordReader(src.name, options.maxRecordChars ?? MAX_OFAC_RECORD_CHARS);
  for await (const text of untilEofMarker(src, readText(src, options.onBytes))) reader.write(text);
  return reader.end();
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 records, read exactly as csv-parse read them with `bom`, `skip_empty_lines`,
 * `relax_column_count` and `max_record_size` (the earlier implementation): the record delimiter is the
 * first line break outside quotes (CRLF, LF or CR) and other line breaks are text; `""` inside quotes
 * is a quote; a closing quote must be followed by a comma, the record delimiter, NUL or the end; the
 * size limit counts the characters of the record's finished fields plus the UTF-8 bytes of the field
 * being read. Line numbers count LF from the first line, across skipped blank lines and line breaks
 * inside quoted fields.
 */
class OfacCsvRecordReader {
  private readonly records: OfacCsvRecord[] = [];
  /** Unread characters held back because a decision needs the next chunk. */
  private tail = '';
  private started = false;
  private delimiter: '' | '\r\n' | '\n' | '\r' = '';
  private quoting = false;
  private wasQuoting = false;
  private fields: string[] = [];
  /** Characters in the record's finished fields. */
  private recordChars = 0;
  private field = '';
  private newlines = 0;
  /** Bytes of the field's last character that csv-parse had not checked against the limit yet. */
  private uncheckedBytes = 0;
  /** The first quote of an escaped `""` was read; the second is next. */
  private escaping = false;
  private nextLine = 1;
  private blankLines = 0;

  constructor(
    private readonly file: string,
    private readonly maxRecordChars: number,
  ) {}

  write(chunk: string): void {
    let text = this.tail + chunk;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.tail = this.scan(text, false);
  }

  end(): OfacCsvRecord[] {
    this.scan(this.tail, true);
    this.tail = '';
    if (this.quoting) this.fail('CSV_QUOTE_NOT_CLOSED');
    if (this.wasQuoting || this.fields.length > 0 || this.field !== '') this.endRecord();
    return this.records;
  }

  /**
   * Reads `text` up to where csv-parse stopped before the end of the input: it kept the last 3 bytes
   * back for look-ahead, so an error there came after an error about the end of the file. Returns the
   * characters left for the next chunk; look-ahead may read into them.
   */
  private scan(text: string, end: boolean): string {
    if (!this.readUncheckedBytes(text, end)) return text;
    const { stop, unreadBytes } = end ? { stop: text.length, unreadBytes: 0 } : holdBack(text);
    if (this.escaping) {
      if (stop === 0) return text;
      this.escaping = false;
      this.append(text, 0, 1);
      return this.scanFrom(text, 1, stop, unreadBytes);
    }
    return this.scanFrom(text, 0, stop, unreadBytes);
  }

  private scanFrom(text: string, start: number, stop: number, unreadBytes: number): string {
    let i = start;
    while (i < stop) {
      if (this.quoting) {
        const q = text.indexOf('"', i);
        if (q === -1 || q >= stop) {
          this.append(text, i, stop, unreadBytes);
          return text.slice(stop);
        }
        if (q > i) this.append(text, i, q);
        if (q + 1 >= text.length) {
          this.closeQuote();
          return '';
        }
        const next = text.charCodeAt(q + 1);
        if (next === QUOTE) {
          // csv-parse read an escaped quote in two steps, the second under its look-ahead rule.
          if (q + 1 >= stop) {
            this.escaping = true;
            return text.slice(q + 1);
          }
          this.append(text, q + 1, q + 2);
          i = q + 2;
          continue;
        }
        if (next !== COMMA && next !== 0 && this.delimiterAt(text, q + 1) === 0) this.fail('CSV_INVALID_CLOSING_QUOTE');
        this.closeQuote();
        i = q + 1;
        continue;
      }
      let j = i;
      let c = 0;
      for (; j < stop; j++) {
        c = text.charCodeAt(j);
        if (c === COMMA || c === QUOTE || c === CR || c === LF) break;
      }
      if (j > i) this.append(text, i, j, j === stop ? unreadBytes : 0);
      i = j;
      if (j >= stop) break;
      if (c === COMMA) {
        this.endField();
        i = j + 1;
      } else if (c === QUOTE) {
        if (this.field !== '') this.fail('INVALID_OPENING_QUOTE');
        this.quoting = true;
        i = j + 1;
      } else {
        const delimiter = this.delimiterAt(text, j);
        if (delimiter === 0) {
          this.append(text, j, j + 1);
          i = j + 1;
        } else {
          if (!this.wasQuoting && this.fields.length === 0 && this.field === '') this.blankLines++;
          else this.endRecord();
          i = j + delimiter;
        }
      }
    }
    return text.slice(i);
  }

  /** Length of the record delimiter at `at` (a CR or LF), 0 when it is text there; learns the delimiter from the first line break. */
  private delimiterAt(text: string, at: number): number {
    const c = text.charCodeAt(at);
    const crlf = c === CR && text.charCodeAt(at + 1) === LF;
    if (this.delimiter === '') this.delimiter = crlf ? '\r\n' : c === LF ? '\n' : '\r';
    if (this.delimiter === '\r\n') return crlf ? 2 : 0;
    return text.charCodeAt(at) === this.delimiter.charCodeAt(0) ? 1 : 0;
  }

  /**
   * Checks the bytes of the field's last character that csv-parse had left unread, as far as its
   * look-ahead rule let it read them now; false when some are still unread (then so is `text`).
   */
  private readUncheckedBytes(text: string, end: boolean): boolean {
    const unchecked = this.uncheckedBytes;
    if (unchecked === 0) return true;
    const textBytes = end ? Infinity : text.length >= 3 ? 3 : Buffer.byteLength(text, 'utf8');
    const readNow = Math.max(0, Math.min(unchecked, unchecked + textBytes - 3));
    this.uncheckedBytes = unchecked - readNow;
    if (readNow > 0) this.checkSize(this.uncheckedBytes);
    return this.uncheckedBytes === 0;
  }

  private append(text: string, from: number, to: number, unreadBytes = 0): void {
    const piece = text.slice(from, to);
    this.field = this.field === '' ? piece : this.field + piece;
    for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) this.newlines++;
    this.uncheckedBytes = unreadBytes;
    this.checkSize(unreadBytes);
  }

  /**
   * csv-parse refused a record when, before it appended a byte, the characters of the finished fields
   * plus the bytes of the field so far passed the limit. A UTF-16 unit is at most 3 UTF-8 bytes, so
   * most fields need no count.
   */
  private checkSize(unreadBytes: number): void {
    if (this.recordChars + 3 * this.field.length - 1 <= this.maxRecordChars) return;
    const bytesRead = Buffer.byteLength(this.field, 'utf8') - unreadBytes;
    if (bytesRead > 0 && this.recordChars + bytesRead - 1 > this.maxRecordChars) this.fail('CSV_MAX_RECORD_SIZE');
  }

  private closeQuote(): void {
    this.quoting = false;
    this.wasQuoting = true;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.recordChars += this.field.length;
    this.field = '';
    this.wasQuoting = false;
  }

  private endRecord(): void {
    this.endField();
    const line = this.nextLine + this.blankLines;
    this.records.push({ fields: this.fields, line });
    this.nextLine = line + this.newlines + 1;
    this.blankLines = 0;
    this.newlines = 0;
    this.fields = [];
    this.recordChars = 0;
  }

  private fail(code: CsvErrorCode): never {
    throw new InputError(this.file, describeCsvError(code, this.maxRecordChars), this.nextLine + this.blankLines);
  }
}

/**
 * Where csv-parse's look-ahead began in `text`: the index after the last character whose first byte
 * has at least 3 bytes after it, and how many trailing bytes of that character it left unread.
 */
function holdBack(text: string): { stop: number; unreadBytes: number } {
  let bytesAfter = 0;
  let k = text.length;
  while (k > 0) {
    const code = text.charCodeAt(k - 1);
    const pair = code >= 0xdc00 && code <= 0xdfff && k >= 2 && isHighSurrogate(text.charCodeAt(k - 2));
    const bytes = pair ? 4 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (bytesAfter + bytes - 1 >= 3) return { stop: k, unreadBytes: bytes - Math.min(bytes, bytesAfter + bytes - 3) };
    bytesAfter += bytes;
    k -= pair ? 2 : 1;
  }
  return { stop: 0, unreadBytes: 0 };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

type CsvErrorCode = 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE' | 'CSV_INVALID_CLOSING_QUOTE' | 'INVALID_OPENING_QUOTE';

function describeCsvError(code: CsvErrorCode, maxRecordChars: number): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed before the end of the file (truncated or not an OFAC CSV file)';
    case 'CSV_MAX_RECORD_SIZE':
      return `record is longer than ${maxRecordChars} characters; refusing to read it`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'unexpected character after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside an unquoted field';
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
