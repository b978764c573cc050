import type { TraceAddress, TraceEdge, TraceExit, TraceLabel, TraceReport } from '../api-types.js';

/** Client-side filters of a trace (applied without asking the server again). */
export interface TraceFilters {
  hopMin: number;
  hopMax: number;
  /** An asset of the trace, or '' for all. */
  asset: string;
  /** ISO date-times (inclusive); '' for no bound. */
  from: string;
  to: string;
  /** Smallest tainted amount of a transfer or an exit, in whole units; 0 for all. */
  minAmount: number;
}

export interface TraceBounds {
  maxHop: number;
  assets: string[];
  firstTime: string | undefined;
  lastTime: string | undefined;
}

/**
 * What the filters can range over in a report: hops, assets, first and last transfer time.
 *
 * @example
 * const b = traceBounds(report); // { maxHop: 6, assets: ['native'], firstTime: '2025-02-21T14:13:35.000Z', … }
 */
export function traceBounds(report: TraceReport): TraceBounds {
  let maxHop = 0;
  const assets = new Set<string>();
  for (const a of report.addresses) {
    maxHop = Math.max(maxHop, a.hop);
    assets.add(a.asset);
  }
  for (const e of report.edges) assets.add(e.asset);
  let first: string | undefined;
  let last: string | undefined;
  for (const e of report.edges) {
    if (first === undefined || e.time < first) first = e.time;
    if (last === undefined || e.time > last) last = e.time;
  }
  return { maxHop, assets: [...assets].sort(), firstTime: first, lastTime: last };
}

/**
 * Filters that let everything through.
 *
 * @example
 * const [filters, setFilters] = useState(() => openFilters(traceBounds(report)));
 */
export function openFilters(b: TraceBounds): TraceFilters {
  return { hopMin: 0, hopMax: b.maxHop, asset: '', from: '', to: '', minAmount: 0 };
}

/** A trace after the filters: the addresses, transfers and exits left. */
export interface FilteredTrace {
  addresses: TraceAddress[];
  edges: TraceEdge[];
  exits: TraceExit[];
}

/**
 * Applies the filters: an address is kept when its hop is in range (and its asset selected); a
 * transfer when its asset, time and tainted amount pass and both ends are kept; an exit when its asset,
 * hop and amount pass.
 *
 * @example
 * filterTrace(report, { ...openFilters(bounds), hopMax: 2 }).addresses.every((a) => a.hop <= 2); // true
 */
export function filterTrace(report: TraceReport, f: TraceFilters): FilteredTrace {
  const assetOk = (asset: string) => !f.asset || asset === f.asset;
  const hopOk = (hop: number) => hop >= f.hopMin && hop <= f.hopMax;
  const addresses = report.addresses.filter((a) => assetOk(a.asset) && hopOk(a.hop));
  const kept = new Set(addresses.map((a) => a.address));
  const fromMs = f.from ? Date.parse(f.from) : -Infinity;
  const toMs = f.to ? Date.parse(f.to) : Infinity;
  const edges = report.edges.filter((e) => {
    if (!assetOk(e.asset) || e.taint < f.minAmount) return false;
    const t = Date.parse(e.time);
    return t >= fromMs && t <= toMs && kept.has(e.from) && kept.has(e.to);
  });
  const exits = report.exits.filter((x) => assetOk(x.asset) && hopOk(x.hop) && x.amount >= f.minAmount);
  return { addresses, edges, exits };
}

/** How an address takes part in the trace; drawn with its own shape so colour is not the only signal. */
export type NodeRole = 'seed' | 'exit' | 'flagged' | 'intermediate';

export interface GraphNode {
  /** The address, `service:<category>:<name>` for the exits at one service, `others:<hop>` for merged wallets. */
  id: string;
  hop: number;
  role: NodeRole;
  /** The label category that colours the node (`exchange`, `bridge`, `stolen_funds` …) or `none`. */
  category: string;
  /** The label's (service's) name when there is one. */
  name: string | undefined;
  labels: TraceLabel[];
  /** The addresses the node stands for (one, or a service's exit addresses). */
  members: string[];
  /** Tainted amount received per asset. */
  received: Map<string, number>;
  /** The largest tainted amount received (any asset): orders nodes when the graph is capped. */
  weight: number;
}

export interface GraphLink {
  id: string;
  from: string;
  to: string;
  asset: string;
  taint: number;
  amount: number;
  transfers: number;
}

