import { openGraph } from '../graph/graph-cache.js';
import type { TransferGraph } from '../graph/transfer-graph.js';
import type { Store } from '../store/store.js';
import { TransferStore } from '../store/transfer-store.js';
import { applyStoreDerivedLabels } from './labels/derived-labels.js';
import type { LabelBook } from './labels/label.js';
import { loadLabels } from './labels/load-labels.js';

export interface StoredGraphs {
  /** Chains with stored transfers. */
  chains: readonly string[];
  /** The chain's graph (from the graph cache when the transfers did not change) and the labels with the attribution heuristics applied. */
  graph(chain: string): Promise<{ graph: TransferGraph; labels: LabelBook } | null>;
  close(): Promise<void>;
}

/**
 * Opens the transfer store of a home directory and builds each chain's graph on first use, for callers
 * that may or may not need chain data (vetting payout wallets, reports).
 *
 * @example
 * const graphs = await openStoredGraphs(store, home);
 * const eth = await graphs.graph('ethereum');
 * await graphs.close();
 */
export async function openStoredGraphs(store: Store | undefined, home: string): Promise<StoredGraphs> {
  const transfers = await TransferStore.open({ home });
  const chains = (await transfers.status()).chains.filter((c) => c.transfers > 0).map((c) => c.chain);
  const built = new Map<string, { graph: TransferGraph; labels: LabelBook }>();
  let labels: Promise<LabelBook> | undefined;
  return {
    chains,
    async graph(chain) {
      if (!chains.includes(chain)) return null;
      let entry = built.get(chain);
      if (!entry) {
        const graph = openGraph(transfers, home, chain).graph;
        const book = await (labels ??= loadLabels(store, home));
        applyStoreDerivedLabels(transfers, graph, book);
        built.set(chain, (entry = { graph, labels: book }));
      }
      return entry;
    },
    close: () => transfers.close(),
  };
}
