import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyTransfer } from './test-support/transfer-arbitrary.js';
import { BufferPool } from './buffer-pool.js';
import { HexColumn, TextColumn, TransferColumns, storedHex, transferGaps } from './transfer-columns.js';
import type { Transfer } from './transfer.js';

describe('transfer columns', () => {
  it('give back every transfer they were given, keeping 0x-hex as bytes and everything else as text', () => {
    fc.assert(
      fc.property(fc.array(anyTransfer, { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (transfers, capacity) => {
        const columns = new TransferColumns('ethereum', capacity);
        for (const t of transfers) columns.push(t);
        expect(columns.aligned()).toBe(true);
        expect(columns.toTransfers()).toEqual(transfers);
        for (let r = 0; r < transfers.length; r++) {
          const bound = columns.txHash.bound(r);
          expect(typeof bound === 'string' ? bound : `0x${Buffer.from(bound!).toString('hex')}`).toBe(transfers[r]!.txHash);
          expect(bound instanceof Uint8Array).toBe(/^0x[0-9a-f]{64}$/.test(transfers[r]!.txHash));
        }
      }),
    );
  });

  it('hand their memory to the next batch’s columns once released, which then hold only their own rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyTransfer, { maxLength: 30 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 8 }), (batches, capacity) => {
        let previous: TransferColumns | undefined;
        for (const transfers of batches) {
          const columns = new TransferColumns('ethereum', capacity);
          for (const t of transfers) columns.push(t);
          expect(columns.toTransfers()).toEqual(transfers);
          previous?.release();
          expect(columns.toTransfers()).toEqual(transfers); // releasing other columns leaves these alone
          columns.release();
          expect(columns.length).toBe(0);
          expect(columns.aligned()).toBe(true);
          previous = new TransferColumns('ethereum', capacity);
          for (const t of transfers) previous.push(t);
        }
      }),
    );
    const pool = new BufferPool();
    const first = new TransferColumns('ethereum', 100, pool);
    const memoryOf = (c: TransferColumns) => [c.txHash.bytes, c.from.bytes, c.to.bytes, c.asset.bytes, c.position.bytes, c.position.ends, c.amount.bytes, c.amount.ends].map((v) => v.buffer);
    const memory = new Set(memoryOf(first));
    expect(memory.size).toBe(8);
    first.release();
    expect(pool.heldBytes).toBe(4096 + 3 * 2048 + 1024 + 1024 + 4096 + 1024); // sizes rounded up to powers of two
    const next = new TransferColumns('ethereum', 100, pool);
    expect(memoryOf(next).every((m) => memory.has(m))).toBe(true);
    expect(pool.heldBytes).toBe(0);
  });

  it('keep rows written as bytes where a growing buffer puts them, between rows of text and nothing', () => {
    const column = new HexColumn(20, 1);
    column.push(null);
    column.push('native');
    column.push(null);
    const at = column.pushBytes(); // row 3, beyond twice the first buffer
    column.bytes.fill(0xab, at, at + 20);
    column.push(`0x${'cd'.repeat(20)}`);
    expect([0, 1, 2, 3, 4].map((r) => column.get(r))).toEqual([null, 'native', null, `0x${'ab'.repeat(20)}`, `0x${'cd'.repeat(20)}`]);
    expect([0, 1, 2, 3, 4].map((r) => column.isBytes(r))).toEqual([false, false, false, true, true]);
  });

  it('keep rows of bytes as bytes when a row of text comes after them', () => {
    const column = new HexColumn(20, 2);
    column.push(`0x${'01'.repeat(20)}`);
    column.push(`0x${'02'.repeat(20)}`);
    expect([0, 1].map((r) => column.textOf(r))).toEqual([true, true]);
    column.push('native');
    column.push(`0x${'03'.repeat(20)}`);
    column.push(null);
    expect(column.length).toBe(5);
    expect([0, 1, 2, 3, 4].map((r) => column.get(r))).toEqual([`0x${'01'.repeat(20)}`, `0x${'02'.repeat(20)}`, 'native', `0x${'03'.repeat(20)}`, null]);
    expect([0, 1, 2, 3, 4].map((r) => column.textOf(r))).toEqual([true, true, 'native', true, null]);
    expect(column.bound(3)).toEqual(Buffer.from('03'.repeat(20), 'hex'));
  });

  it('keep texts back to back as UTF-8, whether given as strings or as bytes, through growing buffers', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (texts, capacity) => {
        const column = new TextColumn(capacity, 1);
        texts.forEach((t, i) => (i % 2 ? column.pushBytes(Buffer.from(`xx${t}`), 2, 2 + Buffer.byteLength(t)) : column.push(t)));
        expect(column.length).toBe(texts.length);
        expect(texts.map((_, r) => column.get(r))).toEqual(texts);
        expect(texts.map((t, r) => column.size(r))).toEqual(texts.map((t) => Buffer.byteLength(t)));
        for (let a = 0; a < texts.length; a++) {
          expect(column.same(a, 0)).toBe(texts[a] === texts[0]);
          if ([...texts[0]!].every((ch) => ch.charCodeAt(0) < 0x80)) expect(column.is(a, texts[0]!)).toBe(texts[a] === texts[0]);
        }
      }),
    );
  });

  it('add a row of digits only when every byte is a digit, and nothing otherwise', () => {
    const column = new TextColumn(1, 1);
    expect(column.pushBytes(Buffer.from('x0123'), 1, 5, true)).toBe(true);
    expect(column.pushBytes(Buffer.from('12a4'), 0, 4, true)).toBe(false);
    expect(column.pushBytes(Buffer.from('12a4'), 0, 4)).toBe(true);
    expect([column.length, column.get(0), column.get(1)]).toEqual([2, '0123', '12a4']);
  });

  it('match stored values: bytes for lower-case 0x-hex of the size, the text for anything else', () => {
    expect(storedHex(`0x${'0a'.repeat(20)}`, 20)).toEqual(Buffer.from('0a'.repeat(20), 'hex'));
    expect(storedHex(`0x${'0A'.repeat(20)}`, 20)).toBe(`0x${'0A'.repeat(20)}`);
    expect(storedHex(`0x${'0a'.repeat(20)}`, 32)).toBe(`0x${'0a'.repeat(20)}`);
    expect(storedHex('native', 20)).toBe('native');
  });

  it('say what rows lack and what they lend, as transferGaps does for objects', () => {
    fc.assert(
      fc.property(fc.array(anyTransfer, { maxLength: 12 }), (transfers) => {
        const columns = new TransferColumns('ethereum');
        for (const t of transfers) columns.push(t);
        expect(columns.gaps()).toEqual(transferGaps(transfers));
      }),
    );
    const t: Transfer = { chain: 'ethereum', blockNumber: 1, blockTime: 5, txHash: 'x', txIndex: 0, position: 'a', kind: 'native', from: null, to: null, asset: 'native', amount: 1n, success: null, flags: 0 };
    expect(transferGaps([t, { ...t, position: 'c10', txIndex: null, blockTime: null }])).toEqual({ lacksTxIndex: true, lacksBlockTime: true, lendsTxIndex: true });
    expect(transferGaps([{ ...t, position: 'c10' }])).toEqual({ lacksTxIndex: false, lacksBlockTime: false, lendsTxIndex: false });
  });
});
