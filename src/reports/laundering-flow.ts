import type { Incident } from '../tracing/labels/incidents.js';
import type { DailyMovement, SankeyFlow } from './charts.js';
import type { AssetAmount, IncidentTrace } from './incident-trace.js';

/** How a report names a service category (singular labels become plural group names). */
export const CATEGORY_TITLES: Readonly<Record<string, string>> = {
  bridge: 'Bridges',
  exchange: 'Exchanges',
  mixer: 'Mixers',
  dex: 'DEXs',
  instant_exchanger: 'Instant exchangers',
  otc: 'OTC desks',
  gambling: 'Gambling',
};

const CASH_OUT = new Set(['exchange', 'otc', 'instant_exchanger', 'gambling']);

export interface ExitByService {
  service: string;
  category: string;
  asset: string;
  amount: number;
  /** Of the taint created in that asset. */
  share: number;
  /** Deposit addresses of the service that received taint. */
  addresses: number;
  /** Fewest hops from a seed. */
  hop: number;
}

export interface AppendixAddress {
  address: string;
  hop: number;
  role: string;
  /** Tainted amount received per asset. */
  taint: AssetAmount[];
  labels: string[];
}

/** The laundering flow of a traced incident: what a panel report describes in prose, tables and charts. */
export interface LaunderingFlow {
  /** The asset the charts are drawn in (the one most taint was created in). */
  primaryAsset: string;
  seeds: string[];
  addressCount: number;
  transferCount: number;
  maxHop: number;
  firstMovement?: string;
  lastMovement?: string;
  byHop: { hop: number; addresses: number; received: number }[];
  /** Bridged, swapped, cashed out, mixed, still held: each per asset. */
  movements: { label: string; amounts: AssetAmount[] }[];
  exits: ExitByService[];
  daily: DailyMovement[];
  patterns: { name: string; summary: string }[];
  /** In the primary asset: stolen → category → service, and what traced wallets still hold. */
  sankey: SankeyFlow[];
  addresses: AppendixAddress[];
}

function addTo(list: AssetAmount[], asset: string, amount: number): void {
  const found = list.find((a) => a.asset === asset);
  if (found) found.amount += amount;
  else list.push({ asset, amount });
}

function round(list: AssetAmount[]): AssetAmount[] {
  return list.map((a) => ({ asset: a.asset, amount: Number(a.amount.toPrecision(12)) })).sort((a, b) => b.amount - a.amount);
}

/**
 * Summarises an incident trace as a sanctions panel describes a laundering flow: hops and fan-out,
 * amounts bridged, swapped, cashed out and mixed, exits by service, movements per day, a Sankey of where
 * the funds went, and the addresses with their hop, role (from the registry when it names them), taint
 * and labels.
 *
 * @example
 * const flow = launderingFlow(trace, findIncident('bybit-2025'));
 * flow.exits[0]; // { service: 'THORChain', category: 'bridge', asset: 'ETH', amount: …, share: … }
 */
