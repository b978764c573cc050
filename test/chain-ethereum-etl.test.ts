import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ethInternalTransfers } from '../src/chain/eth-transfers.js';
import { readGethCallTraces, readParityTraces } from '../src/chain/eth-rpc-read.js';
import { ingestEthereum } from '../src/chain/ingest-eth.js';
import { ingestFiles } from '../src/chain/ingest-files.js';
import { parseJsonLossless, type JsonValue } from '../src/chain/lossless-json.js';
import { createRpcClient } from '../src/chain/rpc-client.js';
import { startJsonRpcServer } from '../src/chain/test-support/json-rpc-server.js';
import { expectedOutputEthereumHandler, recordedEthereumEtlHandler } from '../src/chain/test-support/recorded-rpc.js';
import { TRANSFER_FLAGS } from '../src/chain/transfer-flags.js';
import type { Transfer } from '../src/chain/transfer.js';
import { TransferStore, type StoredTransfer } from '../src/store/transfer-store.js';
import { HAS_SHARED, SHARED_DATA, tempHome } from './support.js';

const ETL = join(SHARED_DATA, 'chain/ethereum-etl-fixtures/tests/resources');
const STREAM_17173049 = join(ETL, 'test_stream/blocks_17173049_17173050');
const EXPORT_17173049 = join(ETL, 'test_export_blocks_job/blocks_with_transactions_and_withdrawals');

/** Everything of a stored transfer except which source stored it first. */
function comparable(t: StoredTransfer): Omit<StoredTransfer, 'sourceId'> {
  const { sourceId: _sourceId, ...rest } = t;
  return rest;
}

