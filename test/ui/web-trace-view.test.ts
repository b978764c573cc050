import { describe, expect, it } from 'vitest';
import type { TraceReport } from '../../web/src/api-types.js';
import { filterTrace, linkWidth, mainAsset, openFilters, sankeyData, timelineData, traceBounds, traceGraph } from '../../web/src/lib/trace-view.js';

const stolen = [{ category: 'stolen_funds', name: 'Demo theft', origin: 'demo' }];
const exchange = [{ category: 'exchange', name: 'Exchange A', origin: 'tagpack' }];

/** seed → a, b (hop 1) → a: exchange deposit x1 (hop 2); b: y (hop 2) → exchange deposit x2 (hop 3); a token leg seed → c. */
const report: TraceReport = {
  addresses: [
    { address: 'seed', asset: 'native', tainted_received: 100, tainted_balance: 0, hop: 0, labels: stolen },
    { address: 'seed', asset: 'tok', tainted_received: 50, tainted_balance: 0, hop: 0, labels: stolen },
    { address: 'a', asset: 'native', tainted_received: 60, tainted_balance: 0, hop: 1, labels: [] },
    { address: 'b', asset: 'native', tainted_received: 40, tainted_balance: 10, hop: 1, labels: [] },
    { address: 'c', asset: 'tok', tainted_received: 50, tainted_balance: 50, hop: 1, labels: [] },
    { address: 'x1', asset: 'native', tainted_received: 60, tainted_balance: 60, hop: 2, labels: exchange },
    { address: 'y', asset: 'native', tainted_received: 30, tainted_balance: 5, hop: 2, labels: [] },
    { address: 'x2', asset: 'native', tainted_received: 25, tainted_balance: 25, hop: 3, labels: exchange },
  ],
  edges: [
    { from: 'seed', to: 'a', tx_hash: 't1', position: 'a', block: 1, time: '2025-05-12T09:00:00.000Z', asset: 'native', amount: 60, taint: 60 },
    { from: 'seed', to: 'b', tx_hash: 't2', position: 'a', block: 2, time: '2025-05-12T10:00:00.000Z', asset: 'native', amount: 40, taint: 40 },
    { from: 'seed', to: 'c', tx_hash: 't3', position: 'a', block: 3, time: '2025-05-12T11:00:00.000Z', asset: 'tok', amount: 50, taint: 50 },
    { from: 'a', to: 'x1', tx_hash: 't4', position: 'a', block: 4, time: '2025-05-13T09:00:00.000Z', asset: 'native', amount: 60, taint: 60 },
    { from: 'b', to: 'y', tx_hash: 't5', position: 'a', block: 5, time: '2025-05-16T09:00:00.000Z', asset: 'native', amount: 30, taint: 30 },
    { from: 'y', to: 'x2', tx_hash: 't6', position: 'a', block: 6, time: '2025-05-16T12:00:00.000Z', asset: 'native', amount: 25, taint: 25 },
  ],
  exits: [
    { service: 'Exchange A', category: 'exchange', address: 'x1', asset: 'native', amount: 60, share: 0.6, hop: 2 },
    { service: 'Exchange A', category: 'exchange', address: 'x2', asset: 'native', amount: 25, share: 0.25, hop: 3 },
  ],
  patterns: [],
};

describe('trace explorer views', () => {
  it('knows the ranges the filters can take', () => {
    expect(traceBounds(report)).toEqual({ maxHop: 3, assets: ['native', 'tok'], firstTime: '2025-05-12T09:00:00.000Z', lastTime: '2025-05-16T12:00:00.000Z' });
  });

  it('filters by hop, asset, time and tainted amount without breaking transfers', () => {
    const open = openFilters(traceBounds(report));
    expect(filterTrace(report, open).edges).toHaveLength(6);
    const early = filterTrace(report, { ...open, hopMax: 1 });
    expect(early.edges.map((e) => e.tx_hash)).toEqual(['t1', 't2', 't3']);
    expect(early.exits).toEqual([]);
    expect(filterTrace(report, { ...open, asset: 'tok' }).addresses.map((a) => a.address)).toEqual(['seed', 'c']);
    expect(filterTrace(report, { ...open, from: '2025-05-13T00:00:00Z', to: '2025-05-14T00:00:00Z' }).edges.map((e) => e.tx_hash)).toEqual(['t4']);
    const big = filterTrace(report, { ...open, minAmount: 50 });
    expect(big.edges.map((e) => e.tx_hash)).toEqual(['t1', 't3', 't4']);
    expect(big.exits.map((x) => x.address)).toEqual(['x1']);
  });

  it('draws the exits at one service as one node and merges the least tainted wallets per hop', () => {
    const all = traceGraph(filterTrace(report, openFilters(traceBounds(report))), report.exits, 100);
    const service = all.nodes.find((n) => n.id === 'service:exchange:Exchange A')!;
    expect(service.members.sort()).toEqual(['x1', 'x2']);
    expect(service.hop).toBe(2);
    expect(service.received.get('native')).toBe(85);
    expect(all.links.find((l) => l.from === 'y' && l.to === service.id)?.taint).toBe(25);
    expect(all.hidden).toBe(0);

    const small = traceGraph(filterTrace(report, openFilters(traceBounds(report))), report.exits, 3);
    expect(small.nodes.map((n) => n.id)).toEqual(['seed', 'a', 'others:1', 'service:exchange:Exchange A', 'others:2']);
    expect(small.nodes.find((n) => n.id === 'others:1')?.members.sort()).toEqual(['b', 'c']);
    expect(small.hidden).toBe(3);
    // Every tainted path is still drawn, through the merged nodes.
    expect(small.links.map((l) => `${l.from}>${l.to}:${l.asset}:${l.taint}`).sort()).toEqual(
      ['seed>a:native:60', 'seed>others:1:native:40', 'seed>others:1:tok:50', 'a>service:exchange:Exchange A:native:60', 'others:1>others:2:native:30', 'others:2>service:exchange:Exchange A:native:25'].sort(),
    );
  });

  it('makes link widths grow with taint on a log scale between 1 and 12 pixels', () => {
    expect(linkWidth(0, 100)).toBe(1);
    expect(linkWidth(100, 100)).toBe(12);
    expect(linkWidth(1, 100)).toBeGreaterThan(1);
    expect(linkWidth(1, 100)).toBeLessThan(linkWidth(10, 100));
  });

  it('gives the Sankey traced → category → service, plus what unlabelled wallets still hold', () => {
    const view = filterTrace(report, openFilters(traceBounds(report)));
    expect(mainAsset(view)).toBe('native');
    const s = sankeyData(view, 'native', 'ETH');
    expect(s.links).toEqual([
      { source: 'Traced ETH', target: 'category: exchange', value: 85 },
      { source: 'category: exchange', target: 'Exchange A', value: 85 },
      { source: 'Traced ETH', target: 'still in unlabelled wallets', value: 15 },
    ]);
    expect(s.nodes.map((n) => n.name).sort()).toEqual(['Exchange A', 'Traced ETH', 'category: exchange', 'still in unlabelled wallets']);
  });

  it('counts tainted movements per day, with the quiet days in between', () => {
    const days = timelineData(filterTrace(report, openFilters(traceBounds(report))), 'native');
    expect(days).toEqual([
      { day: '2025-05-12', transfers: 3, taint: 100 },
      { day: '2025-05-13', transfers: 1, taint: 60 },
      { day: '2025-05-14', transfers: 0, taint: 0 },
      { day: '2025-05-15', transfers: 0, taint: 0 },
      { day: '2025-05-16', transfers: 2, taint: 55 },
    ]);
  });
});
