import { fileURLToPath } from 'node:url';
import { DEMO_LIST } from '../demo/paths.js';
import type { ListVersion, Store } from '../store/store.js';
import { LIST_REGISTRY } from './formats.js';
import { expandPaths, groupFiles, loadGroup, type LoadResult } from './load.js';
import { computeListStats } from './stats.js';

/** The demo pack's DPRK excerpt: public facts written by us, so a first start works offline. */
export const DEMO_LISTS_DIR = fileURLToPath(new URL('../../demo/lists/', import.meta.url));

/**
 * Loads the demo pack's lists (demo/lists) as new active versions; returns what it loaded.
 *
 * @example
 * const [excerpt] = await loadDemoLists(store); // demo_dprk_excerpt@1
 */
export async function loadDemoLists(store: Store): Promise<LoadResult[]> {
  const groups = await groupFiles(await expandPaths([DEMO_LISTS_DIR]), LIST_REGISTRY);
  const results: LoadResult[] = [];
  for (const g of groups) results.push(await loadGroup(store, g));
  return results;
}

/**
 * Retires the demo excerpt once another list is active (after `lists update` or `lists load`): an empty
 * version of the demo list becomes the active one, so screening stops returning the excerpt's `demo-`
 * copies beside the official entries; the excerpt stays in the version history. Returns the new empty
 * version, or null when there was nothing to retire.
 *
 * @example
 * const retired = await retireDemoLists(store); // demo_dprk_excerpt@2, 0 entities
 */
export async function retireDemoLists(store: Store): Promise<ListVersion | null> {
  const active = await store.activeVersions();
  const demo = active.find((v) => v.list === DEMO_LIST);
  if (!demo || demo.entityCount === 0 || !active.some((v) => v.list !== DEMO_LIST)) return null;
  return store.addListVersion(
    { list: DEMO_LIST, format: demo.format, publishedAt: null, sourceUrl: null, sha256: null, note: 'retired: official lists are loaded', entities: [], stats: computeListStats([]) },
    { activate: true },
  );
}
