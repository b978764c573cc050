import { createReadStream, statSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../errors.js';

/** One input file for a parser, opened as a byte stream so hostile sizes never have to fit in memory. */
export interface SourceFile {
  /** Shown in errors: a path or a URL. */
  name: string;
  size?: number;
  open(): AsyncIterable<Uint8Array>;
  /**
   * The same bytes read into the caller's buffer, where the source can (files): a reader that keeps one
   * buffer then neither copies each piece nor gets a new buffer per piece.
   */
  openReader?(): SourceReader;
}

export interface SourceReader {
  /** Reads up to `length` next bytes into `into` at `offset`; how many were read, 0 at the end. */
  read(into: Uint8Array, offset: number, length: number): Promise<number>;
  close(): Promise<void>;
}

export function fileSource(path: string): SourceFile {
  let size: number | undefined;
  try {
    size = statSync(path).size;
  } catch (err) {
    throw new InputError(path, `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return { name: path, size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }), openReader: () => fileReader(path) };
}

function fileReader(path: string): SourceReader {
  const handle = openFile(path, 'r');
  // Swallowed here, seen by read: a file that cannot be opened fails the first read, not an unawaited promise.
  handle.catch(() => undefined);
  return {
    async read(into, offset, length) {
      const h = await handle.catch((err: NodeJS.ErrnoException) => {
        throw new InputError(path, `cannot read file: ${err.code ?? String(err)}`);
      });
      try {
        return (await h.read(into, offset, length, null)).bytesRead;
      } catch (err) {
        throw new InputError(path, `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
    },
    async close() {
      await (await handle.catch(() => undefined))?.close();
    },
  };
}

export function memorySource(name: string, content: string | Uint8Array): SourceFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.byteLength,
    async *open() {
      yield bytes;
    },
  };
}

export function sourceBaseName(src: SourceFile): string {
  return basename(src.name.split('?')[0] ?? src.name);
}

export interface ReadLimits {
  /** A line longer than this is refused with an error naming the file and line. */
  maxLineBytes: number;
  /** Called with the number of bytes consumed so far. */
  onBytes?: (bytes: number) => void;
}

export const DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

/**
 * Reads a source as strict UTF-8 text: a byte sequence that is not UTF-8 is an error naming the line,
 * not a silent replacement character.
 */
export async function* readText(src: SourceFile, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let consumed = 0;
  let linesSeen = 1;
  for await (const chunk of src.open()) {
    consumed += chunk.byteLength;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new InputError(src.name, `not valid UTF-8 text (near byte ${consumed - chunk.byteLength}, after line ${linesSeen})`);
    }
    linesSeen += countNewlines(text);
    onBytes?.(consumed);
    if (text) yield text;
  }
  try {
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch {
    throw new InputError(src.name, 'not valid UTF-8 text: the file ends inside a multi-byte character', linesSeen);
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Splits a source into lines (LF or CRLF), numbering from 1, refusing over-long lines before buffering them. */
export async function* readLines(
  src: SourceFile,
  limits: ReadLimits = { maxLineBytes: DEFAULT_MAX_LINE_BYTES },
): AsyncGenerator<{ line: string; lineNo: number }> {
  let pending = '';
  let lineNo = 0;
  for await (const text of readText(src, limits.onBytes)) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = pending + text.slice(start, nl);
      pending = '';
      lineNo++;
      if (line.length > limits.maxLineBytes) throw tooLong(src, lineNo, limits);
      yield { line: line.endsWith('\r') ? line.slice(0, -1) : line, lineNo };
      start = nl + 1;
    }
    pending += text.slice(start);
    if (pending.length > limits.maxLineBytes) throw tooLong(src, lineNo + 1, limits);
  }
  if (pending.length > 0) {
    lineNo++;
    yield { line: pending.endsWith('\r') ? pending.slice(0, -1) : pending, lineNo };
  }
}

function tooLong(src: SourceFile, lineNo: number, limits: ReadLimits): InputError {
  return new InputError(src.name, `line is longer than ${limits.maxLineBytes} bytes; refusing to read it`, lineNo);
}
