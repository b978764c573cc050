import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder.js';
import { depositAddresses } from './deposit-addresses.js';
import { LabelBook } from './labels/label.js';
import { clusterUtxo, coinjoinKind, type UtxoTx } from './utxo-clustering.js';

const tx = (txHash: string, ins: string[], outs: [string, number][]): UtxoTx => ({
  txHash,
  inputs: ins.map((address) => ({ address, value: 1 })),
  outputs: outs.map(([address, value]) => ({ address, value })),
});

describe('Bitcoin multi-input clustering', () => {
  it('joins co-spent inputs transitively and skips CoinJoins', () => {
    const whirlpool = tx('w', ['x1', 'x2', 'x3', 'x4', 'x5'], ['o1', 'o2', 'o3', 'o4', 'o5'].map((a) => [a, 5_000_000] as [string, number]));
    expect(coinjoinKind(whirlpool)).toBe('whirlpool');
    const wasabi = tx('z', Array.from({ length: 12 }, (_, i) => `w${i}`), Array.from({ length: 12 }, (_, i) => [`wo${i}`, 10_000_000] as [string, number]));
    expect(coinjoinKind(wasabi)).toBe('wasabi');
    const jm = tx('j', ['j1', 'j2', 'j3'], [['a', 700], ['b', 700], ['c', 700], ['d', 13]]);
    expect(coinjoinKind(jm)).toBe('joinmarket');
    const { clusters, coinjoins } = clusterUtxo([tx('1', ['a1', 'a2'], [['p', 5], ['q', 7]]), tx('2', ['a2', 'a3'], [['r', 9]]), whirlpool, wasabi, jm, tx('3', ['b1'], [['s', 1]])]);
    expect(new Set([clusters.get('a1'), clusters.get('a2'), clusters.get('a3')])).toEqual(new Set(['a1']));
    expect(clusters.has('x1')).toBe(false);
    expect(clusters.has('b1')).toBe(false);
    expect(coinjoins.map((c) => c.kind)).toEqual(['whirlpool', 'wasabi', 'joinmarket']);
  });
});

describe('Ethereum deposit-address heuristic', () => {
  it('labels an address that forwards everything to an exchange hot wallet, not one that pays others too', () => {
    const b = new GraphBuilder('ethereum');
    const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
    const rows: [number, number, number][] = [
      [1, 2, 10],
      [2, 9, 10],
      [3, 4, 10],
      [4, 9, 5],
      [4, 5, 5],
    ];
    rows.forEach(([f, t, a], i) => b.add({ from: addr(f), to: addr(t), amount: a, asset: 'native', flags: 0, time: i, block: i, txHash: `0x${i}`, position: 'a' }));
    const g = b.build();
    const labels = new LabelBook([{ address: addr(9), category: 'exchange', name: 'Hot Exchange', origin: 'test', confidence: 100 }]);
    const found = depositAddresses(g, labels);
    expect(found.map((l) => [l.address, l.name, l.detail])).toEqual([[addr(2), 'Hot Exchange', 'deposit address']]);
  });
});
