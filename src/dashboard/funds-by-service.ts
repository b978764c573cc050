import { CHAINS } from '../chain/chains.js';
import { allowedToken } from '../chain/token-allowlist.js';
import type { TransferGraph } from '../graph/transfer-graph.js';
import type { Incident } from '../tracing/labels/incidents.js';
import type { LabelBook, LabelCategory } from '../tracing/labels/label.js';
import { traceReport, type TraceEdge } from '../tracing/trace.js';

/** A chain's graph and the labels (with the attribution heuristics applied) a trace reads. */
export interface ChainGraph {
  chain: string;
  graph: TransferGraph;
  labels: LabelBook;
}

/** Where traced funds went: one service (by category and name) and asset. */
export interface ServiceFunds {
  category: LabelCategory;
  name: string;
  /** Whole units of `asset`. */
  amount: number;
  /** `ETH`, a token symbol from the allowlist, or the token contract. */
  asset: string;
  /** When every tainted transfer into the service has a price for its day (`counterflow prices load`). */
  usd?: number;
  /** Of the funds the traced incidents put in motion in that asset (seeded plus converted). */
  share: number;
}

/** USD of `amount` whole units of a chain's asset on the day of `time` (ISO), or null without a price. */
export type UsdOf = (chain: string, asset: string, amount: number, time: string) => number | null;

/**
 * Traces every incident whose seed addresses have stored transfers (haircut, 10 hops, as `counterflow
 * trace --incident`) and adds up the exits by service category, name and asset: the chain's own coin first,
 * then by share.
 *
 * @example
 * const { funds, traced } = fundsByService([{ chain: 'ethereum', graph, labels }], incidents);
 * funds[0]; // { category: 'bridge', name: 'DemoBridge', amount: 323837.3, asset: 'ETH', share: 0.66 }
 */
export function fundsByService(chains: readonly ChainGraph[], incidents: readonly Incident[], usdOf?: UsdOf): { funds: ServiceFunds[]; traced: string[] } {
  const groups = new Map<string, ServiceFunds & { priced: boolean; assetKey: string; chain: string }>();
  const created = new Map<string, number>();
  const traced: string[] = [];
  for (const incident of incidents) {
    for (const { chain, graph, labels } of chains) {
      if (!incident.addresses.some((a) => a.seed && graph.node(a.address.toLowerCase()) !== undefined)) continue;
      const { report, taint } = traceReport(graph, labels, { incident, model: 'haircut', hops: 10 });
      traced.push(incident.id);
      for (const [asset, amount] of [...taint.injected, ...taint.converted]) {
        const key = `${chain}|${graph.names.assets[asset]!}`;
        created.set(key, (created.get(key) ?? 0) + amount / 10 ** (graph.names.decimals[asset] ?? 0));
      }
      const inflows = edgesInto(report.edges);
      for (const exit of report.exits) {
        const key = `${chain}|${exit.category}|${exit.service}|${exit.asset}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { category: exit.category as LabelCategory, name: exit.service, amount: 0, asset: assetName(chain, exit.asset), usd: 0, share: 0, priced: true, assetKey: exit.asset, chain }));
        g.amount += exit.amount;
        for (const e of inflows.get(`${exit.address}|${exit.asset}`) ?? []) {
          const usd = usdOf?.(chain, e.asset, e.taint, e.time) ?? null;
          if (usd === null) g.priced = false;
          else g.usd! += usd;
        }
      }
    }
  }
  const funds = [...groups.values()].map(({ priced, assetKey, chain, usd, ...g }) => {
    const total = created.get(`${chain}|${assetKey}`) ?? 0;
    const out: ServiceFunds = { ...g, amount: round(g.amount), share: total > 0 ? Number((g.amount / total).toFixed(6)) : 0 };
    if (usdOf && priced && usd !== undefined) out.usd = Math.round(usd * 100) / 100;
    return out;
  });
  // The chain's own coin first (stolen tokens are mostly swapped into it), then by share.
  const native = new Set(chains.map((c) => assetName(c.chain, 'native')));
  funds.sort((a, b) => Number(native.has(b.asset)) - Number(native.has(a.asset)) || b.share - a.share || b.amount - a.amount || a.name.localeCompare(b.name));
  return { funds, traced: [...new Set(traced)] };
}

function edgesInto(edges: readonly TraceEdge[]): Map<string, TraceEdge[]> {
  const by = new Map<string, TraceEdge[]>();
  for (const e of edges) {
    const key = `${e.to}|${e.asset}`;
    const list = by.get(key);
    if (list) list.push(e);
    else by.set(key, [e]);
  }
  return by;
}

function assetName(chain: string, asset: string): string {
  if (asset === 'native') return (CHAINS as Record<string, { nativeSymbol: string } | undefined>)[chain]?.nativeSymbol ?? asset;
  return allowedToken(chain, asset)?.symbol ?? asset;
}

function round(n: number): number {
  return Number(n.toPrecision(12));
}
