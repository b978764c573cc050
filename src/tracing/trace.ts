import { InputError } from '../errors.js';
import type { TransferGraph } from '../graph/transfer-graph.js';
import type { Label, LabelBook } from './labels/label.js';
import type { Incident } from './labels/incidents.js';
import { bridgeDeposits, type BridgeLeg, type BridgeLink } from './bridge-links.js';
import { detectPatterns, type PatternFinding } from './patterns/index.js';
import { runTaint, type Seed, type TaintModel, type TaintResult, type TraceDirection } from './taint-engine.js';

export interface TraceRequest {
  fromAddress?: string[];
  fromTx?: string[];
  incident?: Incident;
  direction?: TraceDirection;
  model?: TaintModel;
  /** `native`, a token contract, or undefined for every asset. */
  asset?: string;
  hops?: number;
  fromTime?: number;
  toTime?: number;
  /** In whole units of `asset` (native when no asset is given). */
  minAmount?: number;
  /**
   * Links deposits into bridge exits with outbounds on another ingested chain (see bridge-links.ts). Without
   * it a bridge is an exit with the amount only.
   */
  bridgeLinker?: (deposits: BridgeLeg[]) => { links: BridgeLink[]; unlinked: { deposit: BridgeLeg; reason: string }[] };
}

/** One deposit of a bridge exit matched to its payout on the other chain. */
export interface TraceBridgeLink {
  deposit_tx: string;
  chain: string;
  tx_hash: string;
  to: string;
  asset: string;
  amount: number;
  confidence: BridgeLink['confidence'];
  basis: string;
}

export interface TraceAddress {
  address: string;
  asset: string;
  tainted_received: number;
  tainted_balance: number;
  hop: number;
  /** `basis`: the evidence of a label derived by a heuristic (deposit address, multi-input cluster). */
  labels: { category: string; name: string; origin: string; basis?: string }[];
}

export interface TraceEdge {
  from: string;
  to: string;
  tx_hash: string;
  position: string;
  block: number;
  time: string;
  asset: string;
  amount: number;
  taint: number;
}

export interface TraceExit {
  service: string;
  category: string;
  address: string;
  asset: string;
  amount: number;
  /** Of the taint created in that asset (seeds plus conversions). */
  share: number;
  hop: number;
  /** Why the address counts as this service when a heuristic says so (deposit address, cluster). */
  basis?: string;
  /** Bridge exits when the other chain is ingested: the payouts linked to the traced deposits, and deposits left unlinked. */
  links?: TraceBridgeLink[];
  unlinked?: { deposit_tx: string; amount: number; reason: string }[];
}

/** What `counterflow trace --json` prints: exactly these four keys. Amounts in whole units of the asset. */
export interface TraceReport {
  addresses: TraceAddress[];
  edges: TraceEdge[];
  exits: TraceExit[];
  patterns: PatternFinding[];
}

/** Labels derived by a heuristic explain themselves. */
export function basisOf(l: Label): { basis?: string } {
  if (l.origin !== 'heuristic' && l.origin !== 'cluster') return {};
  return { basis: `${l.detail ?? l.origin} of ${l.name}: ${l.source ?? 'heuristic'}` };
}

function units(g: TransferGraph, asset: number, amount: number): number {
  const d = g.names.decimals[asset] ?? 0;
  return Number((amount / 10 ** d).toPrecision(15));
}

/** Seeds for a request: addresses (all their outflows), transactions (their transfers), an incident's seed addresses. */
export function seedsFor(g: TransferGraph, r: TraceRequest): Seed[] {
  const seeds: Seed[] = [];
  const mode = 'outflows' as const;
  for (const a of r.fromAddress ?? []) {
    const node = g.node(a.toLowerCase()) ?? g.node(a);
    if (node === undefined) throw new InputError('--from-address', `no stored transfer touches ${a}`);
    seeds.push({ kind: 'address', node, mode, ...(r.fromTime !== undefined ? { fromTime: r.fromTime } : {}), ...(r.toTime !== undefined ? { toTime: r.toTime } : {}) });
  }
  for (const h of r.fromTx ?? []) {
    const edges = g.txEdges(h.toLowerCase());
    if (edges.length === 0) throw new InputError('--from-tx', `no stored transfer in transaction ${h}`);
    seeds.push({ kind: 'edges', edges });
  }
  if (r.incident) {
    let found = 0;
    for (const a of r.incident.addresses) {
      if (!a.seed) continue;
      const node = g.node(a.address.toLowerCase());
      if (node === undefined) continue;
      found++;
      seeds.push({ kind: 'address', node, mode, hop: a.hop ?? 0 });
    }
    if (found === 0) throw new InputError('--incident', `none of the seed addresses of ${r.incident.id} has stored transfers on ${g.chain}; ingest its transfers first`);
  }
  if (seeds.length === 0) throw new InputError('trace', 'give --from-address, --from-tx or --incident');
  return seeds;
}

