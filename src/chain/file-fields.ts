import { InputError } from '../errors.js';
import { fieldText, type CsvChunk } from './csv-records.js';
import { type HexColumn, type TextColumn, viewOf } from './transfer-columns.js';
import { parseUnitsText } from './units.js';

/**
 * Field readers for export files. Each takes the raw text and throws an InputError naming the file, line
 * and column when the text is not what the column must hold.
 */
export class FieldReader {
  constructor(
    readonly file: string,
    public line = 0,
  ) {}

  fail(field: string, detail: string): never {
    throw new InputError(this.file, detail, this.line, field);
  }

  hash(field: string, text: string | undefined): string {
    const lower = text === undefined ? undefined : lowerHex(text, 64);
    if (lower === undefined) this.fail(field, `expected a 0x-prefixed 32-byte hash, got ${show(text)}`);
    return lower;
  }

  optionalHash(field: string, text: string | undefined): string | null {
    return text === undefined || text === '' ? null : this.hash(field, text);
  }

  address(field: string, text: string | undefined): string {
    const lower = text === undefined ? undefined : lowerHex(text, 40);
    if (lower === undefined) this.fail(field, `expected a 0x-prefixed 20-byte address, got ${show(text)}`);
    return lower;
  }

  optionalAddress(field: string, text: string | undefined): string | null {
    return text === undefined || text === '' ? null : this.address(field, text);
  }

  /** A non-negative integer that fits a JS number (block numbers, indexes, timestamps). */
  int(field: string, text: string | undefined): number {
    if (text === undefined || text.length > 15 || !allDigits(text)) this.fail(field, `expected a non-negative integer, got ${show(text)}`);
    return Number(text);
  }

  optionalInt(field: string, text: string | undefined): number | null {
    return text === undefined || text === '' ? null : this.int(field, text);
  }

  /** An exact non-negative integer of any size (wei, token base units, satoshi). */
  bigint(field: string, text: string | undefined): bigint {
    if (text === undefined || !allDigits(text)) this.fail(field, `expected a non-negative integer amount, got ${show(text)}`);
    return BigInt(text);
  }

  /** 1/0, True/False (ethereum-etl CSV), true/false; empty = unknown. */
  optionalBool(field: string, text: string | undefined): boolean | null {
    if (text === undefined || text === '') return null;
    switch (text.toLowerCase()) {
      case '1':
      case 'true':
        return true;
      case '0':
      case 'false':
        return false;
      default:
        return this.fail(field, `expected 1/0 or true/false, got ${show(text)}`);
    }
  }
}

/**
 * `text` in lower case when it is `0x` followed by exactly `digits` hex digits (either case), else undefined.
 * A character loop instead of a regular expression plus toLowerCase: this runs for every field of every row,
 * and exports are nearly always lower case already, so no new string is made then.
 *
 * @example
 * lowerHex('0xAb', 2) // '0xab'
 */
export function lowerHex(text: string, digits: number): string | undefined {
  if (text.length !== digits + 2 || text.charCodeAt(0) !== 48 || text.charCodeAt(1) !== 120) return undefined;
  let upper = false;
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) continue;
    if (c >= 65 && c <= 70) upper = true;
    else return undefined;
  }
  return upper ? text.toLowerCase() : text;
}

/** Whether `text` is one or more ASCII digits (what `/^\d+$/` accepts). */
export function allDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function show(text: string | undefined): string {
  if (text === undefined) return 'nothing (missing column)';
  if (text === '') return 'an empty value';
  return `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;
}

/**
 * Column positions by name from a header row; a missing required column is an InputError naming line 1.
 *
 * @example
 * const ix = columnIndexes('tokens.csv', header, ['address'], ['symbol']);
 */
export function columnIndexes<R extends string, O extends string>(
  file: string,
  header: readonly string[],
  required: readonly R[],
  optional: readonly O[] = [],
): Record<R, number> & Record<O, number | undefined> {
  const at = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const out: Record<string, number | undefined> = {};
  const missing = required.filter((c) => !at.has(c));
  if (missing.length) throw new InputError(file, `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, 1);
  for (const c of [...required, ...optional]) out[c] = at.get(c);
  return out as Record<R, number> & Record<O, number | undefined>;
}

/** Each byte's value as a hex digit, -1 for any other byte. */
const HEX_DIGIT = (() => {
  const table = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i++) table[48 + i] = i;
  for (let i = 0; i < 6; i++) table[97 + i] = table[65 + i] = 10 + i;
  return table;
})();

/**
 * The byte two hex digits (either case) spell, indexed by their two bytes read as one little-endian 16-bit
 * number (second << 8 | first); -1 for any other pair.
 */
