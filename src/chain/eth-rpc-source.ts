import { RpcDataError, type RpcResponseError } from './chain-errors.js';
import type { EthBlock, EthCallFrame, EthReceipt } from './eth-block-data.js';
import { ShapeError, readGethCallTraces, readParityTraces, readRpcBlock, readRpcReceipt } from './eth-rpc-read.js';
import { toHexQuantity } from './hex.js';
import type { JsonValue } from './lossless-json.js';
import type { RpcClient, RpcOutcome } from './rpc-client.js';

/** What the node offers beyond the standard methods; decided once per ingest. */
export interface EthNodeCapabilities {
  /** `eth_getBlockReceipts` (one call per block) rather than one `eth_getTransactionReceipt` per transaction. */
  blockReceipts: boolean;
  /** parity: `trace_block`; geth: `debug_traceBlockByNumber` with the callTracer; none: no internal transfers. */
  traces: 'parity' | 'geth' | 'none';
}

export interface FetchedEthBlock {
  block: EthBlock;
  receipts: EthReceipt[];
  /** null when the node offers no traces. */
  frames: EthCallFrame[] | null;
}

const CALL_TRACER = { tracer: 'callTracer' };

/**
 * Asks the node, on one block, which receipt and trace methods it offers. A method the node refuses as
 * unknown counts as absent; any other failure is an error.
 *
 * @example
 * const caps = await detectEthCapabilities(rpc, 17173049); // { blockReceipts: true, traces: 'parity' }
 */
export async function detectEthCapabilities(client: RpcClient, blockNumber: number): Promise<EthNodeCapabilities> {
  const n = toHexQuantity(blockNumber);
  const probe = async (method: string, params: unknown[]): Promise<boolean> => {
    const [outcome] = await client.callMany([{ method, params }]);
    if (outcome!.ok) return true;
    if (outcome!.error.isMethodUnavailable) return false;
    throw outcome!.error;
  };
  const blockReceipts = await probe('eth_getBlockReceipts', [n]);
  let traces: EthNodeCapabilities['traces'] = 'none';
  if (await probe('trace_block', [n])) traces = 'parity';
  else if (await probe('debug_traceBlockByNumber', [n, CALL_TRACER])) traces = 'geth';
  return { blockReceipts, traces };
}

/**
 * Fetches blocks with their transactions, receipts (logs) and call traces: one batch per kind of call, the
 * batches running concurrently within the client's limits.
 *
 * @example
 * const fetched = await fetchEthBlocks(rpc, [17173049, 17173050], caps);
 */
export async function fetchEthBlocks(client: RpcClient, numbers: readonly number[], caps: EthNodeCapabilities): Promise<FetchedEthBlock[]> {
  const blockOutcomes = await client.callMany(numbers.map((n) => ({ method: 'eth_getBlockByNumber', params: [toHexQuantity(n), true] })));
  const blocks = blockOutcomes.map((o, i) => {
    const result = ok(o);
    if (result === null) throw new RpcDataError(client.endpoint, 'eth_getBlockByNumber', `block ${numbers[i]} does not exist on the node (beyond its head?)`);
    const block = read(client, 'eth_getBlockByNumber', () => readRpcBlock(result));
    if (block.number !== numbers[i]) throw new RpcDataError(client.endpoint, 'eth_getBlockByNumber', `asked for block ${numbers[i]}, got block ${block.number}`);
    return block;
  });

  const receiptsPromise = caps.blockReceipts
    ? client.callMany(blocks.map((b) => ({ method: 'eth_getBlockReceipts', params: [toHexQuantity(b.number)] }))).then((outcomes) =>
        outcomes.map((o, i) => {
          const result = ok(o);
          if (!Array.isArray(result)) throw new RpcDataError(client.endpoint, 'eth_getBlockReceipts', `block ${blocks[i]!.number}: no list of receipts`);
          return result.map((r) => read(client, 'eth_getBlockReceipts', () => readRpcReceipt(r)));
        }),
      )
    : client
        .callMany(blocks.flatMap((b) => b.transactions.map((t) => ({ method: 'eth_getTransactionReceipt', params: [t.hash] }))))
        .then((outcomes) => {
          let k = 0;
          return blocks.map((b) =>
            b.transactions.map(() => {
              const result = ok(outcomes[k++]!);
              return read(client, 'eth_getTransactionReceipt', () => readRpcReceipt(result));
            }),
          );
        });

  const tracesPromise: Promise<(EthCallFrame[] | null)[]> =
    caps.traces === 'none'
      ? Promise.resolve(blocks.map(() => null))
      : client
          .callMany(
            blocks.map((b) =>
              caps.traces === 'parity'
                ? { method: 'trace_block', params: [toHexQuantity(b.number)] }
                : { method: 'debug_traceBlockByNumber', params: [toHexQuantity(b.number), CALL_TRACER] },
            ),
          )
          .then((outcomes) =>
            outcomes.map((o) => {
              const result = ok(o);
              return caps.traces === 'parity'
                ? read(client, 'trace_block', () => readParityTraces(result))
                : read(client, 'debug_traceBlockByNumber', () => readGethCallTraces(result));
            }),
          );

  const [receipts, frames] = await Promise.all([receiptsPromise, tracesPromise]);
  return blocks.map((block, i) => {
    const r = receipts[i]!;
    const expected = block.transactions.map((t) => t.hash);
    const got = new Set(r.map((x) => x.txHash));
    if (r.length !== expected.length || !expected.every((h) => got.has(h))) {
      throw new RpcDataError(client.endpoint, caps.blockReceipts ? 'eth_getBlockReceipts' : 'eth_getTransactionReceipt', `block ${block.number}: ${r.length} receipts for ${expected.length} transactions`);
    }
    return { block, receipts: r, frames: frames[i]! };
  });
}

function ok(outcome: RpcOutcome): JsonValue {
  if (!outcome.ok) throw outcome.error as RpcResponseError;
  return outcome.result;
}

function read<T>(client: RpcClient, method: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ShapeError) throw new RpcDataError(client.endpoint, method, err.message);
    throw err;
  }
}
