import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder.js';
import { runTaint, type TaintModel } from './taint-engine.js';

type Row = [from: string, to: string, asset: string, amount: number, tx: string];

function graphOf(rows: readonly Row[]) {
  const b = new GraphBuilder('test');
  let block = 0;
  let last = '';
  rows.forEach(([from, to, asset, amount, tx], i) => {
    if (tx !== last) block++;
    last = tx;
    b.add({ from, to, asset, amount, flags: 0, time: 1000 + block, block, txHash: tx, position: `g1${i}` });
  });
  return b.build();
}

/** X holds 10 stolen + 30 clean ETH, swaps 20 ETH for 1,000 TOKEN at pool P, then pays Y the 1,000 TOKEN. */
function swap(inflowFirst: boolean): Row[] {
  const legs: Row[] = [
    ['X', 'P', 'native', 20, 'swap'],
    ['P', 'X', 'token', 1000, 'swap'],
  ];
  return [['T', 'X', 'native', 10, 'theft'], ['C', 'X', 'native', 30, 'salary'], ...(inflowFirst ? legs.reverse() : legs), ['X', 'Y', 'token', 1000, 'pay']];
}

// Tainted fraction of the 20 ETH sent: haircut 10/40; poison: X is poisoned, all of it; FIFO: the 10 stolen lot first, then 10 clean.
const expected: Record<TaintModel, number> = { haircut: 250, poison: 1000, fifo: 500 };

describe('conversions: taint crosses assets inside one transaction, whatever the order of the legs', () => {
  for (const model of ['haircut', 'poison', 'fifo'] as const) {
    it(`${model}: the swap proceeds and the later payment carry the sent tainted fraction, pool-pays-first or user-pays-first`, () => {
      for (const inflowFirst of [false, true]) {
        const g = graphOf(swap(inflowFirst));
        const r = runTaint(g, { model, seeds: [{ kind: 'edges', edges: [0] }] });
        const token = g.assetId('token')!;
        const proceeds = inflowFirst ? 2 : 3;
        expect(r.edgeTaint.get(proceeds), `proceeds, inflow first: ${inflowFirst}`).toBeCloseTo(expected[model], 9);
        expect(r.edgeTaint.get(4), `payment to Y, inflow first: ${inflowFirst}`).toBeCloseTo(expected[model], 9);
        expect(r.converted.get(token)).toBeCloseTo(expected[model], 9);
        expect(r.hops.get(g.node('Y')!)).toBe(2);
      }
    });
  }

  it('keeps a router’s pass-through in place: the router converts and forwards the proceeds in the same transaction', () => {
    const g = graphOf([
      ['T', 'X', 'native', 10, 'theft'],
      ['X', 'R', 'native', 10, 'swap'],
      ['R', 'P', 'native', 10, 'swap'],
      ['P', 'R', 'token', 500, 'swap'],
      ['R', 'X', 'token', 500, 'swap'],
    ]);
    const r = runTaint(g, { model: 'haircut', seeds: [{ kind: 'edges', edges: [0] }] });
    expect(r.edgeTaint.get(3)).toBeCloseTo(500, 9);
    expect(r.edgeTaint.get(4)).toBeCloseTo(500, 9);
    const x = r.holdings.find((h) => h.node === g.node('X') && h.asset === g.assetId('token'));
    expect(x?.taintedBalance).toBeCloseTo(500, 9);
  });

  it('carries nothing across when conversions are off', () => {
    const g = graphOf(swap(true));
    const r = runTaint(g, { model: 'haircut', seeds: [{ kind: 'edges', edges: [0] }], conversions: false });
    expect(r.edgeTaint.has(2)).toBe(false);
    expect(r.edgeTaint.has(4)).toBe(false);
  });
});
