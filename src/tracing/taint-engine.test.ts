import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder.js';
import { runTaint, type TaintModel } from './taint-engine.js';

interface T {
  from: number;
  to: number;
  amount: number;
  asset: number;
}

function graphOf(transfers: readonly T[]) {
  const b = new GraphBuilder('test');
  transfers.forEach((t, i) =>
    b.add({ from: `a${t.from}`, to: `a${t.to}`, amount: t.amount, asset: `asset${t.asset}`, flags: 0, time: 1000 + i, block: i, txHash: `tx${i}`, position: 'a' }),
  );
  return b.build();
}

/** The models written the plain way: every transfer in order, maps keyed by "address/asset", no pruning. */
function reference(model: TaintModel, transfers: readonly T[], seedAddress: number) {
  const bal = new Map<string, number>();
  const tnt = new Map<string, number>();
  const rec = new Map<string, number>();
  const poisoned = new Set<string>();
  const queues = new Map<string, { amount: number; taint: number }[]>();
  const edgeTaint: number[] = [];
  for (const t of transfers) {
    const u = `${t.from}/${t.asset}`;
    const v = `${t.to}/${t.asset}`;
    const a = t.amount;
    let carried: number;
    let moved: { amount: number; taint: number }[] = [];
    if (model === 'haircut') {
      const b = bal.get(u) ?? 0;
      const tu = tnt.get(u) ?? 0;
      carried = (a * tu) / Math.max(b, a);
      tnt.set(u, Math.max(0, tu - carried));
    } else if (model === 'poison') {
      carried = poisoned.has(u) ? a : 0;
    } else {
      const q = queues.get(u) ?? [];
      let need = a;
      while (need > 0 && q.length > 0) {
        const lot = q[0]!;
        if (lot.amount <= need) {
          moved.push(lot);
          need -= lot.amount;
          q.shift();
        } else {
          const part = (lot.taint * need) / lot.amount;
          moved.push({ amount: need, taint: part });
          lot.amount -= need;
          lot.taint -= part;
          need = 0;
        }
      }
      if (need > 0) moved.push({ amount: need, taint: 0 });
      queues.set(u, q);
      carried = moved.reduce((s, l) => s + l.taint, 0);
    }
    if (t.from === seedAddress) {
      carried = a;
      moved = [{ amount: a, taint: a }];
    }
    bal.set(u, Math.max(0, (bal.get(u) ?? 0) - a));
    bal.set(v, (bal.get(v) ?? 0) + a);
    tnt.set(v, (tnt.get(v) ?? 0) + carried);
    if (model === 'fifo') queues.set(v, [...(queues.get(v) ?? []), ...moved]);
    if (carried > 0) {
      rec.set(v, (rec.get(v) ?? 0) + carried);
      if (model === 'poison') poisoned.add(v);
    }
    edgeTaint.push(carried);
  }
  return { edgeTaint, rec };
}

const transfersArb = fc.array(
  fc.record({ from: fc.integer({ min: 0, max: 5 }), to: fc.integer({ min: 0, max: 5 }), amount: fc.integer({ min: 1, max: 1000 }), asset: fc.integer({ min: 0, max: 1 }) }),
  { minLength: 1, maxLength: 40 },
).map((ts) => ts.filter((t) => t.from !== t.to));

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function engine(model: TaintModel, transfers: readonly T[], seed: number) {
  const g = graphOf(transfers);
  const node = g.node(`a${seed}`);
  const r = runTaint(g, { model, seeds: node === undefined ? [] : [{ kind: 'address', node, mode: 'outflows' }], maxHops: 1000, conversions: false });
  return { g, r };
}