export interface TraceGraph {
  nodes: GraphNode[];
  links: GraphLink[];
  /** Addresses merged into per-hop "other wallets" nodes to keep the graph readable. */
  hidden: number;
}

const FLAGGED = new Set(['stolen_funds', 'sanctioned', 'scam']);

/**
 * The node id of a service's exits.
 *
 * @example
 * serviceNodeId({ category: 'bridge', service: 'THORChain' }); // 'service:bridge:THORChain'
 */
export function serviceNodeId(x: { category: string; service: string }): string {
  return `service:${x.category}:${x.service}`;
}

/**
 * The flow graph for the filtered trace: the exits at one service drawn as one node (as an analyst
 * reads "funds reached Exchange X", however many deposit addresses), seeds always, then the most
 * tainted addresses up to `maxNodes`, and the rest merged into one "other wallets" node per hop; one
 * link per sender, receiver and asset with the taint summed.
 *
 * @example
 * const g = traceGraph(filterTrace(report, filters), report.exits, 150);
 */
export function traceGraph(view: FilteredTrace, allExits: readonly TraceExit[], maxNodes: number): TraceGraph {
  const serviceOf = new Map<string, TraceExit>();
  for (const x of allExits) if (!serviceOf.has(x.address)) serviceOf.set(x.address, x);
  const nodeOf = (address: string) => {
    const exit = serviceOf.get(address);
    return exit ? serviceNodeId(exit) : address;
  };
  const nodes = new Map<string, GraphNode>();
  for (const a of view.addresses) {
    const id = nodeOf(a.address);
    let node = nodes.get(id);
    if (!node) {
      const exit = serviceOf.get(a.address);
      const role: NodeRole = exit ? 'exit' : a.hop === 0 ? 'seed' : a.labels.some((l) => FLAGGED.has(l.category)) ? 'flagged' : 'intermediate';
      const label = exit ? { category: exit.category, name: exit.service } : a.labels[0];
      node = { id, hop: a.hop, role, category: label?.category ?? 'none', name: label?.name, labels: exit ? [] : a.labels, members: [], received: new Map(), weight: 0 };
      nodes.set(id, node);
    }
    if (!node.members.includes(a.address)) node.members.push(a.address);
    node.hop = Math.min(node.hop, a.hop);
    const received = (node.received.get(a.asset) ?? 0) + a.tainted_received;
    node.received.set(a.asset, received);
    node.weight = Math.max(node.weight, received);
  }
  const rank = (n: GraphNode) => (n.role === 'seed' ? 0 : n.role === 'exit' ? 1 : 2);
  const ordered = [...nodes.values()].sort((a, b) => rank(a) - rank(b) || b.weight - a.weight || a.id.localeCompare(b.id));
  const drawn = ordered.slice(0, Math.max(1, maxNodes));
  // The rest are merged per hop into "other wallets" nodes, so every tainted path stays visible.
  const mergedInto = new Map<string, string>();
  const others = new Map<number, GraphNode>();
  for (const node of ordered.slice(drawn.length)) {
    const group: GraphNode = others.get(node.hop) ?? { id: `others:${node.hop}`, hop: node.hop, role: 'intermediate', category: 'none', name: undefined, labels: [], members: [], received: new Map(), weight: 0 };
    others.set(node.hop, group);
    for (const m of node.members) {
      group.members.push(m);
      mergedInto.set(m, group.id);
    }
    for (const [asset, amount] of node.received) group.received.set(asset, (group.received.get(asset) ?? 0) + amount);
    group.weight = Math.max(...group.received.values());
  }
  for (const g of others.values()) g.name = `${g.members.length} other wallets at hop ${g.hop}`;
  const drawnNode = (address: string) => mergedInto.get(address) ?? nodeOf(address);
  const links = new Map<string, GraphLink>();
  for (const e of view.edges) {
    const from = drawnNode(e.from);
    const to = drawnNode(e.to);
    if (from === to || (!nodes.has(from) && !from.startsWith('others:')) || (!nodes.has(to) && !to.startsWith('others:'))) continue;
    const id = `${from}>${to}>${e.asset}`;
    const link = links.get(id) ?? { id, from, to, asset: e.asset, taint: 0, amount: 0, transfers: 0 };
    link.taint += e.taint;
    link.amount += e.amount;
    link.transfers += 1;
    links.set(id, link);
  }
  const all = [...drawn, ...others.values()];
  const hidden = [...others.values()].reduce((n, g) => n + g.members.length, 0);
  return { nodes: all.sort((a, b) => a.hop - b.hop || b.weight - a.weight || a.id.localeCompare(b.id)), links: [...links.values()], hidden };
}

