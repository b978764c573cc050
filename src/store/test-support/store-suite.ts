import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../ftm/entity.js';
import type { NewListVersion, Store } from '../store.js';

/** The behaviour every store backend must have. Each backend's test calls this with its opener. */
export function storeSuite(name: string, open: () => Promise<Store>): void {
  describe(`store: ${name}`, () => {
    it('stores a list version, activates it and reads entities back unchanged', async () => {
      const store = await open();
      try {
        const v = await store.addListVersion(version('un_sc', [person('un-1', 'KIM JONG UN', 'KPi.001'), sanction('un-1', 'KPi.001')]), { activate: true });
        expect(v).toMatchObject({ list: 'un_sc', seq: 1, status: 'active', entityCount: 2, targetCount: 1 });
        expect((await store.activeVersions()).map((x) => x.id)).toEqual([v.id]);
        const entities = await store.versionEntities(v.id);
        expect(entities.find((e) => e.id === 'un-1')).toEqual(person('un-1', 'KIM JONG UN', 'KPi.001'));
        expect(await store.versionStats(v.id)).toEqual({ bySchema: { Person: 1, Sanction: 1 }, byProgram: { 'UN-DPRK': 1 }, byRegime: { DPRK: 1 } });
      } finally {
        await store.close();
      }
    });

    it('finds an entity in the active versions with the entities of the same entry', async () => {
      const store = await open();
      try {
        await store.addListVersion(version('un_sc', [person('un-1', 'A', 'E1'), sanction('un-1', 'E1'), person('un-2', 'B', 'E2')]), { activate: true });
        const found = await store.getEntity('un-1');
        expect(found?.entity.caption).toBe('A');
        expect(found?.related.map((r) => r.id)).toEqual(['un-1-sanction']);
        expect(await store.getEntity('nope')).toBeNull();
      } finally {
        await store.close();
      }
    });

    it('swaps versions atomically and keeps the old one for diffs', async () => {
      const store = await open();
      try {
        const v1 = await store.addListVersion(version('l', [person('p1', 'A', 'E1')]), { activate: true });
        const v2 = await store.addListVersion(version('l', [person('p1', 'A2', 'E1'), person('p2', 'B', 'E2')]), { activate: true });
        expect(v2.seq).toBe(2);
        const active = await store.activeVersions();
        expect(active.map((v) => v.seq)).toEqual([2]);
        expect((await store.findVersion('l', 1))?.status).toBe('superseded');
        expect((await store.versionEntities(v1.id)).map((e) => e.caption)).toEqual(['A']);
        expect((await store.getEntity('p1'))?.entity.caption).toBe('A2');
      } finally {
        await store.close();
      }
    });

    it('leaves the active version untouched when storing a new one fails midway', async () => {
      const store = await open();
      try {
        await store.addListVersion(version('l', [person('p1', 'A', 'E1')]), { activate: true });
        const many = Array.from({ length: 1000 }, (_, i) => person(`p${i}`, `N${i}`, `E${i}`));
        many.push(person('p5', 'duplicate id', 'E5'));
        await expect(store.addListVersion(version('l', many), { activate: true })).rejects.toThrow();
        const active = await store.activeVersions();
        expect(active.map((v) => [v.seq, v.entityCount])).toEqual([[1, 1]]);
        expect((await store.listVersions('l')).length).toBe(1);
      } finally {
        await store.close();
      }
    });

    it('records update outcomes newest first and prunes old superseded versions', async () => {
      const store = await open();
      try {
        await store.recordUpdate({ list: 'l', at: '2026-01-01T00:00:00Z', outcome: 'updated', message: 'one' });
        await store.recordUpdate({ list: 'l', at: '2026-01-02T00:00:00Z', outcome: 'kept-last-good', message: 'two' });
        expect((await store.updateLog('l')).map((u) => u.message)).toEqual(['two', 'one']);
        for (let i = 0; i < 4; i++) await store.addListVersion(version('l', [person('p', `v${i}`, 'E')]), { activate: true });
        expect(await store.pruneVersions(2)).toBe(2);
        expect((await store.listVersions('l')).map((v) => v.seq)).toEqual([4, 3]);
      } finally {
        await store.close();
      }
    });
  });
}

function person(id: string, name: string, entryId: string): FtmEntity {
  return {
    id,
    schema: 'Person',
    caption: name,
    properties: { name: [name] },
    datasets: ['test'],
    target: true,
    provenance: { list: 'test', entryId, programs: ['UN-DPRK'] },
  };
}

function sanction(subject: string, entryId: string): FtmEntity {
  return {
    id: `${subject}-sanction`,
    schema: 'Sanction',
    properties: { entity: [subject], program: ['UN-DPRK'] },
    datasets: ['test'],
    provenance: { list: 'test', entryId, programs: ['UN-DPRK'] },
  };
}

function version(list: string, entities: FtmEntity[]): NewListVersion {
  const bySchema: Record<string, number> = {};
  for (const e of entities) bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
  const targets = entities.filter((e) => e.target).length;
  return {
    list,
    format: 'ftm-jsonl',
    publishedAt: '2026-02-27',
    sourceUrl: null,
    sha256: null,
    note: null,
    entities,
    stats: { bySchema, byProgram: targets ? { 'UN-DPRK': targets } : {}, byRegime: targets ? { DPRK: targets } : {} },
  };
}
