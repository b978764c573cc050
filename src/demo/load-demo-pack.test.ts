import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGraph } from '../graph/graph-cache.js';
import { computeListStats } from '../lists/stats.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { TransferStore } from '../store/transfer-store.js';
import { applyStoreDerivedLabels } from '../tracing/labels/derived-labels.js';
import { loadLabels } from '../tracing/labels/load-labels.js';
import { traceReport } from '../tracing/trace.js';
import type { DemoChainTruth } from './chain-scenario.js';
import { loadDemoPack, type DemoPart } from './load-demo-pack.js';
import { findIncidentWithLocal } from './local-incidents.js';
import { DEMO_CHAIN_TRUTH_FILE, DEMO_INCIDENT_ID, DEMO_LIST } from './paths.js';

const truth = JSON.parse(readFileSync(DEMO_CHAIN_TRUTH_FILE, 'utf8')) as DemoChainTruth;

let home: string;
let store: Store;
let parts: DemoPart[];
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'cf-demo-pack-'));
  store = await openStore({ home });
  parts = (await loadDemoPack(store, home)).parts;
});
afterAll(async () => store.close());

describe('loadDemoPack on an empty store', () => {
  it('loads the lists, the chain scenario, the service labels and the demo incident, one part at a time', async () => {
    expect(parts.map((p) => p.part)).toEqual(['lists', 'chain', 'labels', 'incident']);
    expect((await store.activeVersions()).map((v) => v.list)).toEqual([DEMO_LIST]);
    const transfers = await TransferStore.open({ home });
    try {
      expect(transfers.countTransfers('ethereum')).toBe(truth.transfers);
    } finally {
      await transfers.close();
    }
    expect(parts[1]!.summary).toContain(truth.transfers.toLocaleString('en'));
    expect(findIncidentWithLocal(home, DEMO_INCIDENT_ID).name).toMatch(/generated demo scenario/);
  });

  it('loads nothing the second time', async () => {
    const again = await loadDemoPack(store, home);
    expect(again).toEqual({ status: 'present', parts: [] });
    expect((await store.activeVersions()).length).toBe(1);
  });

  it('traces the demo incident to the bridge, exchange, mixer, OTC, instant-exchanger and DEX exits the generator planted', async () => {
    const transfers = await TransferStore.open({ home });
    try {
      const { graph } = openGraph(transfers, home, 'ethereum');
      const labels = await loadLabels(store, home);
      applyStoreDerivedLabels(transfers, graph, labels);
      const { report } = traceReport(graph, labels, { incident: findIncidentWithLocal(home, DEMO_INCIDENT_ID), model: 'haircut', hops: 10 });
      const found = new Map<string, number>();
      for (const x of report.exits) found.set(`${x.service}|${x.category}|${x.asset}`, (found.get(`${x.service}|${x.category}|${x.asset}`) ?? 0) + x.amount);
      expect([...found.keys()].sort()).toEqual(truth.exits.map((e) => `${e.service}|${e.category}|${e.asset}`).sort());
      for (const e of truth.exits) expect(found.get(`${e.service}|${e.category}|${e.asset}`), e.service).toBeCloseTo(Number(e.amount), 6);
      // Exchange exits are the deposit addresses the heuristic found, each explained.
      const deposits = report.exits.filter((x) => x.category === 'exchange');
      expect(new Set(deposits.map((x) => x.address))).toEqual(new Set(truth.depositAddresses));
      expect(deposits.every((x) => x.basis?.startsWith('deposit address of Demo Exchange'))).toBe(true);
      const patterns = new Set(report.patterns.map((p) => p.name));
      for (const p of ['fan_out_split', 'dormancy_then_burst', 'peel_chain', 'noise_ignored']) expect(patterns, p).toContain(p);
      const dormant = report.patterns.filter((p) => p.name === 'dormancy_then_burst').map((p) => p.summary.split(' ')[0]);
      for (const w of truth.dormant) expect(dormant).toContain(w);
    } finally {
      await transfers.close();
    }
  });
});

describe('loadDemoPack on a store with real data', () => {
  it('touches nothing and says why', async () => {
    const other = mkdtempSync(join(tmpdir(), 'cf-demo-real-'));
    const real = await openStore({ home: other });
    try {
      const entities = [{ id: 'x-1', schema: 'Person', properties: { name: ['Jane Roe'] }, datasets: ['us_ofac_sdn'], target: true }];
      await real.addListVersion({ list: 'us_ofac_sdn', format: 'ftm-jsonl', publishedAt: null, sourceUrl: null, sha256: null, note: null, entities, stats: computeListStats(entities) }, { activate: true });
      const result = await loadDemoPack(real, other);
      expect(result).toEqual({ status: 'skipped', parts: [], reason: 'the store holds other lists (us_ofac_sdn@1)' });
      expect((await real.activeVersions()).map((v) => v.list)).toEqual(['us_ofac_sdn']);
      const transfers = await TransferStore.open({ home: other });
      try {
        expect(transfers.countTransfers()).toBe(0);
      } finally {
        await transfers.close();
      }
    } finally {
      await real.close();
    }
  });
});