describe('taint models against straightforward reference implementations', () => {
  for (const model of ['haircut', 'poison', 'fifo'] as const) {
    it(`${model}: the same taint on every transfer as the reference on small random graphs`, () => {
      fc.assert(
        fc.property(transfersArb, fc.integer({ min: 0, max: 5 }), (transfers, seed) => {
          const { r } = engine(model, transfers, seed);
          const ref = reference(model, transfers, seed);
          ref.edgeTaint.forEach((t, e) => expect(close(r.edgeTaint.get(e) ?? 0, t), `edge ${e}: ${r.edgeTaint.get(e)} vs ${t}`).toBe(true));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('taint never exceeds the amount of a transfer, in any model', () => {
    fc.assert(
      fc.property(transfersArb, fc.integer({ min: 0, max: 5 }), fc.constantFrom<TaintModel>('haircut', 'poison', 'fifo'), (transfers, seed, model) => {
        const { g, r } = engine(model, transfers, seed);
        for (const [e, t] of r.edgeTaint) expect(t).toBeLessThanOrEqual(g.amount[e]! * (1 + 1e-12));
      }),
      { numRuns: 300 },
    );
  });

  it('haircut conserves value: tainted balances add up to the taint the seeds created', () => {
    fc.assert(
      fc.property(transfersArb, fc.integer({ min: 0, max: 5 }), (transfers, seed) => {
        const { r } = engine('haircut', transfers, seed);
        for (const [asset, created] of r.injected) {
          const held = r.holdings.filter((h) => h.asset === asset).reduce((s, h) => s + h.taintedBalance, 0);
          expect(close(held, created)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('FIFO is lossless: every tainted unit created is in exactly one queue at the end', () => {
    fc.assert(
      fc.property(transfersArb, fc.integer({ min: 0, max: 5 }), (transfers, seed) => {
        const { r } = engine('fifo', transfers, seed);
        for (const [asset, created] of r.injected) {
          const held = r.holdings.filter((h) => h.asset === asset).reduce((s, h) => s + h.taintedBalance, 0);
          expect(close(held, created)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('haircut splits a mixed balance proportionally (3 stolen + 7 clean → 30% of each outflow)', () => {
    const g = graphOf([
      { from: 9, to: 1, amount: 3, asset: 0 },
      { from: 8, to: 1, amount: 7, asset: 0 },
      { from: 1, to: 2, amount: 5, asset: 0 },
    ]);
    const r = runTaint(g, { model: 'haircut', seeds: [{ kind: 'edges', edges: [0] }] });
    expect(r.edgeTaint.get(2)).toBeCloseTo(1.5);
    const poison = runTaint(g, { model: 'poison', seeds: [{ kind: 'edges', edges: [0] }] });
    expect(poison.edgeTaint.get(2)).toBe(5);
    const fifo = runTaint(g, { model: 'fifo', seeds: [{ kind: 'edges', edges: [0] }] });
    expect(fifo.edgeTaint.get(2)).toBe(3);
  });

  it('stops at a labelled service: it absorbs taint and passes none on', () => {
    const g = graphOf([
      { from: 0, to: 1, amount: 10, asset: 0 },
      { from: 1, to: 2, amount: 10, asset: 0 },
      { from: 2, to: 3, amount: 10, asset: 0 },
    ]);
    const service = g.node('a2')!;
    const r = runTaint(g, { model: 'haircut', seeds: [{ kind: 'address', node: g.node('a0')!, mode: 'outflows' }], isStop: (n) => n === service });
    expect([...r.stops]).toEqual([service]);
    expect(r.edgeTaint.has(2)).toBe(false);
    expect(r.hops.get(service)).toBe(2);
  });

  it('backward tracing follows inflows back in time', () => {
    const g = graphOf([
      { from: 0, to: 1, amount: 10, asset: 0 },
      { from: 1, to: 2, amount: 10, asset: 0 },
      { from: 3, to: 2, amount: 5, asset: 0 },
    ]);
    const r = runTaint(g, { model: 'haircut', direction: 'backward', seeds: [{ kind: 'address', node: g.node('a2')!, mode: 'outflows' }] });
    expect(r.hops.get(g.node('a0')!)).toBe(2);
    expect(r.hops.get(g.node('a3')!)).toBe(1);
  });
});

describe('lean runs (exposure): skipping the transfers of addresses only reachable at the hop limit', () => {
  it('changes no taint figure in haircut and FIFO, whatever the hop limit and the stops', () => {
    fc.assert(
      fc.property(transfersArb, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom<TaintModel>('haircut', 'fifo'), (transfers, seed, maxHops, stop, model) => {
        const g = graphOf(transfers);
        const node = g.node(`a${seed}`);
        if (node === undefined) return;
        const stopNode = g.node(`a${stop}`);
        const run = (lean: boolean) => runTaint(g, { model, seeds: [{ kind: 'address', node, mode: 'outflows' }], maxHops, isStop: (n) => n === stopNode && n !== node, conversions: false, lean });
        const [full, lean] = [run(false), run(true)];
        expect(lean.processed.length).toBeLessThanOrEqual(full.processed.length);
        expect(lean.edgeTaint).toEqual(full.edgeTaint);
        expect(lean.hops).toEqual(full.hops);
        const figures = (r: typeof full) => new Map(r.holdings.map((h) => [`${h.node}/${h.asset}`, [h.taintedReceived, h.taintedBalance]]));
        expect(figures(lean)).toEqual(figures(full));
      }),
      { numRuns: 500 },
    );
  });
});