const HEX_PAIR = (() => {
  const table = new Int16Array(1 << 16).fill(-1);
  for (let first = 0; first < 256; first++) {
    if (HEX_DIGIT[first]! < 0) continue;
    for (let second = 0; second < 256; second++) if (HEX_DIGIT[second]! >= 0) table[(second << 8) | first] = (HEX_DIGIT[first]! << 4) | HEX_DIGIT[second]!;
  }
  return table;
})();

/** `0x` read as a little-endian 16-bit number. */
const ZERO_X = 0x7830;

/**
 * Decodes `0x` followed by exactly `2 * size` hex digits (either case) at `[start, end)` of `from` into `to`
 * at `at`; false when the bytes are anything else (`to` may then hold part of them). Reads four digits and
 * writes two bytes at a time through DataViews (unaligned reads and writes, which V8 compiles to single loads
 * and stores).
 *
 * @example
 * const out = new Uint8Array(2);
 * decodeHex(new DataView(Buffer.from('0x0aFF').buffer), 0, 6, 2, new DataView(out.buffer), 0) // true, out = [0x0a, 0xff]
 */
export function decodeHex(from: DataView, start: number, end: number, size: number, to: DataView, at: number): boolean {
  if (end - start !== 2 + 2 * size || from.getUint16(start, true) !== ZERO_X) return false;
  let i = start + 2;
  let k = at;
  for (; i + 4 <= end; i += 4, k += 2) {
    const digits = from.getUint32(i, true);
    const first = HEX_PAIR[digits & 0xffff]!;
    const second = HEX_PAIR[digits >>> 16]!;
    if ((first | second) < 0) return false;
    to.setUint16(k, first | (second << 8), true);
  }
  if (i < end) {
    const last = HEX_PAIR[from.getUint16(i, true)]!;
    if (last < 0) return false;
    to.setUint8(k, last);
  }
  return true;
}

/**
 * The value of one to fifteen ASCII digits at `bytes[start, end)` (what FieldReader.int accepts), else -1.
 *
 * @example
 * digitsValue(Buffer.from('x17000000'), 1, 9) // 17000000
 */
