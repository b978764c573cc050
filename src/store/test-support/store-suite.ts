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

    it('orders list names and entity ids by code point on every backend, whatever the server collation', async () => {
      const store = await open();
      try {
        const ids = ['b', 'B', 'a_1', 'a-1', 'A', 'é', 'z', '김', 'Z1', 'a1'];
        const v = await store.addListVersion(version('lower', ids.map((id) => person(id, id, id))), { activate: true });
        await store.addListVersion(version('Upper', [person('u', 'U', 'U')]), { activate: true });
        await store.addListVersion(version('_under', [person('x', 'X', 'X')]), { activate: true });
        expect((await store.versionEntities(v.id)).map((e) => e.id)).toEqual([...ids].sort());
        expect((await store.activeVersions()).map((x) => x.list)).toEqual(['Upper', '_under', 'lower']);
      } finally {
        await store.close();
      }
    });

    it('returns numbers, not strings, for ids, counts and sequence numbers', async () => {
      const store = await open();
      try {
        const v = await store.addListVersion(version('l', [person('p1', 'A', 'E1'), sanction('p1', 'E1')]), { activate: true });
        const [listed] = await store.listVersions('l');
        for (const x of [v, listed]) {
          expect([typeof x?.id, typeof x?.seq, typeof x?.entityCount, typeof x?.targetCount]).toEqual(['number', 'number', 'number', 'number']);
        }
        expect(Object.values((await store.versionStats(v.id)).bySchema).map((n) => typeof n)).toEqual(['number', 'number']);
      } finally {
        await store.close();
      }
    });

    it('stores a version larger than one statement may bind (65,535 parameters on PostgreSQL)', async () => {
      const store = await open();
      try {
        const many = Array.from({ length: 12_000 }, (_, i) => person(`p${String(i).padStart(5, '0')}`, `김 ${i}`, `E${i}`));
        const v = await store.addListVersion(version('big', many), { activate: true });
        expect(v.entityCount).toBe(12_000);
        const back = await store.versionEntities(v.id);
        expect(back.length).toBe(12_000);
        expect(back[11_999]).toEqual(many[11_999]);
      } finally {
        await store.close();
      }
    });

    it('gives concurrent loads of one list distinct sequence numbers and exactly one active version', async () => {
      const store = await open();
      try {
        const loads = Array.from({ length: 4 }, (_, i) => store.addListVersion(version('l', [person('p', `v${i}`, 'E')]), { activate: true }));
        const stored = await Promise.all(loads);
        expect(stored.map((v) => v.seq).sort()).toEqual([1, 2, 3, 4]);
        expect((await store.activeVersions()).length).toBe(1);
        const flips = [1, 2, 3, 4, 1, 3].map((seq) => store.activateListVersion(stored.find((v) => v.seq === seq)!.id));
        await Promise.all(flips);
        expect((await store.listVersions('l')).filter((v) => v.status === 'active').length).toBe(1);
        await expect(store.activateListVersion(999_999)).rejects.toThrow(/no list version with id 999999/);
      } finally {
        await store.close();
      }
    });

    it('lets readers see the old version or the new one while a version is swapped in, never a mix', async () => {
      const store = await open();
      try {
        const old = Array.from({ length: 3000 }, (_, i) => person(`old${i}`, 'OLD', `E${i}`));
        const next = Array.from({ length: 3000 }, (_, i) => person(`new${i}`, 'NEW', `E${i}`));
        await store.addListVersion(version('l', old), { activate: true });
        let writing = true;
        const write = store.addListVersion(version('l', next), { activate: true }).finally(() => (writing = false));
        do {
          const captions = new Set((await store.activeEntities()).map((e) => e.caption));
          expect(captions.size).toBe(1);
        } while (writing);
        await write;
        expect([...new Set((await store.activeEntities()).map((e) => e.caption))]).toEqual(['NEW']);
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
