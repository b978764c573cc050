import { CHAINS } from '../../chain/chains.js';
import { ownValue } from '../../common/own.js';
import type { TransferGraph } from '../../graph/transfer-graph.js';
import type { TransferStore } from '../../store/transfer-store.js';
import { depositAddresses } from '../deposit-addresses.js';
import { clusterUtxo, type UtxoTx } from '../utxo-clustering.js';
import { utxoTxsFromStore } from '../utxo-from-store.js';
import type { Label, LabelBook } from './label.js';

/**
 * Labels that spread through multi-input clusters: every member of a cluster gets the labels of the
 * labelled members (origin `cluster`, confidence capped at 50 — GraphSense's level for a forensic
 * heuristic), with the co-spending as evidence.
 *
 * @example
 * clusterLabels(clusterUtxo(txs).clusters, labels) // [{ address: 'bc1…', name: 'Exchange', origin: 'cluster', … }]
 */
export function clusterLabels(clusters: ReadonlyMap<string, string>, labels: LabelBook): Label[] {
  const members = new Map<string, string[]>();
  for (const [address, id] of clusters) {
    const list = members.get(id);
    if (list) list.push(address);
    else members.set(id, [address]);
  }
  const out: Label[] = [];
  for (const [id, addresses] of members) {
    const known = addresses.flatMap((a) => labels.get(a).filter((l) => l.origin !== 'cluster'));
    if (known.length === 0) continue;
    for (const a of addresses) {
      if (labels.get(a).length > 0) continue;
      for (const l of known)
        out.push({
          address: a,
          category: l.category,
          name: l.name,
          origin: 'cluster',
          confidence: Math.min(50, l.confidence),
          detail: l.detail ? `${l.detail} (multi-input cluster)` : 'multi-input cluster',
          source: `co-spent with ${l.address} (${l.name}) in a multi-input cluster of ${addresses.length} addresses (cluster ${id}; CoinJoins excluded)`,
        });
    }
  }
  return out;
}

/** What the heuristics added before a trace or an exposure query. */
export interface DerivedLabels {
  labels: Label[];
  /** UTXO chains: clusters of two or more addresses and CoinJoins skipped. */
  clusters?: number;
  coinjoins?: { txHash: string; kind: string }[];
}

/**
 * Applies the attribution heuristics of the chain's family to a label book, in place: Bitcoin-style chains
 * get multi-input clustering over the stored inputs and outputs (CoinJoins excluded) and labels spread
 * through clusters; account chains get the deposit-address heuristic (an address forwarding its outflows
 * to an exchange hot wallet is labelled as that exchange's deposit address). Derived labels carry their
 * evidence in `source`.
 *
 * @example
 * const { labels: added } = applyDerivedLabels(graph, labels, { utxoTxs: () => utxoTxsFromStore(store, 'bitcoin') });
 */
export function applyDerivedLabels(g: TransferGraph, labels: LabelBook, o: { utxoTxs?: () => Iterable<UtxoTx> } = {}): DerivedLabels {
  const family = ownValue(CHAINS, g.chain)?.family;
  if (family === 'utxo') {
    const { clusters, coinjoins } = clusterUtxo(o.utxoTxs?.() ?? []);
    const added = clusterLabels(clusters, labels);
    for (const l of added) labels.add(l);
    return { labels: added, clusters: new Set(clusters.values()).size, coinjoins };
  }
  const added = depositAddresses(g, labels);
  for (const l of added) labels.add(l);
  return { labels: added };
}

/**
 * {@link applyDerivedLabels} with the UTXO transactions read from the transfer store.
 *
 * @example
 * applyStoreDerivedLabels(store, graph, labels);
 */
export function applyStoreDerivedLabels(store: TransferStore, g: TransferGraph, labels: LabelBook): DerivedLabels {
  return applyDerivedLabels(g, labels, { utxoTxs: () => utxoTxsFromStore(store, g.chain) });
}
