import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import type { Compressors } from 'hyparquet';

/**
 * Decompressors for parquet pages beyond hyparquet's built-in snappy: GZIP and BROTLI through node:zlib,
 * LZ4 and LZ4_RAW (cryo's default) by lz4Decompress below, ZSTD where this Node has zlib zstd support.
 *
 * @example
 * await parquetReadObjects({ file, compressors: parquetCompressors() });
 */
export function parquetCompressors(): Compressors {
  const compressors: Compressors = {
    GZIP: (input) => new Uint8Array(gunzipSync(input)),
    BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
    LZ4_RAW: (input, outputLength) => lz4Decompress(input, outputLength),
    LZ4: (input, outputLength) => hadoopLz4Decompress(input, outputLength),
  };
  const zstd = (zlib as unknown as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
  if (zstd) compressors.ZSTD = (input) => new Uint8Array(zstd(input));
  return compressors;
}

/** Whether ZSTD pages can be read by this Node version (zlib zstd arrived in Node 22.15). */
export function canReadZstd(): boolean {
  return typeof (zlib as unknown as { zstdDecompressSync?: unknown }).zstdDecompressSync === 'function';
}

/**
 * Decompresses one LZ4 block (the raw block format, no frame) into exactly `outputLength` bytes. Throws on
 * malformed input rather than reading out of bounds.
 *
 * @example
 * lz4Decompress(Uint8Array.from([0x35, 97, 98, 99, 3, 0]), 12) // 'abcabcabcabc' as bytes
 */
export function lz4Decompress(input: Uint8Array, outputLength: number): Uint8Array {
  const out = new Uint8Array(outputLength);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const token = input[ip++]!;
    let literalLength = token >>> 4;
    if (literalLength === 15) {
      let b: number;
      do {
        if (ip >= input.length) throw new Error('lz4: truncated literal length');
        b = input[ip++]!;
        literalLength += b;
      } while (b === 255);
    }
    if (ip + literalLength > input.length || op + literalLength > outputLength) throw new Error('lz4: literals run past the end');
    out.set(input.subarray(ip, ip + literalLength), op);
    ip += literalLength;
    op += literalLength;
    if (ip >= input.length) break; // the last sequence carries literals only
    if (ip + 2 > input.length) throw new Error('lz4: truncated match offset');
    const offset = input[ip]! | (input[ip + 1]! << 8);
    ip += 2;
    if (offset === 0 || offset > op) throw new Error('lz4: match offset outside the output');
    let matchLength = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= input.length) throw new Error('lz4: truncated match length');
        b = input[ip++]!;
        matchLength += b;
      } while (b === 255);
    }
    if (op + matchLength > outputLength) throw new Error('lz4: match runs past the end of the output');
    for (let k = 0; k < matchLength; k++, op++) out[op] = out[op - offset]!;
  }
  if (op !== outputLength) throw new Error(`lz4: produced ${op} bytes, expected ${outputLength}`);
  return out;
}

/** Parquet's deprecated LZ4 codec: Hadoop framing (BE sizes before each block), or a raw block as some writers do. */
function hadoopLz4Decompress(input: Uint8Array, outputLength: number): Uint8Array {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const out = new Uint8Array(outputLength);
  let ip = 0;
  let op = 0;
  try {
    while (ip + 8 <= input.length) {
      const rawSize = view.getUint32(ip);
      const compressedSize = view.getUint32(ip + 4);
      ip += 8;
      if (ip + compressedSize > input.length || op + rawSize > outputLength) throw new Error('not hadoop framing');
      out.set(lz4Decompress(input.subarray(ip, ip + compressedSize), rawSize), op);
      ip += compressedSize;
      op += rawSize;
    }
    if (ip === input.length && op === outputLength) return out;
  } catch {
    // fall through to the raw block form
  }
  return lz4Decompress(input, outputLength);
}
