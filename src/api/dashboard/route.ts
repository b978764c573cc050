import { dirname } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CHAINS, nativeDecimals } from '../../chain/chains.js';
import { assembleDashboard } from '../../dashboard/dashboard.js';
import type { ChainGraph, UsdOf } from '../../dashboard/funds-by-service.js';
import { readLocalIncidents, registryIncidents } from '../../demo/local-incidents.js';
import type { Store } from '../../store/store.js';
import { TransferStore } from '../../store/transfer-store.js';
import { graphContext } from '../trace/graph-context.js';
import { dashboardResponse } from './schema.js';

export interface DashboardRouteOptions {
  store: Store;
  /** Where the chain data lives (default: the SQLite store's folder; none with PostgreSQL). */
  home?: string;
  /** Open cases (from the case store); the dashboard shows 0 without it. */
  openCases?: () => Promise<number>;
  /** Screening / vetting results awaiting a decision; the dashboard shows 0 without it (docs/demo.md). */
  openAlerts?: () => Promise<number>;
}

/**
 * `GET /dashboard`: the MSMT figures, the incident registry with its yearly totals, where the traced
 * incidents' funds went by service (the demo incident's exits on a demo store), open cases and alerts,
 * the active lists and the size of the chain data. Access `read`.
 *
 * @example
 * await app.register(dashboardRoutes, { store, openCases: () => cases.countOpen() });
 */
export const dashboardRoutes: FastifyPluginAsyncZod<DashboardRouteOptions> = async (app, { store, home: givenHome, openCases, openAlerts }) => {
  const schema = { tags: ['dashboard'], summary: 'Figures for the start page', response: { 200: dashboardResponse } };
  app.get('/dashboard', { config: { access: 'read' }, schema }, async () => {
    const home = givenHome ?? (store.backend === 'sqlite' ? dirname(store.location) : undefined);
    const transfers = home ? await TransferStore.open({ home }) : undefined;
    try {
      return await assembleDashboard({
        store,
        registry: registryIncidents(),
        ...(home ? { local: readLocalIncidents(home) } : {}),
        ...(transfers ? { chains: () => storedChains(store, transfers, home!), usdOf: usdFrom(transfers) } : {}),
        ...(openCases ? { openCases } : {}),
        ...(openAlerts ? { openAlerts } : {}),
      });
    } finally {
      await transfers?.close();
    }
  });
};

/** The graphs (kept in memory while the transfers do not change) of every chain with stored transfers. */
async function storedChains(store: Store, transfers: TransferStore, home: string): Promise<{ graphs: ChainGraph[]; transfers: number }> {
  const graphs: ChainGraph[] = [];
  let total = 0;
  for (const chain of Object.keys(CHAINS)) {
    const n = transfers.countTransfers(chain);
    if (n === 0) continue;
    total += n;
    graphs.push({ chain, ...(await graphContext(store, chain, home)) });
  }
  return { graphs, transfers: total };
}

/** USD from the store's daily prices (`counterflow prices load`), as `counterflow trace` values bridge legs. */
function usdFrom(store: TransferStore): UsdOf {
  return (chain, asset, amount, time) => {
    const decimals = asset === 'native' ? nativeDecimals(chain) : (store.token(chain, asset)?.decimals ?? null);
    if (decimals === null) return null;
    const usd = store.usdOf({
      chain,
      blockNumber: 0,
      blockTime: Math.floor(Date.parse(time) / 1000),
      txHash: '',
      txIndex: null,
      position: 'a',
      kind: 'native',
      from: null,
      to: null,
      asset,
      amount: BigInt(Math.round(amount * 10 ** decimals)),
      success: true,
      flags: 0,
    });
    return usd === null ? null : Number(usd);
  };
}
