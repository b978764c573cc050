import { isAscii } from 'node:buffer';
import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';

export interface CsvChunk {
  records: string[][];
  /** Line number (1-based) where each record starts. */
  lines: number[];
}

export interface CsvReadOptions {
  /** A record longer than this is refused before it is buffered whole (default 64 MiB). */
  maxRecordBytes?: number;
  onBytes?: (bytes: number) => void;
}

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** Records gathered before a chunk is handed on (the last chunk may be smaller). */
const RECORDS_PER_CHUNK = 4096;

/**
 * Reads RFC 4180 CSV (comma separated, double-quote quoting, quoted fields may span lines, LF or CRLF) as
 * chunks of records, strictly as UTF-8. Lines without quotes take a fast path; blank lines are skipped.
 * Errors name the file and line.
 *
 * @example
 * for await (const { records, lines } of readCsvRecords(fileSource('token_transfers.csv'))) { … }
 */
export async function* readCsvRecords(src: SourceFile, options: CsvReadOptions = {}): AsyncGenerator<CsvChunk> {
  const maxRecord = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let line = 1;
  let consumed = 0;
  let first = true;
  let decoderUsed = false;
  let chunk: CsvChunk = { records: [], lines: [] };
  for await (const bytes of src.open()) {
    consumed += bytes.byteLength;
    let text: string;
    // Exports are nearly always plain ASCII: such a chunk needs no UTF-8 validation and converts byte for byte,
    // several times faster. Once the decoder has seen a chunk it may hold part of a character, so it keeps
    // decoding every later chunk.
    if (!decoderUsed && isAscii(bytes)) text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    else {
      decoderUsed = true;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch {
        throw new InputError(src.name, 'not valid UTF-8 text', line);
      }
    }
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const data = pending.length > 0 ? pending + text : text;
    const consumedTo = splitRecords(src, data, line, chunk, false, maxRecord);
    line = consumedTo.line;
    pending = data.slice(consumedTo.offset);
    if (pending.length > maxRecord) throw new InputError(src.name, `record is longer than ${maxRecord} bytes; refusing to read it`, line);
    options.onBytes?.(consumed);
    // Bigger chunks mean fewer, bigger store writes (each is a savepoint and a few statements).
    if (chunk.records.length >= RECORDS_PER_CHUNK) {
      yield chunk;
      chunk = { records: [], lines: [] };
    }
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new InputError(src.name, 'the file ends inside a multi-byte UTF-8 character', line);
  }
  const rest = pending + tail;
  if (rest.length > 0) splitRecords(src, rest, line, chunk, true, maxRecord);
  if (chunk.records.length > 0) yield chunk;
}

/** Splits complete records off `data`; returns where the unfinished rest starts. */
function splitRecords(
  src: SourceFile,
  data: string,
  startLine: number,
  out: CsvChunk,
  atEnd: boolean,
  maxRecord: number,
): { offset: number; line: number } {
  let pos = 0;
  let line = startLine;
  const n = data.length;
  while (pos < n) {
    let nl = data.indexOf('\n', pos);
    if (nl === -1) {
      if (!atEnd) break;
      nl = n;
    }
    let end = nl > pos && data.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    let record = data.slice(pos, end);
    if (record.indexOf('"') === -1) {
      if (record.length > 0) {
        out.records.push(record.split(','));
        out.lines.push(line);
      }
      line++;
      pos = nl + 1;
      continue;
    }
    // Quoted: the record continues over further lines while a quoted field is open.
    let lineBreaks = 0;
    while (quoteOpen(data, pos, nl)) {
      const next = data.indexOf('\n', nl + 1);
      if (next === -1) {
        if (!atEnd) return { offset: pos, line };
        if (nl < n && !quoteOpen(data, pos, n)) {
          lineBreaks++;
          nl = n;
          break;
        }
        throw new InputError(src.name, 'a quoted field is not closed before the end of the file', line);
      }
      lineBreaks++;
      nl = next;
      if (nl - pos > maxRecord) throw new InputError(src.name, `record is longer than ${maxRecord} bytes; refusing to read it`, line);
    }
    end = nl > pos && data.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    record = data.slice(pos, end);
    out.records.push(splitQuoted(src, record, line));
    out.lines.push(line);
    line += 1 + lineBreaks;
    pos = nl + 1;
  }
  return { offset: pos, line };
}

/** Whether a quoted field is still open at `to` (a quote opens a field only at its start, RFC 4180). */
function quoteOpen(data: string, from: number, to: number): boolean {
  let inQuotes = false;
  let fieldStart = true;
  for (let i = from; i < to; i++) {
    const c = data.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (i + 1 < to && data.charCodeAt(i + 1) === 34) i++;
        else inQuotes = false;
      }
    } else if (c === 34 && fieldStart) inQuotes = true;
    else fieldStart = c === 44;
    if (inQuotes) fieldStart = false;
  }
  return inQuotes;
}

function splitQuoted(src: SourceFile, record: string, line: number): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = record.length;
  for (;;) {
    if (i < n && record.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q === -1) throw new InputError(src.name, 'unterminated quoted field', line);
        value += record.slice(i, q);
        if (record.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === n) return fields;
      if (record.charCodeAt(i) !== 44) throw new InputError(src.name, `unexpected text after a quoted field (column ${fields.length})`, line);
      i++;
      if (i === n) return fields.push(''), fields;
    } else {
      const comma = record.indexOf(',', i);
      const raw = comma === -1 ? record.slice(i) : record.slice(i, comma);
      if (raw.indexOf('"') !== -1) throw new InputError(src.name, `a quote inside an unquoted field (column ${fields.length + 1})`, line);
      fields.push(raw);
      if (comma === -1) return fields;
      i = comma + 1;
      if (i === n) return fields.push(''), fields;
    }
  }
}
