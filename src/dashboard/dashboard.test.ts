import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryIncidents } from '../demo/local-incidents.js';
import { openStore } from '../store/open-store.js';
import { yearTotals } from '../tracing/labels/incidents.js';
import { assembleDashboard } from './dashboard.js';

describe('assembleDashboard', () => {
  it('on an empty store: the MSMT figures and the registry, nothing traced, cases and alerts from the given sources', async () => {
    const store = await openStore({ home: mkdtempSync(join(tmpdir(), 'cf-dashboard-')) });
    try {
      const registry = registryIncidents();
      const d = await assembleDashboard({ store, registry, openCases: async () => 3, openAlerts: async () => 5 });
      expect(d.msmt).toMatchObject({ period: 'January 2024 – September 2025', stolenUsd: 2_840_000_000 });
      expect(d.msmt.byYear.map((y) => [y.year, y.usd])).toEqual([['2024', 1_190_000_000], ['2025', 1_650_000_000]]);
      expect(d.msmt.byYear[0]!.source).toBe('MSMT report, 2025-10-22: "$1.19 billion in 2024"');
      expect(d.msmt.byYear.reduce((n, y) => n + y.usd, 0)).toBe(d.msmt.stolenUsd);
      expect(d.incidents.map((i) => i.id)).toEqual(registry.map((i) => i.id));
      expect(d.incidents.find((i) => i.id === 'bybit-2025')).toMatchObject({ usdLow: 1_400_000_000, usdHigh: 1_500_000_000, attribution: { by: 'FBI', source: 'https://www.ic3.gov/PSA/2025/PSA250226' } });
      expect(d.stolenPerYear).toEqual(yearTotals(registry).map(({ unpriced: _u, ...t }) => t));
      expect(d).toMatchObject({ fundsByService: [], openCases: 3, openAlerts: 5, lists: [], chain: { transfers: 0, addresses: 0 } });
    } finally {
      await store.close();
    }
  });
});
