import type { TransferStore, WriteResult } from '../store/transfer-store.js';
import { addWritten, rollBackToCommonAncestor, runBlockLoop, type Reorg } from './block-loop.js';
import { RpcDataError, type RpcResponseError } from './chain-errors.js';
import { readBtcBlock, btcAmount, scriptAddresses, type BtcBlock } from './btc-rpc-read.js';
import { btcTransactionTransfers } from './btc-transfers.js';
import { ShapeError } from './eth-rpc-read.js';
import { isJsonObject, type JsonValue } from './lossless-json.js';
import type { RpcClient } from './rpc-client.js';
import type { Transfer, UtxoInput } from './transfer.js';

export interface BtcIngestOptions {
  chain?: string;
  from: number;
  to?: number;
  follow?: boolean;
  pollMs?: number;
  confirmations?: number;
  blocksPerBatch?: number;
  maxReorgDepth?: number;
  /**
   * Look up the value and address of spent outputs the node did not include (getblock verbosity 2) with
   * `getrawtransaction` (needs txindex). Off by default: outputs already stored give the same answer by join.
   */
  lookupPrevouts?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: { block: number; to: number; transfers: number }) => void;
}

export interface BtcIngestReport {
  chain: string;
  endpoint: string;
  sourceId: number;
  /** 3 when the node returns spent outputs with the block, else 2. */
  verbosity: 2 | 3 | null;
  startedAt: number | null;
  lastBlock: number | null;
  blocks: number;
  written: WriteResult;
  reorgs: Reorg[];
  prevoutsLookedUp: number;
}

/**
 * Ingests Bitcoin blocks from Bitcoin Core's JSON-RPC (`getblockhash` + `getblock` verbosity 3, or 2 where
 * 3 is refused): every output (coinbase, multisig and non-standard ones included) as a `utxo` transfer and
 * every input as a link to the output it spends. Checkpoints and reorg handling as for Ethereum.
 *
 * @example
 * await ingestBitcoin(store, createRpcClient('http://user:pass@127.0.0.1:8332', { jsonrpc: '1.0' }), { from: 0, to: 1000 });
 */
