import { InputError } from '../errors.js';

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
