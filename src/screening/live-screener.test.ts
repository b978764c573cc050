import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FtmEntity } from '../ftm/entity.js';
import { computeListStats } from '../lists/stats.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { LiveScreener } from './live-screener.js';
import { loadScreener, type LoadedScreener } from './load-screener.js';

const person = (list: string, id: string, name: string): FtmEntity => ({ id, schema: 'Person', properties: { name: [name] }, datasets: [list], target: true });

async function addList(store: Store, list: string, entities: FtmEntity[]): Promise<void> {
  await store.addListVersion({ list, format: 'ftm-jsonl', publishedAt: null, sourceUrl: null, sha256: null, note: null, entities, stats: computeListStats(entities) }, { activate: true });
}

const names = (live: LiveScreener, name: string) => live.current().match({ schema: 'Person', properties: { name: [name] } }).results.filter((r) => r.match).map((r) => r.entity.id);

describe('a live screening index', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ home: mkdtempSync(join(tmpdir(), 'cf-live-')) });
    await addList(store, 'mine', [person('mine', 'p-kim', 'KIM JONG UN')]);
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps its index while the lists stay, and swaps in a new one when a list version is added or replaced', async () => {
    const rebuilt: LoadedScreener[] = [];
    const live = new LiveScreener(store, await loadScreener(store), { onRebuilt: (l) => rebuilt.push(l) });
    const first = live.current();
    expect(await live.refresh()).toBe(false);
    expect(live.current()).toBe(first);
    expect(names(live, 'Ri Pyong Chol')).toEqual([]);

    await addList(store, 'more', [person('more', 'p-ri', 'RI PYONG CHOL')]);
    expect(names(live, 'Ri Pyong Chol')).toEqual([]); // not before the check
    expect(await live.refresh()).toBe(true);
    expect(names(live, 'Ri Pyong Chol')).toEqual(['p-ri']);
    expect(live.versions().map((v) => `${v.list}@${v.seq}`).sort()).toEqual(['mine@1', 'more@1']);

    await addList(store, 'mine', [person('mine', 'p-choe', 'CHOE RYONG HAE')]); // mine@2 replaces mine@1
    expect(await live.refresh()).toBe(true);
    expect(names(live, 'Kim Jong Un')).toEqual([]);
    expect(names(live, 'Choe Ryong Hae')).toEqual(['p-choe']);
    expect(rebuilt.map((l) => l.versions.map((v) => `${v.list}@${v.seq}`).sort())).toEqual([
      ['mine@1', 'more@1'],
      ['mine@2', 'more@1'],
    ]);
  });

  it('answers calls made during a check with that one check', async () => {
    let builds = 0;
    const live = new LiveScreener(store, await loadScreener(store), { onRebuilt: () => builds++ });
    await addList(store, 'more', [person('more', 'p-ri', 'RI PYONG CHOL')]);
    expect(await Promise.all([live.refresh(), live.refresh(), live.refresh()])).toEqual([true, true, true]);
    expect(builds).toBe(1);
    expect(await live.refresh()).toBe(false);
  });

  it('keeps screening against the index it has when building the new one fails', async () => {
    const live = new LiveScreener(store, await loadScreener(store));
    const before = live.current();
    await addList(store, 'more', [person('more', 'p-ri', 'RI PYONG CHOL')]);
    const failing = Object.create(store) as Store;
    failing.activeEntities = () => Promise.reject(new Error('disk gone'));
    const broken = new LiveScreener(failing, { screener: before, versions: live.versions() });
    await expect(broken.refresh()).rejects.toThrow('disk gone');
    expect(broken.current()).toBe(before);
    expect(broken.versions().map((v) => v.list)).toEqual(['mine']);
  });

  it('checks by itself every checkEveryMs once started, and not after stop', async () => {
    const rebuilt: LoadedScreener[] = [];
    const live = new LiveScreener(store, await loadScreener(store), { checkEveryMs: 20, onRebuilt: (l) => rebuilt.push(l) });
    live.start();
    try {
      await addList(store, 'more', [person('more', 'p-ri', 'RI PYONG CHOL')]);
      for (let i = 0; i < 200 && rebuilt.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(names(live, 'Ri Pyong Chol')).toEqual(['p-ri']);
    } finally {
      live.stop();
    }
    await addList(store, 'other', [person('other', 'p-pak', 'PAK PONG JU')]);
    await new Promise((r) => setTimeout(r, 100));
    expect(rebuilt).toHaveLength(1);
    expect(names(live, 'Pak Pong Ju')).toEqual([]);
  });
});
