import { isAscii, isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';

export interface CsvReadOptions {
  /** A record longer than this is refused before it is buffered whole (default 64 MiB). */
  maxRecordBytes?: number;
  onBytes?: (bytes: number) => void;
  /** Bytes gathered before records are split off, so about the size of a chunk (default 1 MiB). */
  chunkBytes?: number;
}

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

const DEFAULT_CHUNK_BYTES = 1 << 20;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Buffer's own slicers, which toString(encoding, start, end) calls after checking its arguments. */
interface SlicingBuffer extends Buffer {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/**
 * `bytes[start, end)` as text: one character per byte when the chunk is ASCII, else UTF-8. Called for fields
 * of every row, so it skips the argument handling of Buffer.toString.
 *
 * @example
 * fieldText(chunk.bytes, chunk.starts[f]!, chunk.ends[f]!, chunk.ascii)
 */
export function fieldText(bytes: Buffer, start: number, end: number, ascii: boolean): string {
  return ascii ? (bytes as SlicingBuffer).latin1Slice(start, end) : (bytes as SlicingBuffer).utf8Slice(start, end);
}

/**
 * Records of a CSV file as byte ranges of one buffer, so a reader can check and convert fields without
 * making a string of each. Quoted fields are already unquoted (in place). Valid until the next chunk is
 * requested: the buffer and the arrays are reused.
 */
export class CsvChunk {
  /** The bytes every field points into. */
  bytes: Buffer = Buffer.alloc(0);
  /** Number of records. */
  count = 0;
  /** Line (1-based) where record `i` starts. */
  lines = new Int32Array(1024);
  /** Fields of record `i` are `first[i]` to `first[i + 1] - 1`. */
  first = new Int32Array(1025);
  /** Field `f` is `bytes[starts[f], ends[f])`. */
  starts = new Int32Array(16_384);
  ends = new Int32Array(16_384);
  /** Whether every byte of the chunk is ASCII (a field is then one character per byte). */
  ascii = true;

  /** Number of fields of record `i`. */
  width(i: number): number {
    return this.first[i + 1]! - this.first[i]!;
  }

  /** Field `j` of record `i` as text; undefined when the record is shorter. */
  text(i: number, j: number): string | undefined {
    if (j >= this.width(i)) return undefined;
    const f = this.first[i]! + j;
    return fieldText(this.bytes, this.starts[f]!, this.ends[f]!, this.ascii);
  }

  /** Every field of record `i` as text. */
  record(i: number): string[] {
    const out: string[] = [];
    for (let f = this.first[i]!; f < this.first[i + 1]!; f++) out.push(fieldText(this.bytes, this.starts[f]!, this.ends[f]!, this.ascii));
    return out;
  }
}

/**
 * Reads RFC 4180 CSV (comma separated, double-quote quoting, quoted fields may span lines, LF or CRLF)
 * strictly as UTF-8, as chunks of records whose fields are byte ranges. Lines without quotes take a fast
 * path; blank lines are skipped; a UTF-8 byte order mark is dropped. Errors name the file and line.
 *
 * @example
 * for await (const chunk of readCsvChunks(fileSource('token_transfers.csv'))) {
 *   for (let i = 0; i < chunk.count; i++) console.log(chunk.lines[i], chunk.text(i, 0));
 * }
 */
export async function* readCsvChunks(src: SourceFile, options: CsvReadOptions = {}): AsyncGenerator<CsvChunk> {
  const splitter = new CsvSplitter(src.name, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES);
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  // Never pooled: it starts at offset 0 of its own memory, so the splitter can read it four bytes at a time.
  let work = Buffer.allocUnsafeSlow(2 * chunkBytes);
  let length = 0;
  let consumed = 0;
  let started = false;
  const split = (atEnd: boolean): number => {
    let from = 0;
    if (!started) {
      started = true;
      if (length >= 3 && work[0] === 0xef && work[1] === 0xbb && work[2] === 0xbf) from = 3;
    }
    return splitter.split(work, from, length, atEnd);
  };
  const reader = src.openReader?.();
  const pieces = reader ? undefined : src.open()[Symbol.asyncIterator]();
  try {
    for (;;) {
      let got: number;
      if (reader) {
        if (length + chunkBytes > work.length) work = grown(work, length, length + chunkBytes);
        got = await reader.read(work, length, chunkBytes);
      } else {
        const next = await pieces!.next();
        const piece = next.done ? undefined : next.value;
        got = piece?.byteLength ?? 0;
        if (piece) {
          if (length + got > work.length) work = grown(work, length, length + got);
          work.set(piece, length);
        }
      }
      if (got === 0) break;
      consumed += got;
      length += got;
      if (length < Math.max(chunkBytes, 3)) continue; // (3: a byte order mark is recognised whole)
      const next = split(false);
      options.onBytes?.(consumed);
      if (splitter.chunk.count > 0) yield splitter.chunk;
      work.copyWithin(0, next, length);
      length -= next;
    }
  } finally {
    await reader?.close();
    await pieces?.return?.();
  }
  if (length > 0) {
    split(true);
    options.onBytes?.(consumed);
    if (splitter.chunk.count > 0) yield splitter.chunk;
  }
}

/**
 * Reads RFC 4180 CSV as chunks of records of strings (see readCsvChunks, which this wraps).
 *
 * @example
 * for await (const { records, lines } of readCsvRecords(fileSource('prices.csv'))) { … }
 */
export async function* readCsvRecords(src: SourceFile, options: CsvReadOptions = {}): AsyncGenerator<{ records: string[][]; lines: number[] }> {
  for await (const chunk of readCsvChunks(src, options)) {
    const records: string[][] = [];
    const lines: number[] = [];
    for (let i = 0; i < chunk.count; i++) {
      records.push(chunk.record(i));
      lines.push(chunk.lines[i]!);
    }
    yield { records, lines };
  }
}

/** A buffer of at least `size` bytes (twice the old one's, if more) holding `buf[0, length)`. */
function grown(buf: Buffer, length: number, size: number): Buffer<ArrayBuffer> {
  const bigger = Buffer.allocUnsafeSlow(Math.max(buf.length * 2, size));
  buf.copy(bigger, 0, 0, length);
  return bigger;
}

/** Splits records off a buffer into its chunk, remembering the line number across calls. */
class CsvSplitter {
  readonly chunk = new CsvChunk();
  private line = 1;
  private fields = 0;
  private lastFieldStart = 0;

  constructor(
    private readonly file: string,
    private readonly maxRecord: number,
  ) {}

  /** Splits the complete records of `buf[from, to)`; returns where the unfinished rest starts. */
  split(buf: Buffer, from: number, to: number, atEnd: boolean): number {
    const chunk = this.chunk;
    chunk.bytes = buf;
    chunk.count = 0;
    this.fields = 0;
    const startLine = this.line;
    // Validate as UTF-8 up to the last line break (which is never inside a character), or everything at the end.
    const checkedTo = atEnd ? to : buf.lastIndexOf(LF, to - 1) + 1;
    chunk.ascii = checkedTo <= from || isAscii(buf.subarray(from, checkedTo));
    if (!chunk.ascii && !isUtf8(buf.subarray(from, checkedTo))) this.failUtf8(buf, from, checkedTo, startLine, atEnd);
    const maxRecord = this.maxRecord;
    const words = new Int32Array(buf.buffer, buf.byteOffset, buf.length >> 2); // (the buffer starts at offset 0: see readCsvChunks)
    let nextQuote = -1;
    let pos = from;
    while (pos < to) {
      const fieldBase = this.fields;
      if (nextQuote < pos) {
        nextQuote = buf.indexOf(QUOTE, pos);
        if (nextQuote === -1 || nextQuote > to) nextQuote = to;
      }
      let nl: number;
      let last: number;
      if (nextQuote === to) {
        // No quote up to the end of the data: the line's fields and its end are found in one pass.
        nl = this.scanLine(buf, words, pos, to);
        last = this.lastFieldStart;
      } else {
        nl = buf.indexOf(LF, pos);
        if (nl === -1 || nl > to) nl = to;
        if (nextQuote < nl) {
          const next = this.splitQuoted(buf, pos, to, atEnd);
          if (next < 0) break;
          pos = next;
          continue;
        }
        last = -1;
      }
      if (nl - pos > maxRecord) throw new InputError(this.file, `record is longer than ${maxRecord} bytes; refusing to read it`, this.line);
      if (nl === to && !atEnd) {
        this.fields = fieldBase; // (the line goes on in data not read yet)
        break;
      }
      const end = nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
      if (end > pos) {
        const start = last >= 0 ? last : this.scanFields(buf, words, pos, end);
        this.pushField(start, end);
        this.endRecord(fieldBase);
      }
      this.line++;
      pos = nl + 1;
    }
    return Math.min(pos, to);
  }

  /**
   * Records the fields of the line at `pos` (no quotes up to `to`) but the last, whose start it leaves in
   * lastFieldStart, and returns where the line ends: its line feed, or `to`. Reads four bytes at a time:
   * `(v - 0x01010101) & ~v & 0x80808080` flags the bytes of v that are zero (and at most some false alarms
   * above a real one, which the byte check below skips), v being the word XOR commas or XOR line feeds; the
   * flagged bytes are visited lowest first (Math.clz32 of the lowest flag), every other byte is skipped.
   */
  private scanLine(buf: Buffer, words: Int32Array, pos: number, to: number): number {
    let start = pos;
    let w = pos >> 2;
    // Flags of the bytes before `pos` in its word are cleared.
    let keep = -1 << ((pos & 3) << 3);
    const whole = to >> 2;
    for (; w <= whole; w++) {
      let flags: number;
      if (w < whole) {
        const x = words[w]!;
        const commas = x ^ 0x2c2c2c2c;
        const feeds = x ^ 0x0a0a0a0a;
        flags = (((commas - 0x01010101) & ~commas) | ((feeds - 0x01010101) & ~feeds)) & 0x80808080 & keep;
      } else {
        // The last, partial word (bytes up to `to`): byte by byte.
        flags = 0;
        for (let i = Math.max(w << 2, pos); i < to; i++) if (buf[i] === COMMA || buf[i] === LF) flags |= 0x80 << ((i & 3) << 3);
      }
      keep = -1;
      while (flags !== 0) {
        const i = (w << 2) + ((31 - Math.clz32(flags & -flags)) >> 3);
        flags &= flags - 1;
        const c = buf[i];
        if (c === COMMA) {
          this.pushField(start, i);
          start = i + 1;
        } else if (c === LF) {
          this.lastFieldStart = start;
          return i;
        }
      }
    }
    this.lastFieldStart = start;
    return to;
  }

  /**
   * Records the fields of `buf[pos, end)` (a line without quotes) but the last, and returns where the last
   * starts. Reads four bytes at a time, as scanLine does, for commas only.
   */
  private scanFields(buf: Buffer, words: Int32Array, pos: number, end: number): number {
    let start = pos;
    let keep = -1 << ((pos & 3) << 3);
    const whole = end >> 2;
    for (let w = pos >> 2; w <= whole; w++) {
      let flags: number;
      if (w < whole) {
        const commas = words[w]! ^ 0x2c2c2c2c;
        flags = ((commas - 0x01010101) & ~commas) & 0x80808080 & keep;
      } else {
        flags = 0;
        for (let i = Math.max(w << 2, pos); i < end; i++) if (buf[i] === COMMA) flags |= 0x80 << ((i & 3) << 3);
      }
      keep = -1;
      while (flags !== 0) {
        const i = (w << 2) + ((31 - Math.clz32(flags & -flags)) >> 3);
        flags &= flags - 1;
        if (buf[i] === COMMA) {
          this.pushField(start, i);
          start = i + 1;
        }
      }
    }
    return start;
  }

  /**
   * A record with quotes, starting at `pos`: finds where it ends (a quoted field may span lines), then
   * unquotes its fields in place. Returns where the next record starts, or -1 when the record is not
   * complete before `to` and more data may follow.
   */
  private splitQuoted(buf: Buffer, pos: number, to: number, atEnd: boolean): number {
    let inQuotes = false;
    let fieldStart = true;
    let lineBreaks = 0;
    let i = pos;
    for (; i < to; i++) {
      const c = buf[i];
      if (inQuotes) {
        if (c === QUOTE) {
          if (i + 1 === to && !atEnd) return -1;
          if (i + 1 < to && buf[i + 1] === QUOTE) i++;
          else inQuotes = false;
        } else if (c === LF) lineBreaks++;
      } else if (c === LF) break;
      else if (c === QUOTE && fieldStart) inQuotes = true;
      else fieldStart = c === COMMA;
      if (inQuotes) fieldStart = false;
      if (i - pos > this.maxRecord) throw new InputError(this.file, `record is longer than ${this.maxRecord} bytes; refusing to read it`, this.line);
    }
    if (i === to) {
      if (!atEnd) return -1;
      if (inQuotes) throw new InputError(this.file, 'a quoted field is not closed before the end of the file', this.line);
    }
    const end = i > pos && buf[i - 1] === CR ? i - 1 : i;
    const fieldBase = this.fields;
    let r = pos;
    let w = pos;
    for (let column = 1; ; column++) {
      const start = w;
      if (r < end && buf[r] === QUOTE) {
        r++;
        for (;;) {
          if (r >= end) throw new InputError(this.file, 'unterminated quoted field', this.line);
          const c = buf[r]!;
          if (c === QUOTE) {
            if (r + 1 < end && buf[r + 1] === QUOTE) {
              buf[w++] = QUOTE;
              r += 2;
              continue;
            }
            r++;
            break;
          }
          buf[w++] = c;
          r++;
        }
        this.pushField(start, w);
        if (r >= end) break;
        if (buf[r] !== COMMA) throw new InputError(this.file, `unexpected text after a quoted field (column ${column})`, this.line);
      } else {
        while (r < end && buf[r] !== COMMA) {
          if (buf[r] === QUOTE) throw new InputError(this.file, `a quote inside an unquoted field (column ${column})`, this.line);
          buf[w++] = buf[r++]!;
        }
        this.pushField(start, w);
        if (r >= end) break;
      }
      r++; // the comma
      if (r === end) {
        this.pushField(w, w);
        break;
      }
    }
    this.endRecord(fieldBase);
    this.line += 1 + lineBreaks;
    return i + 1;
  }

  private pushField(start: number, end: number): void {
    const chunk = this.chunk;
    if (this.fields === chunk.starts.length) {
      chunk.starts = grow(chunk.starts);
      chunk.ends = grow(chunk.ends);
    }
    chunk.starts[this.fields] = start;
    chunk.ends[this.fields] = end;
    this.fields++;
  }

  private endRecord(fieldBase: number): void {
    const chunk = this.chunk;
    if (chunk.count + 1 >= chunk.lines.length) {
      chunk.lines = grow(chunk.lines);
      chunk.first = grow(chunk.first);
    }
    chunk.lines[chunk.count] = this.line;
    chunk.first[chunk.count] = fieldBase;
    chunk.count++;
    chunk.first[chunk.count] = this.fields;
  }

  /** Names the line of the first byte that is not UTF-8 (or says the file ends inside a character). */
  private failUtf8(buf: Buffer, from: number, to: number, startLine: number, atEnd: boolean): never {
    let line = startLine;
    for (let start = from; start < to; line++) {
      const nl = buf.indexOf(LF, start);
      const end = nl === -1 || nl >= to ? to : nl + 1;
      if (!isUtf8(buf.subarray(start, end))) {
        if (atEnd && end === to && isUtf8(buf.subarray(start, to - partialCharacterBytes(buf, start, to)))) {
          throw new InputError(this.file, 'the file ends inside a multi-byte UTF-8 character', line);
        }
        throw new InputError(this.file, 'not valid UTF-8 text', line);
      }
      start = end;
    }
    throw new InputError(this.file, 'not valid UTF-8 text', startLine);
  }
}

/** How many bytes at the end of `buf[from, to)` start a UTF-8 character that the data does not finish. */
function partialCharacterBytes(buf: Buffer, from: number, to: number): number {
  for (let k = 1; k <= 3 && to - k >= from; k++) {
    const b = buf[to - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > k ? k : 0;
  }
  return 0;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}
