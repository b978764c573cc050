import type { BlockRecord, TransferStore, WriteResult } from '../store/transfer-store.js';
import { addWritten, rollBackToCommonAncestor, runBlockLoop, type Reorg } from './block-loop.js';
import { RpcDataError } from './chain-errors.js';
import { detectEthCapabilities, fetchEthBlocks, type EthNodeCapabilities, type FetchedEthBlock } from './eth-rpc-source.js';
import { ethBlockTransfers, type FrameSkip } from './eth-transfers.js';
import { hexToSafeInteger, normalizeHash, toHexQuantity } from './hex.js';
import { isJsonObject } from './lossless-json.js';
import type { RpcClient } from './rpc-client.js';
import { fetchTokenMetadata } from './token-metadata.js';
import { NATIVE_ASSET } from './transfer.js';

export interface EthIngestOptions {
  chain?: string;
  from: number;
  /** Last block (inclusive); default the node's head minus `confirmations`. */
  to?: number;
  /** After reaching the head, keep polling for new blocks until `signal` aborts. */
  follow?: boolean;
  pollMs?: number;
  confirmations?: number;
  blocksPerBatch?: number;
  /** Batches fetched ahead while earlier ones are written (default 2). */
  parallelBatches?: number;
  maxReorgDepth?: number;
  /** Which trace method to use; `auto` (default) asks the node. */
  traces?: 'auto' | EthNodeCapabilities['traces'];
  /** Read decimals/symbol/name of tokens not yet known (default true). */
  tokenMetadata?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { block: number; to: number; transfers: number }) => void;
  onReorg?: (r: EthReorg) => void;
}

/** `detectedAt` is the block whose parent did not match the stored chain. */
export type EthReorg = Reorg;

export interface EthIngestReport {
  chain: string;
  endpoint: string;
  sourceId: number;
  capabilities: EthNodeCapabilities | null;
  /** First block fetched in this run (after resuming), or null if nothing was left to do. */
  startedAt: number | null;
  lastBlock: number | null;
  blocks: number;
  written: WriteResult;
  tokensFetched: number;
  reorgs: EthReorg[];
  skippedFrames: Partial<Record<FrameSkip, number>>;
  warnings: string[];
}

/**
 * Ingests Ethereum blocks from a JSON-RPC node into the transfer store: transactions, receipts (ERC-20
 * transfers) and internal transfers (trace_block or debug_traceBlockByNumber, whichever the node offers).
 * Each batch of blocks is written in one transaction together with the checkpoint, so a killed ingest
 * resumes after the last committed batch and never stores a transfer twice. A block whose parent hash does
 * not match the stored chain triggers a rollback to the common ancestor and a re-ingest.
 *
 * @example
 * const report = await ingestEthereum(store, createRpcClient('http://127.0.0.1:8545'), { from: 0, to: 100 });
 */
