import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder.js';
import type { Incident } from '../tracing/labels/incidents.js';
import { LabelBook } from '../tracing/labels/label.js';
import { fundsByService } from './funds-by-service.js';

type Row = [from: string, to: string, amount: number];

function graphOf(rows: readonly Row[]) {
  const b = new GraphBuilder('ethereum', () => 0);
  rows.forEach(([from, to, amount], i) => b.add({ from, to, asset: 'native', amount, flags: 0, time: 1_740_000_000 + i * 60, block: 100 + i, txHash: `0x${i}`, position: 'a' }));
  return b.build();
}

const incident = (id: string, seed: string): Incident => ({
  id,
  name: id,
  date: '2025-05-12',
  victim: 'v',
  chains: ['ethereum'],
  amounts: [],
  usd: null,
  attribution: { actor: 'a', by: 'b', source: 's' },
  sources: [],
  addresses: [{ address: seed, role: 'receiver', source: 's', seed: true, hop: 0 }],
  services: [],
});

const labels = () =>
  new LabelBook([
    { address: 'bridge', category: 'bridge', name: 'B', origin: 'user', confidence: 100 },
    { address: 'exchange', category: 'exchange', name: 'E', origin: 'user', confidence: 100 },
  ]);

describe('fundsByService', () => {
  const graph = graphOf([
    ['theft', 'x', 100],
    ['x', 'bridge', 60],
    ['x', 'w', 30],
    ['w', 'exchange', 30],
    ['y', 'bridge', 30],
    ['y', 'z', 10],
  ]);

  it('adds up the exits of every traced incident by service and asset, with the share of what they put in motion', () => {
    const { funds, traced } = fundsByService([{ chain: 'ethereum', graph, labels: labels() }], [incident('one', 'x'), incident('two', 'y'), incident('absent', 'nowhere')]);
    expect(traced).toEqual(['one', 'two']);
    expect(funds).toEqual([
      { category: 'bridge', name: 'B', amount: 90, asset: 'ETH', share: 0.692308 },
      { category: 'exchange', name: 'E', amount: 30, asset: 'ETH', share: 0.230769 },
    ]);
  });

  it('values an exit in USD only when every transfer into it has a price', () => {
    const priced = fundsByService([{ chain: 'ethereum', graph, labels: labels() }], [incident('one', 'x')], (_chain, asset, amount) => (asset === 'native' ? amount * 2000 : null));
    expect(priced.funds.map((f) => [f.name, f.usd])).toEqual([['B', 120_000], ['E', 60_000]]);
    const unpriced = fundsByService([{ chain: 'ethereum', graph, labels: labels() }], [incident('one', 'x')], (_c, _a, amount) => (amount === 60 ? 1 : null));
    expect(unpriced.funds.map((f) => [f.name, f.usd])).toEqual([['B', 1], ['E', undefined]]);
  });

  it('is empty without stored transfers of any incident', () => {
    expect(fundsByService([], [incident('one', 'x')])).toEqual({ funds: [], traced: [] });
  });
});