/**
 * Link width in pixels for a taint amount: logarithmic between 1 and 12, so that a 10,000 ETH hop and
 * a 0.1 ETH hop both stay visible.
 *
 * @example
 * linkWidth(10_000, 10_000); // 12
 */
export function linkWidth(taint: number, maxTaint: number): number {
  if (maxTaint <= 0 || taint <= 0) return 1;
  const r = Math.log1p(taint) / Math.log1p(maxTaint);
  return Math.round((1 + 11 * Math.max(0, Math.min(1, r))) * 10) / 10;
}

/**
 * The asset most transfers of the view moved in (the one the charts show when no asset is chosen).
 *
 * @example
 * mainAsset(view); // 'native'
 */
export function mainAsset(view: FilteredTrace): string | undefined {
  const counts = new Map<string, number>();
  for (const e of view.edges) counts.set(e.asset, (counts.get(e.asset) ?? 0) + 1);
  for (const x of view.exits) counts.set(x.asset, (counts.get(x.asset) ?? 0) + 1);
  let best: string | undefined;
  for (const [asset, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best) && asset < best)) best = asset;
  return best;
}

export interface SankeyData {
  asset: string;
  nodes: { name: string }[];
  links: { source: string; target: string; value: number }[];
}

/**
 * Where the traced funds of one asset ended: traced → service category → service, plus what still
 * sits in unlabelled wallets (their tainted balance). Node names carry a prefix so that a category and
 * a service of the same name stay apart.
 *
 * @example
 * sankeyData(view, 'native', 'ETH').links[0]; // { source: 'Traced ETH', target: 'category: exchange', value: 2150.5 }
 */
export function sankeyData(view: FilteredTrace, asset: string, assetLabel = asset): SankeyData {
  const root = `Traced ${assetLabel}`;
  const byCategory = new Map<string, number>();
  const byService = new Map<string, { category: string; value: number }>();
  const exitAddresses = new Set<string>();
  for (const x of view.exits) {
    if (x.asset !== asset || x.amount <= 0) continue;
    exitAddresses.add(x.address);
    const category = `category: ${x.category}`;
    byCategory.set(category, (byCategory.get(category) ?? 0) + x.amount);
    const key = `${x.category}\u0000${x.service}`;
    const s = byService.get(key) ?? { category, value: 0 };
    s.value += x.amount;
    byService.set(key, s);
  }
  let held = 0;
  for (const a of view.addresses) if (a.asset === asset && !exitAddresses.has(a.address)) held += a.tainted_balance;
  const links: SankeyData['links'] = [];
  for (const [category, value] of byCategory) links.push({ source: root, target: category, value: round(value) });
  for (const [key, s] of byService) {
    links.push({ source: s.category, target: key.split('\u0000')[1]!, value: round(s.value) });
  }
  if (held > 0) links.push({ source: root, target: 'still in unlabelled wallets', value: round(held) });
  const names = new Set<string>([root]);
  for (const l of links) {
    names.add(l.source);
    names.add(l.target);
  }
  return { asset, nodes: [...names].map((name) => ({ name })), links: links.filter((l) => l.value > 0) };
}

export interface TimelineDay {
  day: string;
  transfers: number;
  /** Tainted amount moved that day, in the chosen asset. */
  taint: number;
}

/**
 * Tainted movements per UTC day: how many transfers (any asset) and how much taint of `asset` moved.
 * Days without movement between the first and the last are included, so that dormancy shows as a gap.
 *
 * @example
 * timelineData(view, 'native')[0]; // { day: '2025-02-21', transfers: 41, taint: 400000 }
 */
export function timelineData(view: FilteredTrace, asset: string | undefined, maxDays = 400): TimelineDay[] {
  const days = new Map<string, TimelineDay>();
  for (const e of view.edges) {
    const day = e.time.slice(0, 10);
    const d = days.get(day) ?? { day, transfers: 0, taint: 0 };
    d.transfers += 1;
    if (asset === undefined || e.asset === asset) d.taint += e.taint;
    days.set(day, d);
  }
  const sorted = [...days.keys()].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return [];
  const span = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000;
  if (span > maxDays) return sorted.map((d) => ({ ...days.get(d)!, taint: round(days.get(d)!.taint) }));
  const out: TimelineDay[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const d = days.get(day);
    out.push(d ? { ...d, taint: round(d.taint) } : { day, transfers: 0, taint: 0 });
  }
  return out;
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}
