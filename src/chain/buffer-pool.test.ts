import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool.js';

describe('BufferPool', () => {
  it('gives memory of its own, at least as big as asked, starting at offset 0', () => {
    const pool = new BufferPool();
    for (const size of [0, 1, 1000, 1025, 70_000]) {
      const b = pool.take(size);
      expect(b.length).toBeGreaterThanOrEqual(size);
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(b.length);
    }
    const ints = pool.takeInt32(300);
    expect(ints.length).toBeGreaterThanOrEqual(300);
    expect(ints.byteOffset).toBe(0);
  });

  it('takes back what it gave and hands it out again, the smallest that fits first', () => {
    const pool = new BufferPool();
    const small = pool.take(2000);
    const big = pool.take(50_000);
    pool.give(big);
    pool.give(small);
    expect(pool.heldBytes).toBe(small.length + big.length);
    expect(pool.take(40_000).buffer).toBe(big.buffer);
    expect(pool.take(1500).buffer).toBe(small.buffer);
    expect(pool.heldBytes).toBe(0);
    pool.give(big);
    pool.give(small);
    expect(pool.take(1500).buffer).toBe(small.buffer); // the smallest that fits, not the first
    expect(pool.take(1500).buffer).toBe(big.buffer);
    expect(pool.take(1500).buffer).not.toBe(big.buffer); // none left: new memory
    // An Int32Array view hands back the same memory.
    const ints = pool.takeInt32(1000);
    pool.give(ints);
    expect(pool.take(4000).buffer).toBe(ints.buffer);
  });

  it('ignores memory it did not create (a Buffer may share Node’s pool) and memory handed back twice', () => {
    const pool = new BufferPool();
    pool.give(Buffer.from('shared with other buffers'));
    pool.give(new Uint8Array(4096));
    expect(pool.heldBytes).toBe(0);
    const b = pool.take(4096);
    pool.give(b);
    pool.give(b.subarray(10));
    expect(pool.heldBytes).toBe(b.length);
    expect(pool.take(4096).buffer).toBe(b.buffer);
    expect(pool.take(4096).buffer).not.toBe(b.buffer);
  });

  it('keeps at most its number of buffers and bytes', () => {
    const byCount = new BufferPool(2, 1 << 20);
    const three = [byCount.take(1024), byCount.take(1024), byCount.take(1024)];
    for (const b of three) byCount.give(b);
    expect(byCount.heldBytes).toBe(2048);
    const byBytes = new BufferPool(10, 3000);
    for (const b of [byBytes.take(1024), byBytes.take(1024), byBytes.take(1024)]) byBytes.give(b);
    expect(byBytes.heldBytes).toBe(2048);
  });

  it('never hands out one memory twice while it is taken', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 20_000 })), { maxLength: 60 }), (steps) => {
        const pool = new BufferPool(4);
        const taken: Buffer[] = [];
        for (const [give, size] of steps) {
          if (give && taken.length > 0) pool.give(taken.splice(size % taken.length, 1)[0]!);
          else {
            const b = pool.take(size);
            expect(b.length).toBeGreaterThanOrEqual(size);
            expect(taken.some((t) => t.buffer === b.buffer)).toBe(false);
            taken.push(b);
          }
        }
      }),
    );
  });
});
