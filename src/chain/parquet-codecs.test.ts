import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lz4Decompress } from './parquet-codecs.js';
import { lz4Literals } from './test-support/parquet-writer.js';

/** A simple greedy LZ4 block compressor (test-only) to produce real matches, overlapping ones included. */
function lz4Compress(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  const lengthBytes = (n: number) => {
    const b: number[] = [];
    let rest = n - 15;
    while (rest >= 255) {
      b.push(255);
      rest -= 255;
    }
    b.push(rest);
    return b;
  };
  let anchor = 0;
  let i = 0;
  while (i + 4 <= input.length - 5) {
    let best = 0;
    let bestOffset = 0;
    for (let j = Math.max(0, i - 65535); j < i; j++) {
      let k = 0;
      while (i + k < input.length - 5 && input[j + k] === input[i + k]) k++;
      if (k > best) {
        best = k;
        bestOffset = i - j;
      }
    }
    if (best < 4) {
      i++;
      continue;
    }
    const lit = i - anchor;
    const ml = best - 4;
    out.push(((lit >= 15 ? 15 : lit) << 4) | (ml >= 15 ? 15 : ml));
    if (lit >= 15) out.push(...lengthBytes(lit));
    out.push(...input.subarray(anchor, i));
    out.push(bestOffset & 255, bestOffset >> 8);
    if (ml >= 15) out.push(...lengthBytes(ml));
    i += best;
    anchor = i;
  }
  out.push(...lz4Literals(input.subarray(anchor)));
  return Uint8Array.from(out);
}

describe('LZ4 block decompression (cryo writes LZ4_RAW pages)', () => {
  it('expands literals and back-references, overlapping ones included', () => {
    expect(Buffer.from(lz4Decompress(Uint8Array.from([0x35, 97, 98, 99, 3, 0]), 12)).toString()).toBe('abcabcabcabc');
    expect(Buffer.from(lz4Decompress(Uint8Array.from([0x1f, 120, 1, 0, 0]), 20)).toString()).toBe('x'.repeat(20));
  });

  it('round-trips whatever a compressor produces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }).map((a) => a.map((b) => b % 4)), (data) => {
        expect(lz4Decompress(lz4Compress(data), data.length)).toEqual(data);
      }),
    );
  });

  it('refuses corrupt input instead of reading out of bounds', () => {
    expect(() => lz4Decompress(Uint8Array.from([0x14, 97, 9, 0]), 10)).toThrow('lz4: match offset outside the output');
    expect(() => lz4Decompress(Uint8Array.from([0x50, 97]), 5)).toThrow('lz4: literals run past the end');
    expect(() => lz4Decompress(Uint8Array.from([0x10, 97]), 5)).toThrow('lz4: produced 1 bytes, expected 5');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.nat({ max: 100 }), (junk, size) => {
        try {
          const out = lz4Decompress(junk, size);
          expect(out.length).toBe(size);
        } catch (err) {
          expect((err as Error).message).toMatch(/^lz4: /);
        }
      }),
    );
  });
});
