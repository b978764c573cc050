import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NATIVE_ASSET, logPosition, type Transfer } from '../chain/transfer.js';
import { TransferStore } from './transfer-store.js';

const home = () => mkdtempSync(join(tmpdir(), 'cf-transfer-store-'));
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

function native(block: number, tx: number, amount: bigint, extra: Partial<Transfer> = {}): Transfer {
  return { chain: 'ethereum', blockNumber: block, blockTime: 1_700_000_000 + block, txHash: hash(block * 100 + tx), txIndex: tx, position: 'a', kind: 'native', from: addr(1), to: addr(2), asset: NATIVE_ASSET, amount, success: true, flags: 0, ...extra };
}

describe('transfer store', () => {
  it('stores each movement once, and lets a later import complete what an earlier one did not know', async () => {
    const store = await TransferStore.open({ home: home() });
    try {
      const src = store.sourceId('ethereum', 'files', 'a.csv');
      const unknown = native(10, 0, 5n, { success: null, blockTime: null });
      expect(store.write({ chain: 'ethereum', sourceId: src, transfers: [unknown, native(10, 1, 6n)] })).toEqual({ inserted: 2, enriched: 0, duplicates: 0, inputsInserted: 0 });
      expect(store.write({ chain: 'ethereum', sourceId: src, transfers: [unknown, native(10, 1, 6n)] })).toEqual({ inserted: 0, enriched: 0, duplicates: 2, inputsInserted: 0 });
      expect(store.write({ chain: 'ethereum', sourceId: src, transfers: [native(10, 0, 5n, { success: false }), native(11, 0, 7n)] })).toEqual({ inserted: 1, enriched: 1, duplicates: 0, inputsInserted: 0 });
      expect(store.transfers().map((t) => [t.blockNumber, t.amount, t.success, t.blockTime])).toEqual([
        [10, 5n, false, 1_700_000_010],
        [10, 6n, true, 1_700_000_010],
        [11, 7n, true, 1_700_000_011],
      ]);
      // An amount beyond 64 bits survives exactly.
      store.write({ chain: 'ethereum', sourceId: src, transfers: [native(12, 0, 2n ** 255n + 1n)] });
      expect(store.transfers({ fromBlock: 12 })[0]!.amount).toBe(2n ** 255n + 1n);
    } finally {
      await store.close();
    }
  });

  it('counts inserts, enrichments and duplicates exactly when a batch spans several multi-row statements', async () => {
    const store = await TransferStore.open({ home: home() });
    try {
      const src = store.sourceId('ethereum', 'files', 'many.csv');
      // 150 rows: two full 64-row statements and one of the 22 left; every third row’s success is unknown.
      const first = Array.from({ length: 150 }, (_, i) => native(100 + (i >> 4), i & 15, BigInt(i), i % 3 === 0 ? { success: null } : {}));
      expect(store.write({ chain: 'ethereum', sourceId: src, transfers: first })).toEqual({ inserted: 150, enriched: 0, duplicates: 0, inputsInserted: 0 });
      // Again, now knowing the success of the unknown ones, with 70 new rows and a row repeated inside the batch.
      const again = [...first.map((t) => ({ ...t, success: true })), ...Array.from({ length: 70 }, (_, i) => native(200 + (i >> 4), i & 15, BigInt(1000 + i))), native(200, 0, 1000n)];
      expect(store.write({ chain: 'ethereum', sourceId: src, transfers: again })).toEqual({ inserted: 70, enriched: 50, duplicates: 101, inputsInserted: 0 });
      const stored = store.transfers();
      expect(stored).toHaveLength(220);
      expect(stored.every((t) => t.success === true)).toBe(true);
      expect(stored.map((t) => t.amount)).toEqual([...first.map((t) => t.amount), ...Array.from({ length: 70 }, (_, i) => BigInt(1000 + i))]);
    } finally {
      await store.close();
    }
  });

  it('rolls back above a block: transfers, inputs, blocks of every source, and checkpoints', async () => {
    const store = await TransferStore.open({ home: home() });
    try {
      const rpc = store.sourceId('ethereum', 'rpc', 'http://node');
      for (let b = 1; b <= 5; b++) {
        store.write({ chain: 'ethereum', sourceId: rpc, transfers: [native(b, 0, BigInt(b))], blocks: [{ number: b, hash: hash(b), parentHash: hash(b - 1), time: b }], checkpoint: { blockNumber: b, blockHash: hash(b) } });
      }
      expect(store.rollbackAbove('ethereum', 3)).toEqual({ transfers: 2, inputs: 0, blocks: 2 });
      expect(store.checkpoint('ethereum', rpc)).toEqual({ blockNumber: 3, blockHash: hash(3) });
      expect(store.firstMissingBlock('ethereum', rpc, 1)).toBe(4);
      expect(store.storedBlockHash('ethereum', 4)).toBeNull();
      expect(store.countTransfers()).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('fills a token transfer’s transaction index and time from the transaction and block stored', async () => {
    const store = await TransferStore.open({ home: home() });
    try {
      const src = store.sourceId('ethereum', 'files', 'x');
      const token: Transfer = { ...native(20, 4, 9n), position: logPosition(3), kind: 'token', asset: addr(99), txIndex: null, blockTime: null, flags: 1 };
      store.write({ chain: 'ethereum', sourceId: src, transfers: [token, native(20, 4, 0n, { txIndex: 4, blockTime: null })], blocks: [{ number: 20, hash: null, parentHash: null, time: 1234 }] });
      expect(store.backfill('ethereum', 20, 20)).toEqual({ txIndex: 1, blockTime: 2 });
      expect(store.transfers({ kind: 'token' })[0]).toMatchObject({ txIndex: 4, blockTime: 1234 });
    } finally {
      await store.close();
    }
  });

  it('drops the address indexes for a big load and builds them on the first address query, also after a killed load', async () => {
    const dir = home();
    const store = await TransferStore.open({ home: dir });
    const indexes = (s: TransferStore) =>
      (s['sqlite'] as Sqlite.Database)
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'chain_transfers' AND name IN ('chain_transfers_from', 'chain_transfers_to') ORDER BY name")
        .pluck()
        .all();
    expect(indexes(store)).toEqual(['chain_transfers_from', 'chain_transfers_to']);
    store.beginBulkLoad(10_000); // small: nothing dropped
    store.endBulkLoad();
    expect(indexes(store)).toEqual(['chain_transfers_from', 'chain_transfers_to']);
    const cacheSize = () => (store['sqlite'] as Sqlite.Database).pragma('cache_size', { simple: true });
    const normalCache = cacheSize();
    store.beginBulkLoad(1_000_000);
    expect(cacheSize()).not.toBe(normalCache); // a big page cache only while the load runs
    store.endBulkLoad();
    expect(cacheSize()).toBe(normalCache);
    expect(indexes(store)).toEqual([]);
    expect(store.transfers({ address: addr(1) })).toEqual([]);
    expect(indexes(store)).toEqual(['chain_transfers_from', 'chain_transfers_to']);
    expect(cacheSize()).toBe(normalCache);
    store.beginBulkLoad(1_000_000);
    await store.close(); // killed in the middle of a load
    const reopened = await TransferStore.open({ home: dir });
    expect(indexes(reopened)).toEqual([]);
    reopened.transfers({ address: addr(1) });
    expect(indexes(reopened)).toEqual(['chain_transfers_from', 'chain_transfers_to']);
    await reopened.close();
  });

  it('values in USD only with a price of that day and known decimals', async () => {
    const store = await TransferStore.open({ home: home() });
    try {
      store.loadPrices([{ chain: 'ethereum', asset: 'native', day: '2023-11-14', usd: '2000' }], 'p.csv');
      const t = native(1, 0, 3n * 10n ** 18n, { blockTime: Date.parse('2023-11-14T22:13:20Z') / 1000 });
      expect(store.usdOf(t)).toBe('6000.00');
      expect(store.usdOf({ ...t, blockTime: t.blockTime! + 86_400 })).toBeNull();
      expect(store.usdOf({ ...t, asset: addr(7), kind: 'token' })).toBeNull();
      expect(store.usdOf({ ...t, blockTime: null })).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('reports ingested ranges per source as contiguous islands', async () => {
    const store = await TransferStore.open({ home: home() });
    try {
      const src = store.sourceId('bitcoin', 'files', 'b.json');
      store.write({ chain: 'bitcoin', sourceId: src, transfers: [], blocks: [0, 1, 2, 7, 8, 20].map((n) => ({ number: n, hash: null, parentHash: null, time: null })) });
      const status = await store.status();
      expect(status.sources[0]).toMatchObject({ chain: 'bitcoin', kind: 'files', name: 'b.json', ranges: [{ from: 0, to: 2, blocks: 3 }, { from: 7, to: 8, blocks: 2 }, { from: 20, to: 20, blocks: 1 }], rangeCount: 3, checkpoint: null });
    } finally {
      await store.close();
    }
  });
});