export function digitsValue(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * FieldReader's checks on the byte fields of a CSV chunk: values are checked and converted without a string
 * per field (hashes and addresses go straight into a HexColumn), and a bad value fails with the message
 * FieldReader gives for its text. Fields are addressed by their index in the chunk.
 *
 * @example
 * const fields = new ChunkFieldReader(new FieldReader('token_transfers.csv'));
 * fields.chunk = chunk;
 * fields.f.line = chunk.lines[i]!;
 * fields.hash('transaction_hash', chunk.first[i]! + 4, columns.txHash);
 */
export class ChunkFieldReader {
  private current!: CsvChunk;
  private readonly scratch = new DataView(new ArrayBuffer(32));
  /** A DataView of the chunk's bytes, for decodeHex. */
  private bytesView: DataView = new DataView(new ArrayBuffer(0));

  get chunk(): CsvChunk {
    return this.current;
  }

  /** The chunk whose fields are read next (its bytes are read through a DataView too). */
  set chunk(chunk: CsvChunk) {
    this.current = chunk;
    const bytes = chunk.bytes;
    const view = this.bytesView;
    if (view.buffer !== bytes.buffer || view.byteOffset !== bytes.byteOffset || view.byteLength !== bytes.byteLength) this.bytesView = viewOf(bytes);
  }
  private digits = Buffer.allocUnsafe(128);

  constructor(readonly f: FieldReader) {}

  /** Field `k` as text. */
  text(k: number): string {
    const c = this.chunk;
    return fieldText(c.bytes, c.starts[k]!, c.ends[k]!, c.ascii);
  }

  /**
   * Whether field `k` is exactly the first `length` bytes of `spelling`, compared four bytes at a time from
   * the end (where hashes of neighbouring rows differ first).
   */
  spells(k: number, spelling: DataView, length: number): boolean {
    const start = this.chunk.starts[k]!;
    if (this.chunk.ends[k]! - start !== length) return false;
    const view = this.bytesView;
    let i = length - 4;
    for (; i >= 0; i -= 4) if (view.getInt32(start + i, true) !== spelling.getInt32(i, true)) return false;
    for (i += 3; i >= 0; i--) if (view.getUint8(start + i) !== spelling.getUint8(i)) return false;
    return true;
  }

  isEmpty(k: number): boolean {
    return this.chunk.starts[k] === this.chunk.ends[k];
  }

  /** A 32-byte hash into `column`; returns where its bytes are in `column.bytes`. */
  hash(field: string, k: number, column: HexColumn): number {
    const at = column.pushBytes();
    if (!decodeHex(this.bytesView, this.chunk.starts[k]!, this.chunk.ends[k]!, 32, column.view, at)) this.reject(field, k, (t) => this.f.hash(field, t));
    return at;
  }

  /** A 20-byte address into `column`; returns where its bytes are in `column.bytes`. */
  address(field: string, k: number, column: HexColumn): number {
    const at = column.pushBytes();
    if (!decodeHex(this.bytesView, this.chunk.starts[k]!, this.chunk.ends[k]!, 20, column.view, at)) this.reject(field, k, (t) => this.f.address(field, t));
    return at;
  }

  /** A 20-byte address, or null when the field is empty, into `column`. */
  optionalAddress(field: string, k: number, column: HexColumn): void {
    if (this.isEmpty(k)) column.push(null);
    else this.address(field, k, column);
  }

  /** Checks that field `k` is a 32-byte hash without keeping it. */
  checkHash(field: string, k: number): void {
    if (!decodeHex(this.bytesView, this.chunk.starts[k]!, this.chunk.ends[k]!, 32, this.scratch, 0)) this.reject(field, k, (t) => this.f.hash(field, t));
  }

  /** Checks that field `k` is a 20-byte address without keeping it. */
  checkAddress(field: string, k: number): void {
    if (!decodeHex(this.bytesView, this.chunk.starts[k]!, this.chunk.ends[k]!, 20, this.scratch, 0)) this.reject(field, k, (t) => this.f.address(field, t));
  }

  int(field: string, k: number): number {
    const n = digitsValue(this.chunk.bytes, this.chunk.starts[k]!, this.chunk.ends[k]!);
    return n >= 0 ? n : this.reject(field, k, (t) => this.f.int(field, t));
  }

  optionalInt(field: string, k: number): number | null {
    return this.isEmpty(k) ? null : this.int(field, k);
  }

  /**
   * An exact non-negative integer of any size (what FieldReader.bigint reads) into `into` as decimal text
   * without leading zeros; returns whether it is zero.
   */
  amount(field: string, k: number, into: TextColumn): boolean {
    const bytes = this.chunk.bytes;
    const end = this.chunk.ends[k]!;
    let start = this.chunk.starts[k]!;
    while (start < end - 1 && bytes[start] === 48) start++;
    // Checked while copied: a field that is not all digits is taken back out before anything reads it.
    if (start === end || !into.pushBytes(bytes, start, end, true)) return this.reject(field, k, (t) => this.f.bigint(field, t));
    return end - start === 1 && bytes[start] === 48;
  }

  /**
   * A decimal amount in whole units as base-unit decimal text into `into`, what parseUnitsText gives for the
   * field's trimmed text (and its error, naming the field); returns whether it is zero.
   */
  units(field: string, k: number, decimals: number, into: TextColumn): boolean {
    const bytes = this.chunk.bytes;
    const start = this.chunk.starts[k]!;
    const end = this.chunk.ends[k]!;
    let dot = -1;
    let plain = end > start;
    for (let i = start; i < end && plain; i++) {
      const c = bytes[i]!;
      if (c === 46 && dot < 0 && i > start) dot = i;
      else if (c < 48 || c > 57) plain = false;
    }
    let fractionEnd = end;
    while (dot >= 0 && fractionEnd > dot + 1 && bytes[fractionEnd - 1] === 48) fractionEnd--;
    const fractionDigits = dot < 0 ? 0 : fractionEnd - dot - 1;
    if (!plain || fractionDigits > decimals) {
      const parsed = parseUnitsText(this.text(k).trim(), decimals);
      if (!('value' in parsed)) return this.f.fail(field, parsed.error);
      into.push(parsed.value);
      return parsed.value === '0';
    }
    // Whole digits, fraction digits, zeros up to the decimals: written once, without leading zeros.
    const wholeEnd = dot < 0 ? end : dot;
    if (this.digits.length < end - start + decimals) this.digits = Buffer.allocUnsafe(2 * (end - start + decimals));
    const out = this.digits;
    let w = 0;
    for (let i = start; i < wholeEnd; i++) if (w > 0 || bytes[i] !== 48) out[w++] = bytes[i]!;
    for (let i = wholeEnd + 1; i < fractionEnd; i++) if (w > 0 || bytes[i] !== 48) out[w++] = bytes[i]!;
    if (w === 0) {
      out[w++] = 48;
      into.pushBytes(out, 0, w);
      return true;
    }
    for (let z = decimals - fractionDigits; z > 0; z--) out[w++] = 48;
    into.pushBytes(out, 0, w);
    return false;
  }

  optionalBool(field: string, k: number): boolean | null {
    const bytes = this.chunk.bytes;
    const start = this.chunk.starts[k]!;
    const length = this.chunk.ends[k]! - start;
    if (length === 0) return null;
    if (length === 1 && bytes[start] === 49) return true;
    if (length === 1 && bytes[start] === 48) return false;
    return this.f.optionalBool(field, this.text(k));
  }

  /** Fails with the message the string reader gives for the field's text. */
  private reject(field: string, k: number, check: (text: string) => unknown): never {
    check(this.text(k));
    return this.f.fail(field, `unreadable value ${JSON.stringify(this.text(k))}`);
  }
}
