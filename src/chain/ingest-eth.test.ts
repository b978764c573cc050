import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransferStore } from '../store/transfer-store.js';
import { ReorgTooDeepError, RpcDataError, RpcTransportError } from './chain-errors.js';
import { ingestEthereum } from './ingest-eth.js';
import { isJsonObject, type JsonValue } from './lossless-json.js';
import { createRpcClient } from './rpc-client.js';
import { fakeEthNode } from './test-support/fake-eth-node.js';
import { startJsonRpcServer, type RunningRpcServer } from './test-support/json-rpc-server.js';

const FAST = { attempts: 2, backoffMs: 1, maxBackoffMs: 1, timeoutMs: 500 };
const openStore = () => TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-ingest-eth-')) });

describe('Ethereum ingest against a misbehaving node', () => {
  const node = fakeEthNode({ blocks: 20 });
  let server: RunningRpcServer;
  beforeAll(async () => {
    server = await startJsonRpcServer(node);
  });
  afterAll(() => server.stop());

  it('keeps every committed batch and its checkpoint when a later block is garbage, and resumes after the fix', async () => {
    const store = await openStore();
    try {
      node.setTamper((method, params, result) => (method === 'eth_getBlockByNumber' && params[0] === '0xc' && isJsonObject(result) ? { ...result, hash: 'oops' } : result));
      const rpc = createRpcClient(server.url, FAST);
      await expect(ingestEthereum(store, rpc, { from: 0, to: 19, blocksPerBatch: 5, parallelBatches: 1 })).rejects.toThrow(
        new RpcDataError(server.url, 'eth_getBlockByNumber', 'block 12.hash is not a 32-byte hash'),
      );
      expect(store.checkpoint('ethereum', 1)).toMatchObject({ blockNumber: 9 });
      expect(store.countTransfers()).toBe(20);

      node.setTamper(undefined);
      const resumed = await ingestEthereum(store, rpc, { from: 0, to: 19, blocksPerBatch: 5 });
      expect(resumed.startedAt).toBe(10);
      expect(resumed.written).toMatchObject({ inserted: 20, duplicates: 0 });
      expect(store.countTransfers()).toBe(40);
    } finally {
      node.setTamper(undefined);
      await store.close();
    }
  });

  it('stops with a clear error when the node keeps failing (5xx) and loses nothing stored', async () => {
    const store = await openStore();
    try {
      await ingestEthereum(store, createRpcClient(server.url, FAST), { from: 0, to: 4 });
      server.setHook((info, res) => (info.body.includes('"0x7"') ? (res.writeHead(502).end('bad gateway'), true) : false));
      await expect(ingestEthereum(store, createRpcClient(server.url, FAST), { from: 0, to: 19, blocksPerBatch: 5 })).rejects.toThrow(
        new RpcTransportError(server.url, 'eth_getBlockByNumber (batch of 5)', 2, 'HTTP 502 Bad Gateway'),
      );
      expect(store.countTransfers()).toBe(10);
      expect(store.checkpoint('ethereum', 1)).toMatchObject({ blockNumber: 4 });
    } finally {
      server.setHook(undefined);
      await store.close();
    }
  });

  it('any corrupted field of a block or receipt gives an RpcDataError naming the method; stored data stays intact', async () => {
    const store = await openStore();
    try {
      const rpc = createRpcClient(server.url, FAST);
      await ingestEthereum(store, rpc, { from: 0, to: 9 });
      const before = store.transfers();
      const garbage: fc.Arbitrary<JsonValue> = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.constant('0xzz'), fc.constant<JsonValue>([]), fc.constant<JsonValue>({}), fc.constant(-1));
      const field = fc.constantFrom('hash', 'parentHash', 'number', 'timestamp', 'transactions', 'tx.hash', 'tx.value', 'tx.from', 'tx.to', 'tx.transactionIndex', 'receipt.status', 'receipt.transactionHash', 'receipt.logs');
      await fc.assert(
        fc.asyncProperty(field, garbage, async (which, value) => {
          node.setTamper((method, _params, result) => corrupt(method, result, which, value));
          const outcome = await ingestEthereum(store, rpc, { from: 10, to: 12, tokenMetadata: false }).then(
            () => 'stored',
            (e: unknown) => e,
          );
          node.setTamper(undefined);
          if (outcome === 'stored') {
            // Some garbage is still valid data (a null receiver is a contract creation): then it was stored.
            store.rollbackAbove('ethereum', 9);
          } else {
            expect(outcome).toBeInstanceOf(RpcDataError);
            expect((outcome as Error).message).toMatch(new RegExp(`^${server.url.replace(/[.:/]/g, '\\$&')} eth_(getBlockByNumber|getBlockReceipts): unexpected response: `));
          }
          expect(store.transfers({ toBlock: 9 })).toEqual(before);
        }),
        { numRuns: 60 },
      );
    } finally {
      node.setTamper(undefined);
      await store.close();
    }
  });

  it('refuses to roll back further than allowed', async () => {
    const store = await openStore();
    try {
      const rpc = createRpcClient(server.url, FAST);
      await ingestEthereum(store, rpc, { from: 0, to: 15 });
      node.setFork({ from: 2, id: 7 });
      await expect(ingestEthereum(store, rpc, { from: 0, to: 19, maxReorgDepth: 5 })).rejects.toThrow(ReorgTooDeepError);
      expect(store.countTransfers()).toBe(32);
      const deep = await ingestEthereum(store, rpc, { from: 0, to: 19, maxReorgDepth: 20 });
      expect(deep.reorgs).toEqual([{ detectedAt: 16, commonAncestor: 1, dropped: { transfers: 28, inputs: 0, blocks: 14 } }]);
      expect(store.countTransfers()).toBe(40);
    } finally {
      node.setFork(undefined);
      await store.close();
    }
  });
});

function corrupt(method: string, result: JsonValue, which: string, value: JsonValue): JsonValue {
  const [scope, key] = which.includes('.') ? (which.split('.') as [string, string]) : ['block', which];
  if (method === 'eth_getBlockByNumber' && isJsonObject(result)) {
    if (scope === 'block') return { ...result, [key]: value };
    if (scope === 'tx' && Array.isArray(result.transactions)) {
      return { ...result, transactions: result.transactions.map((t, i) => (i === 0 && isJsonObject(t) ? { ...t, [key]: value } : t)) };
    }
  }
  if (method === 'eth_getBlockReceipts' && scope === 'receipt' && Array.isArray(result)) {
    return result.map((r, i) => (i === 1 && isJsonObject(r) ? { ...r, [key]: value } : r));
  }
  return result;
}
