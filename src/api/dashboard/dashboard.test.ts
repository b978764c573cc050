import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoChainTruth } from '../../demo/chain-scenario.js';
import { registryIncidents } from '../../demo/local-incidents.js';
import { DEMO_CHAIN_TRUTH_FILE, DEMO_LIST } from '../../demo/paths.js';
import { openDemoHome, type DemoHome } from '../../demo/test-support/demo-home.js';
import { loadScreener } from '../../screening/load-screener.js';
import { yearTotals } from '../../tracing/labels/incidents.js';
import { buildApp } from '../app.js';
import { dashboardResponse } from './schema.js';
import { dashboardRoutes } from './route.js';

const truth = JSON.parse(readFileSync(DEMO_CHAIN_TRUTH_FILE, 'utf8')) as DemoChainTruth;

let demo: DemoHome;
let app: FastifyInstance;
beforeAll(async () => {
  demo = await openDemoHome();
  const { screener } = await loadScreener(demo.store);
  app = buildApp({ store: demo.store, screener });
  await app.register(dashboardRoutes, { store: demo.store, openCases: async () => 2 });
});
afterAll(async () => {
  await app.close();
  await demo.close();
});

describe('GET /dashboard on the demo store', () => {
  it('answers the contract shape: registry totals, where the demo incident’s funds went, lists and chain size', async () => {
    const res = await app.inject({ method: 'GET', url: '/dashboard' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(dashboardResponse.strict().safeParse(body).success).toBe(true);
    expect(Object.keys(body).sort()).toEqual(['chain', 'fundsByService', 'incidents', 'lists', 'msmt', 'openAlerts', 'openCases', 'stolenPerYear']);
    expect(body.stolenPerYear).toEqual(yearTotals(registryIncidents()).map(({ unpriced: _u, ...t }) => t));
    expect(body.incidents.map((i: { id: string }) => i.id)).not.toContain('demo-bybit-like-2025');
    const top = truth.exits[0]!;
    expect(body.fundsByService[0]).toMatchObject({ category: top.category, name: top.service, asset: 'ETH' });
    expect(body.fundsByService[0].amount).toBeCloseTo(Number(top.amount), 6);
    expect(new Set(body.fundsByService.map((f: { category: string }) => f.category))).toEqual(new Set(truth.exits.map((e) => e.category)));
    expect(body.fundsByService.find((f: { asset: string }) => f.asset === 'stETH')).toMatchObject({ category: 'dex', amount: 90_000 });
    expect(body.openCases).toBe(2);
    expect(body.openAlerts).toBe(0);
    expect(body.lists).toEqual([{ ref: `${DEMO_LIST}@1`, targetCount: 12, dprkEntries: 12, publishedAt: null }]);
    expect(body.chain.transfers).toBe(truth.transfers);
    expect(body.chain.addresses).toBeGreaterThan(truth.users);
  });
});
