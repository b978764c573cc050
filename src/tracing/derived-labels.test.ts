import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { btcTransactionTransfers, type BtcTransaction } from '../chain/btc-transfers.js';
import { nativeTransfer } from '../chain/test-support/native-transfer.js';
import type { Transfer } from '../chain/transfer.js';
import { buildGraphFromStore } from '../graph/graph-from-store.js';
import { TransferStore } from '../store/transfer-store.js';
import { exposure } from './exposure.js';
import { applyStoreDerivedLabels } from './labels/derived-labels.js';
import { LabelBook } from './labels/label.js';
import { traceReport } from './trace.js';
import { clusterUtxo } from './utxo-clustering.js';
import { utxoTxsFromStore } from './utxo-from-store.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const GS_UTXO = join(SHARED, 'chain/graphsense-lib-fixtures/spark/src/test/resources/utxo');

const hash = (n: number) => n.toString(16).padStart(64, '0');
const btcTx = (n: number, inputs: [number, number, string | null, bigint | null][], outputs: [string, bigint][]): BtcTransaction => ({
  hash: hash(n),
  index: 0,
  isCoinbase: inputs.length === 0,
  inputs: inputs.map(([tx, out, address, value], index) => ({ index, spentTxHash: hash(tx), spentOutputIndex: out, address, value })),
  outputs: outputs.map(([address, value], index) => ({ index, value, addresses: [address], type: 'pubkeyhash' })),
});

async function storeWith(chain: string, blocks: { transfers: Transfer[]; inputs?: ReturnType<typeof btcTransactionTransfers>['inputs'] }[]) {
  const store = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-derived-')) });
  const sourceId = store.sourceId(chain, 'files', 'fixture');
  for (const b of blocks) store.write({ chain, sourceId, transfers: b.transfers, ...(b.inputs ? { inputs: b.inputs } : {}) });
  return store;
}

function storeBtc(txs: BtcTransaction[]) {
  return storeWith(
    'bitcoin',
    txs.map((tx, i) => btcTransactionTransfers('bitcoin', i + 1, 1_700_000_000 + i * 600, tx)),
  );
}

