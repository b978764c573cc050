import { openGraph } from '../../graph/graph-cache.js';
import type { TransferGraph } from '../../graph/transfer-graph.js';
import type { Store } from '../../store/store.js';
import { TransferStore } from '../../store/transfer-store.js';
import { applyStoreDerivedLabels } from '../../tracing/labels/derived-labels.js';
import { loadLabels } from '../../tracing/labels/load-labels.js';
import type { LabelBook } from '../../tracing/labels/label.js';
import { apiHome } from '../context.js';

const graphs = new Map<string, { fingerprint: string; graph: TransferGraph }>();

/**
 * The graph of a chain and the labels, for the HTTP routes: the home directory is the one holding the
 * list store's database; the graph is kept in memory while the stored transfers do not change. The
 * attribution heuristics (deposit addresses, multi-input clusters) are applied to the labels.
 *
 * @example
 * const { graph, labels } = await graphContext(store, 'ethereum');
 */
export async function graphContext(store: Store, chain: string, home: string = apiHome({ store })): Promise<{ graph: TransferGraph; labels: LabelBook }> {
  const transfers = await TransferStore.open({ home });
  try {
    const fingerprint = transfers.transferFingerprint(chain);
    const key = `${home}:${chain}`;
    let entry = graphs.get(key);
    if (!entry || entry.fingerprint !== fingerprint) {
      entry = { fingerprint, graph: openGraph(transfers, home, chain).graph };
      graphs.set(key, entry);
    }
    const labels = await loadLabels(store, home);
    applyStoreDerivedLabels(transfers, entry.graph, labels);
    return { graph: entry.graph, labels };
  } finally {
    await transfers.close();
  }
}