async function withStore<T>(fn: (store: TransferStore) => Promise<T>): Promise<T> {
  const store = await TransferStore.open({ home: tempHome('cf-etl-') });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

describe.skipIf(!HAS_SHARED)('ethereum-etl fixtures, mainnet blocks 17173049–17173050 (2023-05-02)', () => {
  it('gives the same 298 transactions and 291 token transfers over JSON-RPC and from the export files (no node responses were recorded for these blocks: the node side is rebuilt from the expected output)', async () => {
    const server = await startJsonRpcServer(expectedOutputEthereumHandler(STREAM_17173049));
    try {
      const fromRpc = await withStore(async (store) => {
        const report = await ingestEthereum(store, createRpcClient(server.url), { from: 17173049, to: 17173050 });
        expect(report.capabilities).toEqual({ blockReceipts: true, traces: 'none' });
        expect(report.warnings).toEqual(['no internal transfers: the node offers neither trace_block nor debug_traceBlockByNumber (callTracer)']);
        return store.transfers().map(comparable);
      });
      const fromJson = await withStore(async (store) => {
        const report = await ingestFiles(store, [STREAM_17173049], {});
        // The logs and the token_transfers file describe the same 291 transfers: the second adds nothing.
        const byName = Object.fromEntries(report.files.map((f) => [f.file.split('/').pop(), f.written]));
        expect(byName['expected_logs.json']).toMatchObject({ inserted: 291 });
        expect(byName['expected_token_transfers.json']).toMatchObject({ inserted: 0, duplicates: 291 });
        return store.transfers().map(comparable);
      });
      expect(fromRpc.filter((t) => t.kind === 'native')).toHaveLength(298);
      expect(fromRpc.filter((t) => t.kind === 'token')).toHaveLength(291);
      expect(fromJson).toEqual(fromRpc);

      // Numbers beyond 2^53 survive exactly (ethereum-etl's own example, and the largest value in the file).
      const weth = fromRpc.find((t) => t.txHash === '0xeb107a40ba73a50c79a9f2026e902d758d1c5e5e211f7a7db1b294f88f118dd0' && t.kind === 'token');
      expect(weth?.amount).toBe(7056176614974947328n);
      expect(fromRpc.some((t) => t.amount === 7786596450288373164569331648084n)).toBe(true);
      // Nine transfers are ERC-721 shaped (token id indexed): kept as ethereum-etl does, and flagged.
      expect(fromRpc.filter((t) => t.flags & TRANSFER_FLAGS.nonFungible)).toHaveLength(9);
      // Failed transactions are kept with success false.
      expect(fromRpc.filter((t) => t.success === false)).toHaveLength(9);
    } finally {
      await server.stop();
    }
  });

  it('reads the CSV export too; a later JSON import completes what the CSV could not say (receipt status)', async () => {
    const server = await startJsonRpcServer(expectedOutputEthereumHandler(STREAM_17173049));
    try {
      const fromRpc = await withStore(async (store) => {
        await ingestEthereum(store, createRpcClient(server.url), { from: 17173049, to: 17173050 });
        return store.transfers().map(comparable);
      });
      await withStore(async (store) => {
        const csv = await ingestFiles(store, [join(EXPORT_17173049, 'expected_blocks.csv'), join(EXPORT_17173049, 'expected_transactions.csv'), join(STREAM_17173049, 'expected_token_transfers.json')], {});
        expect(csv.files.map((f) => [f.file.split('/').pop(), f.transfersRead])).toEqual([
          ['expected_blocks.csv', 0],
          ['expected_transactions.csv', 298],
          ['expected_token_transfers.json', 291],
        ]);
        expect(csv.files[0]!.notes).toEqual(['32 × beacon-chain withdrawals in block files were not stored (payouts from the consensus layer, not transfers between accounts)']);
        const fromCsv = store.transfers().map(comparable);
        // The transactions CSV has no receipts: no status, and no address for the contract a transaction created.
        // token_transfers cannot tell ERC-721 transfers apart.
        const creations = new Set(jsonLines(join(STREAM_17173049, 'expected_transactions.json')).filter((t) => t.to_address === null).map((t) => t.hash));
        expect(creations.size).toBe(1);
        const strip = (t: Omit<StoredTransfer, 'sourceId'>) => ({
          ...t,
          success: t.kind === 'native' ? null : t.success,
          to: t.kind === 'native' && creations.has(t.txHash) ? null : t.to,
          flags: t.flags & ~TRANSFER_FLAGS.nonFungible,
        });
        expect(fromCsv.filter((t) => t.kind === 'native').every((t) => t.success === null)).toBe(true);
        expect(fromCsv).toEqual(fromRpc.map(strip));

        const completed = await ingestFiles(store, [join(STREAM_17173049, 'expected_transactions.json'), join(STREAM_17173049, 'expected_logs.json')], {});
        expect(completed.files.map((f) => f.written)).toEqual([
          { inserted: 0, enriched: 298, duplicates: 0, inputsInserted: 0 },
          { inserted: 0, enriched: 9, duplicates: 282, inputsInserted: 0 },
        ]);
        expect(store.transfers().map(comparable)).toEqual(fromRpc);
      });
    } finally {
      await server.stop();
    }
  });
});

describe.skipIf(!HAS_SHARED)('ethereum-etl recorded node responses', () => {
  it('blocks 1755634–1755635 from the recorded eth_getBlockByNumber/eth_getTransactionReceipt equal the expected export', async () => {
    const dir = join(ETL, 'test_stream/blocks_1755634_1755635');
    const server = await startJsonRpcServer(recordedEthereumEtlHandler([dir]));
    try {
      const fromRpc = await withStore(async (store) => {
        const report = await ingestEthereum(store, createRpcClient(server.url), { from: 1755634, to: 1755635, tokenMetadata: false });
        // The recording has no eth_getBlockReceipts and no traces: per-transaction receipts, no internal transfers.
        expect(report.capabilities).toEqual({ blockReceipts: false, traces: 'none' });
        return store.transfers().map(comparable);
      });
      const fromFiles = await withStore(async (store) => {
        await ingestFiles(store, [join(dir, 'expected_blocks.json'), join(dir, 'expected_transactions.json'), join(dir, 'expected_token_transfers.json'), join(dir, 'expected_logs.json')], {});
        return store.transfers().map(comparable);
      });
      expect(fromRpc).toEqual(fromFiles);
      expect(fromRpc.map((t) => [t.kind, t.amount, t.success])).toEqual([
        ['native', 0n, null],
        ['token', 5000000000000000000n, true],
        ['native', 405738107000000000n, null],
      ]);
    } finally {
      await server.stop();
    }
  });

  it('block 483920 from the recorded node equals the CSV exports (blocks, transactions, receipts, logs, token_transfers)', async () => {
    const blockDir = join(ETL, 'test_export_blocks_job/block_with_logs');
    const receiptsDir = join(ETL, 'test_export_receipts_job/receipts_with_logs');
    const server = await startJsonRpcServer(recordedEthereumEtlHandler([blockDir, receiptsDir]));
    try {
      const fromRpc = await withStore(async (store) => {
        await ingestEthereum(store, createRpcClient(server.url), { from: 483920, to: 483920, tokenMetadata: false });
        return store.transfers().map(comparable);
      });
      const fromCsv = await withStore(async (store) => {
        const report = await ingestFiles(
          store,
          [join(blockDir, 'expected_blocks.csv'), join(blockDir, 'expected_transactions.csv'), join(receiptsDir, 'expected_receipts.csv'), join(receiptsDir, 'expected_logs.csv'), join(ETL, 'test_export_token_transfers_job/block_with_transfers/expected_token_transfers.csv')],
          {},
        );
        expect(report.files.map((f) => [f.file.split('/').pop(), f.transfersRead, f.receiptsApplied, f.written.duplicates])).toEqual([
          ['expected_blocks.csv', 0, 0, 0],
          ['expected_transactions.csv', 4, 0, 0],
          ['expected_receipts.csv', 0, 4, 0],
          ['expected_logs.csv', 2, 0, 0],
          ['expected_token_transfers.csv', 2, 0, 2],
        ]);
        return store.transfers().map(comparable);
      });
      expect(fromCsv).toEqual(fromRpc);
      // Four transactions (two of them calls to the token), two token transfers, all before Byzantium: no status.
      expect(fromRpc.map((t) => [t.txIndex, t.kind, t.amount, t.success])).toEqual([
        [0, 'native', 0n, null],
        [0, 'token', 100000n, true],
        [1, 'native', 0n, null],
        [1, 'token', 200000n, true],
        [2, 'native', fromRpc[4]!.amount, null],
        [3, 'native', fromRpc[5]!.amount, null],
      ]);
      expect(fromRpc[4]!.amount).toBeGreaterThan(0n);
    } finally {
      await server.stop();
    }
  });

  it.each([
    ['test_stream/blocks_2112234_2112234', '0x203aea', 'expected_traces.json'],
    ['test_stream/blocks_508110_508110', '0x7c0ce', 'expected_traces.json'],
    ['test_export_traces_job/block_with_subtraces', '0xf4240', 'expected_traces.csv'],
    ['test_export_traces_job/block_with_error', '0xf45bf', 'expected_traces.csv'],
    ['test_export_traces_job/block_with_create', '0xf44f2', 'expected_traces.csv'],
    ['test_export_traces_job/block_with_suicide', '0xf7105', 'expected_traces.csv'],
  ])('%s: transfers from the recorded trace_block equal those from the ethereum-etl traces export', async (sub, hex, expectedFile) => {
    const dir = join(ETL, sub);
    const frames = readParityTraces(rpcResult(join(dir, `web3_response.trace_block_${hex}.json`)));
    const blockNumber = Number(hex);
    // The stream export joins the block's time (its recorded header is there); the CSV export has none.
    const header = join(dir, `web3_response.eth_getBlockByNumber_${hex}_false.json`);
    const time = existsSync(header) ? Number((rpcResult(header) as { timestamp: string }).timestamp) : null;
    const fromRpc = sortTransfers(ethInternalTransfers('ethereum', blockNumber, time, frames, { includeTopLevel: true }));
    const fromFile = await withStore(async (store) => {
      await ingestFiles(store, [join(dir, expectedFile)], {});
      return store.transfers().map(({ sourceId: _s, scriptType: _t, ...t }) => t);
    });
    expect(fromRpc.length).toBeGreaterThan(0);
    expect(fromFile).toEqual(fromRpc);
  });

  it.each([
    ['block_with_subtraces', '0xf4240'],
    ['block_with_error', '0xf45bf'],
    ['block_with_create', '0xf44f2'],
    ['block_with_suicide', '0xf7105'],
  ])('%s: geth callTracer and Parity trace_block give the same internal transfers, except what geth leaves out', (name, hex) => {
    const parity = readParityTraces(rpcResult(join(ETL, 'test_export_traces_job', name, `web3_response.trace_block_${hex}.json`)));
    const geth = readGethCallTraces(rpcResult(join(ETL, 'test_extract_geth_traces_job', name, `web3_response.debug_traceBlockByNumber_${hex}_tracer_calltracer.json`)));
    // geth does not name the transaction: join on the position, as ingest does with the block's transactions.
    const hashByIndex = new Map(parity.filter((f) => f.txHash).map((f) => [f.txIndex, f.txHash]));
    const gethNamed = geth.map((f) => ({ ...f, txHash: hashByIndex.get(f.txIndex) ?? null }));
    const n = Number(hex);
    const fromParity = sortTransfers(ethInternalTransfers('ethereum', n, null, parity));
    const fromGeth = sortTransfers(ethInternalTransfers('ethereum', n, null, gethNamed));
    // Documented difference: geth's callTracer gives a self-destruct no value, so its refund is invisible there.
    const selfDestructs = parity.filter((f) => f.type === 'suicide' && f.value > 0n).length;
    expect(fromGeth).toEqual(fromParity.filter((t) => !parity.some((f) => f.type === 'suicide' && f.txHash === t.txHash && f.traceAddress.join('.') === positionPath(t.position))));
    expect(fromParity.length - fromGeth.length).toBe(selfDestructs);
  });
});

function rpcResult(file: string): JsonValue {
  const body = parseJsonLossless(readFileSync(file, 'utf8')) as { result: JsonValue };
  return body.result;
}

function jsonLines(file: string): { [key: string]: JsonValue }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => parseJsonLossless(l) as { [key: string]: JsonValue });
}

function sortTransfers(ts: Transfer[]): Transfer[] {
  return [...ts].sort((a, b) => (a.txIndex ?? -1) - (b.txIndex ?? -1) || (a.position < b.position ? -1 : a.position > b.position ? 1 : 0) || (a.txHash < b.txHash ? -1 : 1));
}

function positionPath(position: string): string {
  return position.startsWith('b') ? position.slice(1).split('.').map((p) => String(Number(p.slice(1)))).join('.') : '';
}
