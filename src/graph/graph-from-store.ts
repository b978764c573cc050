import { CHAINS, nativeDecimals } from '../chain/chains.js';
import { NATIVE_ASSET } from '../chain/transfer.js';
import { ownValue } from '../common/own.js';
import type { TransferStore } from '../store/transfer-store.js';
import { utxoSenders, utxoTxsFromStore } from '../tracing/utxo-from-store.js';
import { GraphBuilder } from './graph-builder.js';
import { EDGE_FLAGS, type TransferGraph } from './transfer-graph.js';

/** The stand-in for a missing sender or receiver (coinbase, unknown contract creation). */
export const UNKNOWN_PARTY = '(unknown)';

/**
 * Builds the graph of one chain from the transfer store, streaming rows in execution order. UTXO outputs
 * carry no sender in the store: the graph takes the input address that contributed the most value
 * (see utxoSenders), `(unknown)` for coinbase outputs and unresolved inputs.
 *
 * @example
 * const graph = buildGraphFromStore(await TransferStore.open({ home }), 'ethereum');
 */
export function buildGraphFromStore(store: TransferStore, chain: string): TransferGraph {
  const builder = new GraphBuilder(chain, (asset) => (asset === NATIVE_ASSET ? nativeDecimals(chain) : (store.token(chain, asset)?.decimals ?? null)));
  const utxo = ownValue(CHAINS, chain)?.family === 'utxo';
  const senders = utxo ? utxoSenders(utxoTxsFromStore(store, chain)) : new Map<string, string>();
  for (const t of store.iterateTransfers(chain)) {
    builder.add({
      from: t.from ?? senders.get(t.txHash) ?? UNKNOWN_PARTY,
      to: t.to ?? UNKNOWN_PARTY,
      amount: t.amount,
      asset: t.asset,
      flags: (t.flags & 0x7f) | (t.success === false ? EDGE_FLAGS.failed : 0),
      time: t.blockTime ?? 0,
      block: t.blockNumber,
      txHash: t.txHash,
      position: t.position,
    });
  }
  return builder.build();
}
