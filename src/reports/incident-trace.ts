import { CHAINS } from '../chain/chains.js';
import type { TransferGraph } from '../graph/transfer-graph.js';
import type { Incident } from '../tracing/labels/incidents.js';
import type { LabelBook } from '../tracing/labels/label.js';
import type { TaintModel } from '../tracing/taint-engine.js';
import { traceReport, type TraceReport } from '../tracing/trace.js';

export interface AssetAmount {
  /** Display symbol (`ETH`, `stETH`) or the token contract when its symbol is unknown. */
  asset: string;
  amount: number;
}

/** A trace of an incident's seeds, with what the report needs beyond the trace JSON. */
export interface IncidentTrace {
  chain: string;
  model: TaintModel;
  hops: number;
  /** The trace with every asset written as its display symbol. */
  report: TraceReport;
  /** Taint the seeds created, per asset. */
  seeded: AssetAmount[];
  /** Taint created by swaps inside traced wallets (received in another asset), per asset. */
  converted: AssetAmount[];
}

/** Why an incident report has the registry facts only. */
export interface TraceUnavailable {
  unavailable: string;
}

export interface IncidentTraceOptions {
  model: TaintModel;
  hops: number;
  /** Symbol of a token contract (`native` is the chain's own symbol); the contract itself when unknown. */
  tokenSymbol?: (asset: string) => string | null | undefined;
}

function units(g: TransferGraph, asset: number, amount: number): number {
  return Number((amount / 10 ** (g.names.decimals[asset] ?? 0)).toPrecision(15));
}

/**
 * Runs the trace of an incident's seed addresses when the graph holds their transfers; otherwise says
 * why not (no seed address in the registry, none with stored transfers).
 *
 * @example
 * const t = traceIncident(graph, labels, findIncident('bybit-2025'), { model: 'haircut', hops: 10 });
 * if ('unavailable' in t) console.log(t.unavailable);
 */
export function traceIncident(g: TransferGraph, labels: LabelBook, incident: Incident, o: IncidentTraceOptions): IncidentTrace | TraceUnavailable {
  const seeds = incident.addresses.filter((a) => a.seed);
  if (seeds.length === 0) return { unavailable: `the registry names no seed address for ${incident.id}, so there is nothing to trace from` };
  if (!seeds.some((a) => g.node(a.address.toLowerCase()) !== undefined || g.node(a.address) !== undefined)) {
    return { unavailable: `the chain store holds no ${g.chain} transfer of the incident's seed address${seeds.length > 1 ? 'es' : ''} (${seeds.map((s) => s.address).join(', ')})` };
  }
  const { report, taint } = traceReport(g, labels, { incident, model: o.model, hops: o.hops });
  const native = (CHAINS as Record<string, { nativeSymbol: string }>)[g.chain]?.nativeSymbol ?? 'native';
  const symbols = new Map<string, string>();
  const symbol = (asset: string): string => {
    let s = symbols.get(asset);
    if (s === undefined) {
      s = asset === 'native' ? native : (o.tokenSymbol?.(asset) ?? asset);
      symbols.set(asset, s);
    }
    return s;
  };
  const amounts = (m: Map<number, number>): AssetAmount[] =>
    [...m].filter(([, v]) => v > 0).map(([asset, v]) => ({ asset: symbol(g.names.assets[asset]!), amount: units(g, asset, v) }));
  return {
    chain: g.chain,
    model: o.model,
    hops: o.hops,
    report: {
      addresses: report.addresses.map((a) => ({ ...a, asset: symbol(a.asset) })),
      edges: report.edges.map((e) => ({ ...e, asset: symbol(e.asset) })),
      exits: report.exits.map((x) => ({ ...x, asset: symbol(x.asset) })),
      patterns: report.patterns,
    },
    seeded: amounts(taint.injected),
    converted: amounts(taint.converted),
  };
}
