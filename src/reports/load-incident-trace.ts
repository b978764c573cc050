import { CHAINS } from '../chain/chains.js';
import { openGraph } from '../graph/graph-cache.js';
import type { Store } from '../store/store.js';
import { TransferStore } from '../store/transfer-store.js';
import { applyStoreDerivedLabels } from '../tracing/labels/derived-labels.js';
import type { Incident } from '../tracing/labels/incidents.js';
import { loadLabels } from '../tracing/labels/load-labels.js';
import type { TaintModel } from '../tracing/taint-engine.js';
import { traceIncident, type IncidentTrace, type TraceUnavailable } from './incident-trace.js';

/**
 * Traces an incident over the chain store of a home directory: the first of the incident's chains with
 * stored transfers, its graph (cached on disk), every label (lists, registry, user labels, heuristics),
 * token symbols from the store. Says why not when no chain of the incident has stored transfers.
 *
 * @example
 * const trace = await loadIncidentTrace(home, lists, incident, { model: 'haircut', hops: 10 });
 */
export async function loadIncidentTrace(home: string, lists: Store | undefined, incident: Incident, o: { model: TaintModel; hops: number }): Promise<IncidentTrace | TraceUnavailable> {
  const store = await TransferStore.open({ home });
  try {
    const chain = incident.chains.find((c) => Object.hasOwn(CHAINS, c) && store.countTransfers(c) > 0);
    if (!chain) return { unavailable: `the chain store holds no transfer on ${incident.chains.join(', ') || 'the incident’s chains'}` };
    const { graph } = openGraph(store, home, chain);
    const labels = await loadLabels(lists, home);
    applyStoreDerivedLabels(store, graph, labels);
    return traceIncident(graph, labels, incident, { ...o, tokenSymbol: (asset) => store.token(chain, asset)?.symbol });
  } finally {
    await store.close();
  }
}