/**
 * Traces taint from seeds through the graph and reports addresses, edges, exits at labelled services, and
 * patterns.
 *
 * @example
 * const report = traceReport(graph, labels, { fromAddress: ['0x47666fab…86e2'], model: 'haircut', hops: 5 });
 */
export function traceReport(g: TransferGraph, labels: LabelBook, r: TraceRequest): { report: TraceReport; taint: TaintResult } {
  const assetId = r.asset === undefined ? undefined : g.assetId(r.asset.toLowerCase());
  if (r.asset !== undefined && assetId === undefined) throw new InputError('--asset', `no stored transfer of asset "${r.asset}" on ${g.chain}`);
  const serviceCache = new Map<number, Label | undefined>();
  const service = (n: number) => {
    if (!serviceCache.has(n)) serviceCache.set(n, labels.service(g.address(n)));
    return serviceCache.get(n);
  };
  const minAsset = assetId ?? g.assetId('native');
  const taint = runTaint(g, {
    model: r.model ?? 'haircut',
    direction: r.direction ?? 'forward',
    seeds: seedsFor(g, r),
    maxHops: r.hops ?? 10,
    ...(r.fromTime !== undefined ? { fromTime: r.fromTime } : {}),
    ...(r.toTime !== undefined ? { toTime: r.toTime } : {}),
    ...(r.minAmount !== undefined && minAsset !== undefined ? { minAmount: r.minAmount * 10 ** (g.names.decimals[minAsset] ?? 0) } : {}),
    ...(assetId !== undefined ? { seedAssets: [assetId] } : {}),
    isStop: (n) => service(n) !== undefined,
  });
  const keep = (asset: number) => assetId === undefined || asset === assetId;
  const addresses: TraceAddress[] = taint.holdings
    .filter((h) => keep(h.asset))
    .map((h) => ({
      address: g.address(h.node),
      asset: g.names.assets[h.asset]!,
      tainted_received: units(g, h.asset, h.taintedReceived),
      tainted_balance: units(g, h.asset, h.taintedBalance),
      hop: taint.hops.get(h.node) ?? 0,
      labels: labels.get(g.address(h.node)).map((l) => ({ category: l.category, name: l.name, origin: l.origin, ...basisOf(l) })),
    }))
    .sort((a, b) => a.hop - b.hop || b.tainted_received - a.tainted_received || a.address.localeCompare(b.address));
  const edges: TraceEdge[] = [...taint.edgeTaint]
    .filter(([e]) => keep(g.asset[e]!))
    .sort((a, b) => a[0] - b[0])
    .map(([e, t]) => ({
      from: g.address(g.src[e]!),
      to: g.address(g.dst[e]!),
      tx_hash: g.names.txHash(g.tx[e]!),
      position: g.names.position(e),
      block: g.block[e]!,
      time: new Date(g.time[e]! * 1000).toISOString(),
      asset: g.names.assets[g.asset[e]!]!,
      amount: units(g, g.asset[e]!, g.amount[e]!),
      taint: units(g, g.asset[e]!, t),
    }));
  const created = (asset: number) => (taint.injected.get(asset) ?? 0) + (taint.converted.get(asset) ?? 0);
  const exits: TraceExit[] = [];
  for (const h of taint.holdings) {
    if (!taint.stops.has(h.node) || !keep(h.asset)) continue;
    const s = service(h.node)!;
    exits.push({
      service: s.name,
      category: s.category,
      address: g.address(h.node),
      asset: g.names.assets[h.asset]!,
      amount: units(g, h.asset, h.taintedReceived),
      share: created(h.asset) > 0 ? Number((h.taintedReceived / created(h.asset)).toFixed(6)) : 0,
      hop: taint.hops.get(h.node) ?? 0,
      ...basisOf(s),
    });
  }
  exits.sort((a, b) => b.share - a.share);
  const report: TraceReport = { addresses, edges, exits, patterns: detectPatterns({ graph: g, taint }) };
  if (r.bridgeLinker) linkBridgeExits(report, g.chain, r.bridgeLinker);
  return { report, taint };
}

function linkBridgeExits(report: TraceReport, chain: string, linker: NonNullable<TraceRequest['bridgeLinker']>): void {
  for (const exit of report.exits) {
    if (exit.category !== 'bridge') continue;
    const deposits = bridgeDeposits(report, chain, exit.service).filter((d) => d.to === exit.address && d.asset === exit.asset);
    if (deposits.length === 0) continue;
    const { links, unlinked } = linker(deposits);
    exit.links = links.map((l) => ({
      deposit_tx: l.deposit.txHash,
      chain: l.outbound.chain,
      tx_hash: l.outbound.txHash,
      to: l.outbound.to,
      asset: l.outbound.asset,
      amount: l.outbound.amount,
      confidence: l.confidence,
      basis: l.basis,
    }));
    exit.unlinked = unlinked.map((u) => ({ deposit_tx: u.deposit.txHash, amount: u.deposit.amount, reason: u.reason }));
  }
}