describe('Bitcoin multi-input clustering over the stored inputs and outputs', () => {
  it('clusters co-spent inputs (resolving input addresses from the outputs they spend), skips a Whirlpool CoinJoin, and spreads an exchange label through the cluster', async () => {
    const store = await storeBtc([
      btcTx(1, [], [['hot1', 5_000_000n]]),
      btcTx(2, [], [['user2', 7_000_000n]]),
      // Inputs without address or value: resolved from outputs 1:0 and 2:0.
      btcTx(3, [[1, 0, null, null], [2, 0, null, null]], [['payee', 11_000_000n], ['change3', 900_000n]]),
      btcTx(4, [[3, 1, 'change3', 900_000n]], [['payee', 800_000n]]),
      btcTx(5, ['w1', 'w2', 'w3', 'w4', 'w5'].map((a, i) => [90, i, a, 5_000_000n] as [number, number, string, bigint]), ['o1', 'o2', 'o3', 'o4', 'o5'].map((a) => [a, 5_000_000n] as [string, bigint])),
    ]);
    try {
      const { clusters, coinjoins } = clusterUtxo(utxoTxsFromStore(store, 'bitcoin'));
      expect(clusters.get('user2')).toBe(clusters.get('hot1'));
      expect(clusters.has('w1')).toBe(false);
      expect(coinjoins).toEqual([{ txHash: hash(5), kind: 'whirlpool' }]);

      const graph = buildGraphFromStore(store, 'bitcoin');
      // The outputs of tx 3 are sent by the input address that brought the most value (user2: 7M of 12M).
      const payee = graph.node('payee')!;
      const senders = new Set<string>();
      for (let k = graph.inOffsets[payee]!; k < graph.inOffsets[payee + 1]!; k++) senders.add(graph.address(graph.inNbr[k]!));
      expect(senders).toEqual(new Set(['user2', 'change3']));

      const labels = new LabelBook([{ address: 'hot1', category: 'exchange', name: 'Hot Exchange', origin: 'test', confidence: 100 }]);
      const derived = applyStoreDerivedLabels(store, graph, labels);
      expect(derived.clusters).toBe(1);
      expect(derived.labels.map((l) => [l.address, l.name, l.origin, l.confidence])).toEqual([['user2', 'Hot Exchange', 'cluster', 50]]);
      expect(labels.service('user2')?.source).toMatch(/co-spent with hot1 \(Hot Exchange\) in a multi-input cluster of 2 addresses/);
      expect(labels.get('w1')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

const evm = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const ethTransfer = (block: number, from: string, to: string, eth: number): Transfer => ({
  ...nativeTransfer(block, from, to, BigInt(eth) * 10n ** 18n),
  blockTime: 1_740_000_000 + block * 12,
  txHash: `0x${hash(block)}`,
});

describe('Ethereum deposit-address heuristic, applied before trace and exposure', () => {
  const [THIEF, MULE, DEPOSIT, HOT, OTHER] = [1, 2, 3, 4, 5].map(evm) as [string, string, string, string, string];

  it('labels the address that forwards to the exchange hot wallet as its deposit address: the trace exits there and says why', async () => {
    const store = await storeWith('ethereum', [
      { transfers: [ethTransfer(1, THIEF, MULE, 100), ethTransfer(2, MULE, DEPOSIT, 60), ethTransfer(3, MULE, OTHER, 40), ethTransfer(4, DEPOSIT, HOT, 60), ethTransfer(5, OTHER, HOT, 1), ethTransfer(6, OTHER, MULE, 39)] },
    ]);
    try {
      const graph = buildGraphFromStore(store, 'ethereum');
      const labels = new LabelBook([{ address: HOT, category: 'exchange', name: 'Example Exchange', origin: 'test', confidence: 100, detail: 'hot wallet' }]);
      const derived = applyStoreDerivedLabels(store, graph, labels);
      // OTHER sends most of its outflows elsewhere: not a deposit address.
      expect(derived.labels.map((l) => [l.address, l.name, l.detail])).toEqual([[DEPOSIT, 'Example Exchange', 'deposit address']]);

      const { report } = traceReport(graph, labels, { fromAddress: [THIEF], model: 'haircut', hops: 5 });
      const exit = report.exits.find((x) => x.address === DEPOSIT)!;
      expect(exit).toMatchObject({ service: 'Example Exchange', category: 'exchange', amount: 60, hop: 2 });
      expect(exit.basis).toMatch(/^deposit address of Example Exchange: forwards 100\.0% of its outflows \(1 transfers\) to Example Exchange 0x0+4$/);
      // The deposit address absorbs the taint: the hot wallet is reached only through OTHER.
      expect(report.edges.some((e) => e.from === DEPOSIT)).toBe(false);

      const r = exposure(graph, labels, MULE);
      expect(r.items).toContainEqual(expect.objectContaining({ category: 'exchange', exposure: 'direct', direction: 'outgoing', address: DEPOSIT, amount: 60 }));
      expect(r.explanation.join('\n')).toMatch(/Example Exchange 0x0+3: deposit address of Example Exchange: forwards 100\.0%/);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!existsSync(GS_UTXO))('GraphSense reference clusters (graphsense-lib spark test resources)', () => {
  const lines = (f: string) =>
    readFileSync(join(GS_UTXO, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  interface GsTx {
    txHash: string;
    coinjoin: boolean;
    inputs: { address: string[]; value: number }[];
    outputs: { address: string[]; value: number }[];
  }
  const txs = lines('test_txs.json') as unknown as GsTx[];
  const idOf = new Map(lines('reference/address_ids.json').map((r) => [r['address'] as string, r['addressId'] as number]));
  /** Partition of address ids, as sorted groups of two or more. */
  const partition = (pairs: [number, number][]) => {
    const groups = new Map<number, number[]>();
    for (const [a, c] of pairs) groups.set(c, [...(groups.get(c) ?? []), a]);
    return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((x, y) => x - y).join(',')).sort();
  };
  const reference = (f: string) => partition(lines(f).map((r) => [r['addressId'] as number, r['clusterId'] as number]));

  async function ours(excludeFlagged: boolean) {
    const store = await storeBtc(
      txs.map((t, i) => ({
        hash: t.txHash,
        index: 0,
        isCoinbase: t.inputs.length === 0,
        // The fixture lists input addresses and values but not the outputs they spend.
        inputs: t.inputs.map((inp, k) => ({ index: k, spentTxHash: hash(1000 + i), spentOutputIndex: k, address: inp.address.join(','), value: BigInt(inp.value) })),
        outputs: t.outputs.map((o, k) => ({ index: k, value: BigInt(o.value), addresses: o.address, type: 'pubkeyhash' })),
      })),
    );
    try {
      const flagged = new Set(txs.filter((t) => t.coinjoin).map((t) => t.txHash));
      const stored = utxoTxsFromStore(store, 'bitcoin').filter((t) => !excludeFlagged || !flagged.has(t.txHash));
      const { clusters } = clusterUtxo(stored);
      return partition([...clusters].map(([a, c]) => [idOf.get(a)!, idOf.get(c)!]));
    } finally {
      await store.close();
    }
  }

  it('reproduces address_cluster_with_coinjoin.json, and address_cluster.json when the fixture’s CoinJoin-flagged transactions are excluded', async () => {
    expect(await ours(false)).toEqual(reference('reference/address_cluster_with_coinjoin.json'));
    expect(await ours(true)).toEqual(reference('reference/address_cluster.json'));
  });
});