export async function ingestBitcoin(store: TransferStore, client: RpcClient, options: BtcIngestOptions): Promise<BtcIngestReport> {
  const chain = options.chain ?? 'bitcoin';
  const perBatch = Math.max(1, options.blocksPerBatch ?? 10);
  const maxReorgDepth = options.maxReorgDepth ?? 64;
  const confirmations = options.confirmations ?? 0;
  const sourceId = store.sourceId(chain, 'rpc', client.endpoint);
  const report: BtcIngestReport = {
    chain,
    endpoint: client.endpoint,
    sourceId,
    verbosity: null,
    startedAt: null,
    lastBlock: null,
    blocks: 0,
    written: { inserted: 0, enriched: 0, duplicates: 0, inputsInserted: 0 },
    reorgs: [],
    prevoutsLookedUp: 0,
  };
  const head = async () => {
    const n = await client.call('getblockcount');
    if (typeof n !== 'number') throw new RpcDataError(client.endpoint, 'getblockcount', 'not a number');
    return n - confirmations;
  };
  const hashesOf = async (numbers: number[]): Promise<string[]> =>
    (await client.callMany(numbers.map((n) => ({ method: 'getblockhash', params: [n] })))).map((o, i) => {
      if (!o.ok) throw o.error;
      if (typeof o.result !== 'string') throw new RpcDataError(client.endpoint, 'getblockhash', `block ${numbers[i]}: not a hash`);
      return o.result;
    });
  const fetchBlocks = async (numbers: number[]): Promise<BtcBlock[]> => {
    const hashes = await hashesOf(numbers);
    if (report.verbosity === null) {
      const [probe] = await client.callMany([{ method: 'getblock', params: [hashes[0], 3] }]);
      report.verbosity = probe!.ok ? 3 : 2;
      if (!probe!.ok && !/verbosity|invalid|out of range|parameter/i.test(probe!.error.rpcMessage)) throw probe!.error;
    }
    const outcomes = await client.callMany(hashes.map((h) => ({ method: 'getblock', params: [h, report.verbosity] })));
    return outcomes.map((o, i) => {
      if (!o.ok) throw o.error as RpcResponseError;
      const block = readOrFail(client, 'getblock', () => readBtcBlock(o.result));
      if (block.number !== numbers[i]) throw new RpcDataError(client.endpoint, 'getblock', `asked for block ${numbers[i]}, got ${block.number}`);
      return block;
    });
  };

  /** Fetches one batch of blocks from `next` and stores it with its checkpoint; returns where to go on. */
  const ingest = async (next: number, last: number): Promise<number> => {
    report.startedAt ??= next;
    const numbers: number[] = [];
    for (let n = next; n <= Math.min(last, next + perBatch - 1); n++) numbers.push(n);
    const blocks = await fetchBlocks(numbers);
    let previous = store.storedBlockHash(chain, numbers[0]! - 1);
    for (const b of blocks) {
      if (previous !== null && b.parentHash !== null && b.parentHash !== previous) {
        const reorg = await rollBackToCommonAncestor(store, chain, b.number, maxReorgDepth, async (k) => (await hashesOf([k]))[0] ?? null);
        report.reorgs.push(reorg);
        return reorg.commonAncestor + 1;
      }
      previous = b.hash;
    }
    const transfers: Transfer[] = [];
    const inputs: UtxoInput[] = [];
    for (const b of blocks) {
      for (const tx of b.transactions) {
        const r = btcTransactionTransfers(chain, b.number, b.time, tx);
        transfers.push(...r.transfers);
        inputs.push(...r.inputs);
      }
    }
    if (options.lookupPrevouts) report.prevoutsLookedUp += await lookupPrevouts(client, inputs);
    const lastBlock = blocks[blocks.length - 1]!;
    addWritten(
      report.written,
      store.write({
        chain,
        sourceId,
        transfers,
        inputs,
        blocks: blocks.map((b) => ({ number: b.number, hash: b.hash, parentHash: b.parentHash, time: b.time })),
        checkpoint: { blockNumber: lastBlock.number, blockHash: lastBlock.hash },
      }),
    );
    report.blocks += blocks.length;
    report.lastBlock = lastBlock.number;
    options.onProgress?.({ block: lastBlock.number, to: last, transfers: report.written.inserted });
    return lastBlock.number + 1;
  };

  await runBlockLoop({
    start: store.firstMissingBlock(chain, sourceId, options.from),
    ...(options.to !== undefined && { to: options.to }),
    ...(options.follow !== undefined && { follow: options.follow }),
    ...(options.signal && { signal: options.signal }),
    pollMs: options.pollMs ?? 30_000,
    head,
    ingest,
  });
  return report;
}

/** Fills value and address of inputs from `getrawtransaction <txid> true` of the spent transactions. */
async function lookupPrevouts(client: RpcClient, inputs: UtxoInput[]): Promise<number> {
  const missing = inputs.filter((i) => i.value === null);
  const txids = [...new Set(missing.map((i) => i.spentTxHash))];
  if (txids.length === 0) return 0;
  const outcomes = await client.callMany(txids.map((t) => ({ method: 'getrawtransaction', params: [t, true] })));
  const outputs = new Map<string, { value: bigint; address: string | null }>();
  outcomes.forEach((o, k) => {
    if (!o.ok) throw o.error;
    const tx = o.result as JsonValue;
    if (!isJsonObject(tx) || !Array.isArray(tx.vout)) throw new RpcDataError(client.endpoint, 'getrawtransaction', `${txids[k]}: not a verbose transaction`);
    tx.vout.forEach((vout, n) => {
      if (!isJsonObject(vout)) return;
      const spk = isJsonObject(vout.scriptPubKey) ? vout.scriptPubKey : {};
      const addresses = scriptAddresses(spk);
      const value = readOrFail(client, 'getrawtransaction', () => btcAmount(vout.value, `${txids[k]}.vout[${n}].value`));
      outputs.set(`${txids[k]}:${typeof vout.n === 'number' ? vout.n : n}`, { value, address: addresses.length ? addresses.join(',') : null });
    });
  });
  let filled = 0;
  for (const i of missing) {
    const o = outputs.get(`${i.spentTxHash}:${i.spentOutputIndex}`);
    if (!o) continue;
    i.value = o.value;
    i.address = o.address;
    filled++;
  }
  return filled;
}

function readOrFail<T>(client: RpcClient, method: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ShapeError) throw new RpcDataError(client.endpoint, method, err.message);
    throw err;
  }
}
