import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';
import { isJsonObject, parseJsonLossless, type JsonValue } from './lossless-json.js';

export interface JsonLinesChunk {
  objects: { [key: string]: JsonValue }[];
  lines: number[];
}

/**
 * Reads newline-delimited JSON objects (ethereum-etl and bitcoin-etl output) in chunks, numbers exact (see
 * lossless-json.ts). Blank lines are skipped; anything that is not one JSON object per line is an InputError
 * naming the file and line.
 *
 * @example
 * for await (const { objects, lines } of readJsonLines(fileSource('transactions.json'))) { … }
 */
export async function* readJsonLines(src: SourceFile, options: { maxLineBytes?: number; onBytes?: (n: number) => void } = {}): AsyncGenerator<JsonLinesChunk> {
  const maxLine = options.maxLineBytes ?? 64 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  let line = 1;
  let consumed = 0;
  const parseLine = (text: string, lineNo: number, out: JsonLinesChunk) => {
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return;
    let value: JsonValue;
    try {
      value = parseJsonLossless(trimmed);
    } catch (err) {
      const hint = lineNo === 1 && trimmed.trimStart().startsWith('[') ? ' (a JSON array: export newline-delimited JSON, one object per line)' : '';
      throw new InputError(src.name, `not a JSON object: ${(err as Error).message}${hint}`, lineNo);
    }
    if (!isJsonObject(value)) throw new InputError(src.name, 'expected one JSON object per line', lineNo);
    out.objects.push(value);
    out.lines.push(lineNo);
  };
  for await (const bytes of src.open()) {
    consumed += bytes.byteLength;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw new InputError(src.name, 'not valid UTF-8 text', line);
    }
    const data = pending + text;
    const out: JsonLinesChunk = { objects: [], lines: [] };
    let pos = 0;
    for (let nl = data.indexOf('\n'); nl !== -1; nl = data.indexOf('\n', pos)) {
      if (nl - pos > maxLine) throw new InputError(src.name, `line is longer than ${maxLine} bytes; refusing to read it`, line);
      parseLine(data.slice(pos, nl), line++, out);
      pos = nl + 1;
    }
    pending = data.slice(pos);
    if (pending.length > maxLine) throw new InputError(src.name, `line is longer than ${maxLine} bytes; refusing to read it`, line);
    options.onBytes?.(consumed);
    if (out.objects.length) yield out;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new InputError(src.name, 'the file ends inside a multi-byte UTF-8 character', line);
  }
  const out: JsonLinesChunk = { objects: [], lines: [] };
  if (pending + tail) parseLine(pending + tail, line, out);
  if (out.objects.length) yield out;
}
