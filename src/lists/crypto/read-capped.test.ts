import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import type { SourceFile } from '../source.js';
import { memorySource } from '../source.js';
import { readCappedText } from './read-capped.js';

/** A source of `total` bytes of 'a', generated lazily; `served()` tells how much was produced. */
function lazySource(total: number, declareSize: boolean): SourceFile & { served(): number } {
  let served = 0;
  const chunk = new Uint8Array(1 << 20).fill(0x61);
  return {
    name: 'huge.yaml',
    ...(declareSize ? { size: total } : {}),
    served: () => served,
    async *open() {
      while (served < total) {
        served += chunk.byteLength;
        yield chunk;
      }
    },
  };
}

describe('readCappedText', () => {
  it('reads a small file whole', async () => {
    expect(await readCappedText(memorySource('a.txt', 'héllo'), 100)).toBe('héllo');
  });

  it('refuses a declared 1 GB file before reading it', async () => {
    const src = lazySource(1 << 30, true);
    await expect(readCappedText(src, 1 << 20)).rejects.toThrow(/larger than the 1048576-byte limit/);
    expect(src.served()).toBe(0);
  });

  it('stops a lazily generated 1 GB file without a size soon after the limit', async () => {
    const src = lazySource(1 << 30, false);
    await expect(readCappedText(src, 4 << 20)).rejects.toThrow(InputError);
    expect(src.served()).toBeLessThanOrEqual(6 << 20);
  });
});