export async function ingestEthereum(store: TransferStore, client: RpcClient, options: EthIngestOptions): Promise<EthIngestReport> {
  const chain = options.chain ?? 'ethereum';
  const perBatch = Math.max(1, options.blocksPerBatch ?? 10);
  const ahead = Math.max(1, options.parallelBatches ?? 2);
  const maxReorgDepth = options.maxReorgDepth ?? 64;
  const confirmations = options.confirmations ?? 0;
  const sourceId = store.sourceId(chain, 'rpc', client.endpoint);
  const report: EthIngestReport = {
    chain,
    endpoint: client.endpoint,
    sourceId,
    capabilities: null,
    startedAt: null,
    lastBlock: null,
    blocks: 0,
    written: { inserted: 0, enriched: 0, duplicates: 0, inputsInserted: 0 },
    tokensFetched: 0,
    reorgs: [],
    skippedFrames: {},
    warnings: [],
  };

  const head = async (): Promise<number> => {
    const n = hexToSafeInteger(await client.call('eth_blockNumber'));
    if (n === undefined) throw new RpcDataError(client.endpoint, 'eth_blockNumber', 'not a hex quantity');
    return n - confirmations;
  };
  const nodeBlockHash = async (n: number): Promise<string | null> => {
    const b = await client.call('eth_getBlockByNumber', [toHexQuantity(n), false]);
    if (b === null) return null;
    if (!isJsonObject(b)) throw new RpcDataError(client.endpoint, 'eth_getBlockByNumber', `block ${n} is not an object`);
    return normalizeHash(b.hash) ?? null;
  };

  const rollBack = async (detectedAt: number): Promise<number> => {
    const reorg = await rollBackToCommonAncestor(store, chain, detectedAt, maxReorgDepth, nodeBlockHash);
    report.reorgs.push(reorg);
    options.onReorg?.(reorg);
    return reorg.commonAncestor;
  };

  const tokenMetadata = options.tokenMetadata ?? true;
  let caps: EthNodeCapabilities | null = null;

  /** Fetches windows of blocks ahead and writes them strictly in order; returns where to go on. */
  const ingest = async (from: number, last: number): Promise<number> => {
    let next = from;
    report.startedAt ??= next;
    if (!caps) {
      caps = await detectEthCapabilities(client, next);
      if (options.traces && options.traces !== 'auto') caps = { ...caps, traces: options.traces };
    }
    report.capabilities = caps;
    if (caps.traces === 'none' && !report.warnings.some((w) => w.startsWith('no internal'))) {
      report.warnings.push('no internal transfers: the node offers neither trace_block nor debug_traceBlockByNumber (callTracer)');
    }
    const pending: { promise: Promise<FetchedEthBlock[]> }[] = [];
    let cursor = next;
    const refill = () => {
      while (pending.length < ahead && cursor <= last) {
        const numbers = range(cursor, Math.min(last, cursor + perBatch - 1));
        const promise = fetchEthBlocks(client, numbers, caps!);
        promise.catch(() => undefined); // observed when awaited; avoids an unhandled rejection if abandoned
        pending.push({ promise });
        cursor += numbers.length;
      }
    };
    refill();
    while (pending.length > 0) {
      if (options.signal?.aborted) break;
      const fetched = await pending.shift()!.promise;
      let previousHash: string | null = store.storedBlockHash(chain, fetched[0]!.block.number - 1);
      for (const f of fetched) {
        if (previousHash !== null && f.block.parentHash !== previousHash) return (await rollBack(f.block.number)) + 1;
        previousHash = f.block.hash;
      }
      const transfers = fetched.flatMap((f) =>
        ethBlockTransfers(chain, f.block, f.receipts, f.frames, (reason) => {
          report.skippedFrames[reason] = (report.skippedFrames[reason] ?? 0) + 1;
        }),
      );
      const blocks: BlockRecord[] = fetched.map((f) => ({ number: f.block.number, hash: f.block.hash, parentHash: f.block.parentHash, time: f.block.timestamp }));
      const lastFetched = fetched[fetched.length - 1]!.block;
      let tokens: Awaited<ReturnType<typeof fetchTokenMetadata>> = [];
      if (tokenMetadata) {
        const unknown = store.tokensWithoutMetadata(chain, transfers.filter((t) => t.asset !== NATIVE_ASSET).map((t) => t.asset));
        tokens = await fetchTokenMetadata(client, chain, unknown);
        report.tokensFetched += tokens.length;
      }
      addWritten(report.written, store.write({ chain, sourceId, transfers, blocks, tokens, checkpoint: { blockNumber: lastFetched.number, blockHash: lastFetched.hash } }));
      report.blocks += fetched.length;
      report.lastBlock = lastFetched.number;
      next = lastFetched.number + 1;
      options.onProgress?.({ block: lastFetched.number, to: last, transfers: report.written.inserted });
      refill();
    }
    return next;
  };

  await runBlockLoop({
    start: store.firstMissingBlock(chain, sourceId, options.from),
    ...(options.to !== undefined && { to: options.to }),
    ...(options.follow !== undefined && { follow: options.follow }),
    ...(options.signal && { signal: options.signal }),
    pollMs: options.pollMs ?? 4000,
    head,
    // A stored tip the node no longer has means the chain moved while we were away.
    check: async (next, last) => {
      const cp = store.checkpoint(chain, sourceId);
      if (cp?.blockHash && cp.blockNumber === next - 1 && cp.blockNumber <= last + confirmations) {
        const nodeHash = await nodeBlockHash(cp.blockNumber);
        if (nodeHash !== null && nodeHash !== cp.blockHash) return (await rollBack(cp.blockNumber + 1)) + 1;
      }
      return next;
    },
    ingest,
  });
  return report;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}
