import { DEMO_LIST } from '../demo/paths.js';
import { versionJson } from '../lists/version-json.js';
import type { Store } from '../store/store.js';
import { yearTotals, type Incident } from '../tracing/labels/incidents.js';
import { fundsByService, type ChainGraph, type ServiceFunds, type UsdOf } from './funds-by-service.js';
import { msmtFigures, type MsmtFigures } from './msmt.js';

/** `GET /dashboard` (the shared HTTP contract of the web app). */
export interface Dashboard {
  msmt: MsmtFigures;
  /** The reviewed registry: real incidents only (generated demo incidents are not facts). */
  incidents: { id: string; name: string; date: string; victim: string; chains: string[]; usdLow: number | null; usdHigh: number | null; attribution: { actor: string; by: string; source: string } }[];
  /** Registry totals per year; incidents without a sourced USD figure count in `incidents` but not in the sums. */
  stolenPerYear: { year: string; incidents: number; usdLow: number; usdHigh: number }[];
  /** Exits of the traces of every incident (registry or local, e.g. the demo's) whose transfers are stored. */
  fundsByService: ServiceFunds[];
  openCases: number;
  openAlerts: number;
  lists: { ref: string; targetCount: number; dprkEntries: number; publishedAt: string | null }[];
  chain: { transfers: number; addresses: number };
}

/** Where the dashboard's figures come from. */
export interface DashboardSources {
  store: Store;
  /** The reviewed registry. */
  registry: readonly Incident[];
  /** Incidents recorded in the home directory (the demo's generated incident). */
  local?: readonly Incident[];
  /** Graphs of the chains with stored transfers, and how many transfers each holds. */
  chains?: () => Promise<{ graphs: ChainGraph[]; transfers: number }>;
  usdOf?: UsdOf;
  /** Open cases (the case store); 0 when not given. */
  openCases?: () => Promise<number>;
  /** Screening / vetting results awaiting a decision; 0 when not given (see docs/demo.md). */
  openAlerts?: () => Promise<number>;
}

/**
 * Assembles the dashboard: the MSMT figures, the registry's incidents and yearly totals, where the traced
 * incidents' funds went by service, open cases and alerts, the active lists and the size of the chain data.
 *
 * @example
 * const d = await assembleDashboard({ store, registry: registryIncidents(), local: readLocalIncidents(home) });
 */
export async function assembleDashboard(s: DashboardSources): Promise<Dashboard> {
  const lists: Dashboard['lists'] = [];
  for (const v of await s.store.activeVersions()) {
    if (v.list === DEMO_LIST && v.entityCount === 0) continue; // the retired demo excerpt
    const stats = await s.store.versionStats(v.id);
    const { ref, targetCount, publishedAt } = versionJson(v);
    lists.push({ ref, targetCount, dprkEntries: stats.byRegime.DPRK ?? 0, publishedAt });
  }
  const chains = (await s.chains?.()) ?? { graphs: [], transfers: 0 };
  const { funds } = fundsByService(chains.graphs, [...s.registry, ...(s.local ?? [])], s.usdOf);
  return {
    msmt: msmtFigures(),
    incidents: s.registry.map((i) => ({
      id: i.id,
      name: i.name,
      date: i.date,
      victim: i.victim,
      chains: i.chains,
      usdLow: i.usd?.low ?? null,
      usdHigh: i.usd?.high ?? null,
      attribution: { actor: i.attribution.actor, by: i.attribution.by, source: sourceTitle(i, i.attribution.source) },
    })),
    stolenPerYear: yearTotals(s.registry).map(({ year, incidents, usdLow, usdHigh }) => ({ year, incidents, usdLow, usdHigh })),
    fundsByService: funds,
    openCases: (await s.openCases?.()) ?? 0,
    openAlerts: (await s.openAlerts?.()) ?? 0,
    lists,
    chain: { transfers: chains.transfers, addresses: chains.graphs.reduce((n, g) => n + g.graph.nodeCount, 0) },
  };
}

/** A source id of an incident as its URL, else its title. */
function sourceTitle(i: Incident, id: string): string {
  const s = i.sources.find((x) => x.id === id);
  return s?.url ?? s?.title ?? id;
}
