import { CounterflowError } from '../errors.js';
import type { ListVersion, Store } from '../store/store.js';
import { Screener } from './index.js';

export interface LoadedScreener {
  screener: Screener;
  /** The list versions the index was built from. */
  versions: ListVersion[];
}

/**
 * Builds the in-memory screening index from every entity of the store's active list versions. The
 * index is a snapshot: lists loaded later are screened only after a new one is built. With
 * `requireLists` an empty store is an error telling the user how to load lists.
 *
 * @example
 * const { screener } = await loadScreener(store, { requireLists: true });
 * screener.match({ schema: 'Person', properties: { name: ['Kim Jong Un'] } });
 */
export async function loadScreener(store: Store, options: { requireLists?: boolean } = {}): Promise<LoadedScreener> {
  const versions = await store.activeVersions();
  if (options.requireLists && versions.length === 0) {
    throw new CounterflowError('no lists loaded: load them with `counterflow lists load PATH…` or `counterflow lists update` first');
  }
  const screener = Screener.build(await store.activeEntities());
  return { screener, versions };
}
