import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './graph-builder.js';
import { loadGraphCache, saveGraphCache } from './graph-cache.js';
import { firstAfter } from './transfer-graph.js';

function build(rows: readonly [number, number, number][]) {
  const b = new GraphBuilder('ethereum', (a) => (a === 'native' ? 18 : null));
  rows.forEach(([f, t, a], i) => b.add({ from: `0x${f}`, to: `0x${t}`, amount: BigInt(a), asset: i % 3 === 0 ? '0xtoken' : 'native', flags: i % 5 === 0 ? 2 : 0, time: 100 + i, block: Math.floor(i / 2), txHash: `0xtx${Math.floor(i / 2)}`, position: `g1${i % 2}` }));
  return b.build();
}

const rowsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 1e6 })), { maxLength: 60 });

describe('transfer graph (dense ids, CSR both directions)', () => {
  it('lists every edge once under its sender and once under its receiver, in chronological order, with neighbours beside them', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const g = build(rows);
        expect(g.edgeCount).toBe(rows.length);
        for (let n = 0; n < g.nodeCount; n++) {
          const outs = Array.from(g.outEdges.subarray(g.outOffsets[n], g.outOffsets[n + 1]));
          const ins = Array.from(g.inEdges.subarray(g.inOffsets[n], g.inOffsets[n + 1]));
          expect(outs).toEqual(rows.map((_, e) => e).filter((e) => g.src[e] === n));
          expect(ins).toEqual(rows.map((_, e) => e).filter((e) => g.dst[e] === n));
          outs.forEach((e, i) => expect(g.outNbr[g.outOffsets[n]! + i]).toBe(g.dst[e]));
          ins.forEach((e, i) => expect(g.inNbr[g.inOffsets[n]! + i]).toBe(g.src[e]));
        }
        rows.forEach(([f, t, a], e) => {
          expect(g.address(g.src[e]!)).toBe(`0x${f}`);
          expect(g.address(g.dst[e]!)).toBe(`0x${t}`);
          expect(g.amount[e]).toBe(a);
        });
      }),
    );
  });

  it('groups transfers of one transaction and ranks them inside it', () => {
    const g = build([
      [1, 2, 5],
      [2, 3, 6],
      [3, 4, 7],
    ]);
    expect(g.txEdges('0xtx0')).toEqual([0, 1]);
    expect(Array.from(g.pos)).toEqual([0, 1, 0]);
    expect(g.names.position(1)).toBe('g11');
    expect(firstAfter(new Uint32Array([1, 5, 9]), 0, 3, 5)).toBe(2);
  });

  it('refuses input out of block order', () => {
    const b = new GraphBuilder('ethereum');
    b.add({ from: 'a', to: 'b', amount: 1, asset: 'native', flags: 0, time: 0, block: 5, txHash: 'x', position: 'a' });
    expect(() => b.add({ from: 'a', to: 'b', amount: 1, asset: 'native', flags: 0, time: 0, block: 4, txHash: 'y', position: 'a' })).toThrow(/out of order/);
  });

  it('round-trips through the disk cache and ignores a cache built from other transfers', () => {
    const g = build([
      [1, 2, 5],
      [2, 3, 6],
      [3, 1, 7],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'cf-graph-')), 'ethereum.cfgraph');
    saveGraphCache(g, file, 'fp1');
    const back = loadGraphCache(file, 'fp1')!;
    for (const k of ['src', 'dst', 'amount', 'asset', 'flags', 'time', 'block', 'tx', 'pos', 'outOffsets', 'outEdges', 'inOffsets', 'inEdges', 'outNbr', 'inNbr', 'addressSlots'] as const) expect(Array.from(back[k])).toEqual(Array.from(g[k]));
    expect(back.node('0x3')).toBe(g.node('0x3'));
    expect(back.names.txHash(1)).toBe('0xtx1');
    expect(back.names.decimals).toEqual(g.names.decimals);
    expect(loadGraphCache(file, 'fp2')).toBeUndefined();
    writeFileSync(file, Buffer.concat([Buffer.from('CFGRAPH1'), Buffer.alloc(64)]));
    expect(loadGraphCache(file, 'fp1')).toBeUndefined();
    writeFileSync(file, 'not a graph');
    expect(() => loadGraphCache(file)).toThrow(/not a Counterflow graph cache/);
  });

  it('refuses a cache whose header names a column like an Object member, with a clear error', () => {
    const g = build([
      [1, 2, 5],
      [2, 3, 6],
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'cf-graph-')), 'ethereum.cfgraph');
    saveGraphCache(g, file, 'fp1');
    const saved = readFileSync(file);
    // Same-length renames keep the header length and every offset intact.
    for (const [column, member] of [['outEdges', 'toString'], ['inOffsets', '__proto__'], ['inEdges', 'valueOf']]) {
      writeFileSync(file, Buffer.from(saved.toString('latin1').replace(`"name":"${column}"`, `"name":"${member}"`), 'latin1'));
      expect(() => loadGraphCache(file, 'fp1')).toThrow(new RegExp(`not a Counterflow graph cache \\(unknown column "${member}"\\)`));
    }
  });
});
