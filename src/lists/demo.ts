import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.js';
import { LIST_REGISTRY } from './formats.js';
import { expandPaths, groupFiles, loadGroup, type LoadResult } from './load.js';

/** The demo pack shipped with Counterflow: public facts written by us, so a first start works offline. */
export const DEMO_LISTS_DIR = fileURLToPath(new URL('../../demo/lists/', import.meta.url));

/** Loads the demo lists when the store has no active list at all; returns what it loaded. */
export async function loadDemoIfEmpty(store: Store): Promise<LoadResult[]> {
  if ((await store.activeVersions()).length > 0) return [];
  const groups = await groupFiles(await expandPaths([DEMO_LISTS_DIR]), LIST_REGISTRY);
  const results: LoadResult[] = [];
  for (const g of groups) results.push(await loadGroup(store, g));
  return results;
}