export function launderingFlow(trace: IncidentTrace, incident: Incident): LaunderingFlow {
  const r = trace.report;
  const created: AssetAmount[] = [];
  for (const a of [...trace.seeded, ...trace.converted]) addTo(created, a.asset, a.amount);
  const primaryAsset = [...created].sort((a, b) => b.amount - a.amount)[0]?.asset ?? r.edges[0]?.asset ?? '';

  const exitKey = (x: { service: string; category: string; asset: string }) => `${x.service}\u0000${x.category}\u0000${x.asset}`;
  const exitGroups = new Map<string, ExitByService>();
  const exitAddresses = new Set<string>();
  for (const x of r.exits) {
    exitAddresses.add(x.address);
    const g = exitGroups.get(exitKey(x));
    if (g) {
      g.amount += x.amount;
      g.share += x.share;
      g.addresses++;
      g.hop = Math.min(g.hop, x.hop);
    } else exitGroups.set(exitKey(x), { service: x.service, category: x.category, asset: x.asset, amount: x.amount, share: x.share, addresses: 1, hop: x.hop });
  }
  const exits = [...exitGroups.values()]
    .map((x) => ({ ...x, amount: Number(x.amount.toPrecision(12)), share: Number(x.share.toFixed(6)) }))
    .sort((a, b) => Number(b.asset === primaryAsset) - Number(a.asset === primaryAsset) || b.amount - a.amount || a.service.localeCompare(b.service));

  const byCategory = (test: (category: string) => boolean) => {
    const out: AssetAmount[] = [];
    for (const x of exits) if (test(x.category)) addTo(out, x.asset, x.amount);
    return round(out);
  };
  const held: AssetAmount[] = [];
  for (const a of r.addresses) if (!exitAddresses.has(a.address) && a.tainted_balance > 0) addTo(held, a.asset, a.tainted_balance);
  const movements = [
    { label: 'Bridged (bridges)', amounts: byCategory((c) => c === 'bridge') },
    { label: 'Swapped inside traced wallets (followed into the new asset)', amounts: round(trace.converted) },
    { label: 'Sent to DEXs (the trace stops there)', amounts: byCategory((c) => c === 'dex') },
    { label: 'Cashed out (exchanges, OTC desks, instant exchangers, gambling)', amounts: byCategory((c) => CASH_OUT.has(c)) },
    { label: 'Mixed (mixers)', amounts: byCategory((c) => c === 'mixer') },
    { label: 'Still held by traced wallets', amounts: round(held) },
  ];

  const hopOf = new Map<string, number>();
  for (const a of r.addresses) hopOf.set(a.address, Math.min(hopOf.get(a.address) ?? Infinity, a.hop));
  const hopRows = new Map<number, { hop: number; addresses: Set<string>; received: number }>();
  for (const a of r.addresses) {
    let row = hopRows.get(a.hop);
    if (!row) hopRows.set(a.hop, (row = { hop: a.hop, addresses: new Set(), received: 0 }));
    row.addresses.add(a.address);
    if (a.asset === primaryAsset) row.received += a.tainted_received;
  }
  const byHop = [...hopRows.values()].sort((a, b) => a.hop - b.hop).map((h) => ({ hop: h.hop, addresses: h.addresses.size, received: Number(h.received.toPrecision(12)) }));

  const days = new Map<string, DailyMovement>();
  for (const e of r.edges) {
    const day = e.time.slice(0, 10);
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, amount: 0, transfers: 0 }));
    d.transfers++;
    if (e.asset === primaryAsset) d.amount += e.taint;
  }
  const daily = [...days.values()].sort((a, b) => a.day.localeCompare(b.day)).map((d) => ({ ...d, amount: Number(d.amount.toPrecision(12)) }));

  const roles = new Map<string, string>();
  for (const a of incident.addresses) roles.set(a.address.toLowerCase(), a.role);
  for (const s of incident.services) if (!roles.has(s.address.toLowerCase())) roles.set(s.address.toLowerCase(), `${s.name} (${s.category})`);
  const exitService = new Map(r.exits.map((x) => [x.address, x.service]));
  const appendix = new Map<string, AppendixAddress>();
  for (const a of r.addresses) {
    let row = appendix.get(a.address);
    if (!row) {
      const service = exitService.get(a.address);
      const role = roles.get(a.address.toLowerCase()) ?? (service ? `exit: ${service}` : a.hop === 0 ? 'seed' : a.tainted_balance > 0 ? 'holds taint' : 'intermediary');
      appendix.set(a.address, (row = { address: a.address, hop: hopOf.get(a.address)!, role, taint: [], labels: [] }));
    }
    addTo(row.taint, a.asset, a.tainted_received);
    for (const l of a.labels) {
      const text = `${l.category}: ${l.name}`;
      if (!row.labels.includes(text)) row.labels.push(text);
    }
  }
  const primaryTaint = (row: AppendixAddress) => row.taint.find((t) => t.asset === primaryAsset)?.amount ?? 0;
  const addresses = [...appendix.values()]
    .map((row) => ({ ...row, taint: round(row.taint) }))
    .sort((a, b) => a.hop - b.hop || primaryTaint(b) - primaryTaint(a) || a.address.localeCompare(b.address));

  const times = r.edges.map((e) => e.time).sort();
  return {
    primaryAsset,
    seeds: incident.addresses.filter((a) => a.seed).map((a) => a.address),
    addressCount: appendix.size,
    transferCount: r.edges.length,
    maxHop: byHop.at(-1)?.hop ?? 0,
    ...(times.length ? { firstMovement: times[0]!, lastMovement: times.at(-1)! } : {}),
    byHop,
    movements,
    exits,
    daily,
    patterns: r.patterns.map((p) => ({ name: p.name, summary: p.summary })),
    sankey: sankeyFlows(exits, held, trace.converted, primaryAsset),
    addresses,
  };
}

/** At most this many services are drawn one by one; the rest are grouped. */
const SANKEY_SERVICES = 12;

function sankeyFlows(exits: readonly ExitByService[], held: readonly AssetAmount[], converted: readonly AssetAmount[], asset: string): SankeyFlow[] {
  const source = converted.some((c) => c.asset === asset) ? `Stolen ${asset} and swaps into ${asset}` : `Stolen ${asset}`;
  const taken = new Set([source]);
  const unique = (name: string) => {
    let n = name;
    while (taken.has(n)) n = `${n} `;
    taken.add(n);
    return n;
  };
  const categoryNode = new Map<string, string>();
  const flows: SankeyFlow[] = [];
  const mine = exits.filter((x) => x.asset === asset && x.amount > 0).sort((a, b) => b.amount - a.amount);
  const perCategory = new Map<string, number>();
  for (const x of mine) perCategory.set(x.category, (perCategory.get(x.category) ?? 0) + x.amount);
  for (const [category, amount] of perCategory) {
    const node = unique(CATEGORY_TITLES[category] ?? category);
    categoryNode.set(category, node);
    flows.push({ source, target: node, value: amount });
  }
  const rest = new Map<string, { amount: number; count: number }>();
  mine.forEach((x, i) => {
    if (i < SANKEY_SERVICES) flows.push({ source: categoryNode.get(x.category)!, target: unique(x.service), value: x.amount });
    else {
      const r = rest.get(x.category) ?? { amount: 0, count: 0 };
      rest.set(x.category, { amount: r.amount + x.amount, count: r.count + 1 });
    }
  });
  for (const [category, r] of rest) flows.push({ source: categoryNode.get(category)!, target: unique(`${r.count} other ${(CATEGORY_TITLES[category] ?? category).toLowerCase()}`), value: r.amount });
  const still = held.find((h) => h.asset === asset)?.amount ?? 0;
  if (still > 0) flows.push({ source, target: unique('Still held by traced wallets'), value: still });
  return flows;
}
