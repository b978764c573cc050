import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_LIST } from '../demo/paths.js';
import { openStore } from '../store/open-store.js';
import { loadDemoLists, retireDemoLists } from './demo.js';
import { computeListStats } from './stats.js';

describe('the demo excerpt', () => {
  it('loads as one active list of DPRK listings, and retires (an empty active version) once an official list is loaded', async () => {
    const store = await openStore({ home: mkdtempSync(join(tmpdir(), 'cf-demo-lists-')) });
    try {
      const [excerpt] = await loadDemoLists(store);
      expect(excerpt!.version).toMatchObject({ list: DEMO_LIST, seq: 1, status: 'active' });
      expect(excerpt!.version.targetCount).toBeGreaterThan(10);
      expect(await retireDemoLists(store)).toBeNull();
      const entities = [{ id: 'ofac-1', schema: 'Person', properties: { name: ['Jane Roe'] }, datasets: ['us_ofac_sdn'], target: true }];
      await store.addListVersion({ list: 'us_ofac_sdn', format: 'ofac-csv', publishedAt: null, sourceUrl: null, sha256: null, note: null, entities, stats: computeListStats(entities) }, { activate: true });
      const retired = await retireDemoLists(store);
      expect(retired).toMatchObject({ list: DEMO_LIST, seq: 2, entityCount: 0, note: 'retired: official lists are loaded' });
      expect((await store.activeEntities()).map((e) => e.id)).toEqual(['ofac-1']);
      expect((await store.listVersions(DEMO_LIST)).map((v) => [v.seq, v.status])).toEqual([[2, 'active'], [1, 'superseded']]);
      expect(await retireDemoLists(store)).toBeNull();
    } finally {
      await store.close();
    }
  });
});
