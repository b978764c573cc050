import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferStore } from '../store/transfer-store.js';
import { RpcDataError } from './chain-errors.js';
import { ingestBitcoin } from './ingest-btc.js';
import { JsonNumber, type JsonValue } from './lossless-json.js';
import { createRpcClient } from './rpc-client.js';
import { startJsonRpcServer, type RunningRpcServer } from './test-support/json-rpc-server.js';

/** A Bitcoin Core stand-in: `blocks` blocks of one coinbase each; `fork` replaces blocks from a height on. */
function fakeBitcoind(blocks: number) {
  const state = { fork: 0, forkFrom: Infinity, garbageAt: -1 };
  const hashOf = (n: number) => `${(n >= state.forkFrom ? state.fork : 0).toString(16).padStart(8, '0')}${n.toString(16).padStart(56, '0')}`;
  const block = (n: number): JsonValue => ({
    hash: hashOf(n),
    height: n,
    time: 1_231_006_505 + n * 600,
    previousblockhash: n === 0 ? undefined : hashOf(n - 1),
    tx: [
      {
        txid: `${'c'.repeat(8)}${hashOf(n).slice(8)}`,
        vin: [{ coinbase: '04ffff001d0104', sequence: 4294967295 }],
        vout: [{ value: n === state.garbageAt ? 'fifty' : new JsonNumber('50.00000000'), n: 0, scriptPubKey: { address: `1Fake${n}Address${state.fork}xxxxxxxxxxxx`, type: 'pubkeyhash' } }],
      },
    ],
  } as unknown as JsonValue);
  const handler = (method: string, params: JsonValue[]) => {
    if (method === 'getblockcount') return { result: blocks - 1 };
    if (method === 'getblockhash') return { result: hashOf(params[0] as number) };
    if (method === 'getblock') {
      const n = parseInt(String(params[0]).slice(8), 16);
      return { result: block(n) };
    }
    return { error: { code: -32601, message: 'Method not found' } };
  };
  return { handler, state };
}

describe('Bitcoin ingest', () => {
  const node = fakeBitcoind(12);
  let server: RunningRpcServer;
  beforeAll(async () => {
    server = await startJsonRpcServer(node.handler);
  });
  afterAll(() => server.stop());

  it('follows a reorg to the new chain and names a garbage amount', async () => {
    const store = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-btc-ingest-')) });
    try {
      const rpc = createRpcClient(server.url, { jsonrpc: '1.0', attempts: 1 });
      const first = await ingestBitcoin(store, rpc, { from: 0, to: 8, blocksPerBatch: 4 });
      expect(first.written.inserted).toBe(9);
      node.state.fork = 3;
      node.state.forkFrom = 6;
      const second = await ingestBitcoin(store, rpc, { from: 0, to: 11 });
      expect(second.reorgs).toEqual([{ detectedAt: 9, commonAncestor: 5, dropped: { transfers: 3, inputs: 0, blocks: 3 } }]);
      expect(store.transfers().map((t) => t.to)).toEqual(Array.from({ length: 12 }, (_, n) => `1Fake${n}Address${n >= 6 ? 3 : 0}xxxxxxxxxxxx`));
      expect(store.transfers().every((t) => t.amount === 5_000_000_000n)).toBe(true);

      node.state.garbageAt = 3;
      const fresh = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-btc-ingest-')) });
      try {
        await expect(ingestBitcoin(fresh, rpc, { from: 0, to: 5 })).rejects.toThrow(new RpcDataError(server.url, 'getblock', 'block 3.tx[0].vout[0].value is not a number'));
        expect(fresh.countTransfers()).toBe(0);
      } finally {
        await fresh.close();
      }
    } finally {
      node.state.garbageAt = -1;
      await store.close();
    }
  });
});
