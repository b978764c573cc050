import type { Screener } from '../screening/index.js';
import type { Store } from '../store/store.js';
import { notFound } from './errors.js';

/** What every route reads from: the store (list versions, entities) and the screening index built from it. */
export interface ApiContext {
  store: Store;
  screener: Screener;
}

/** The dataset name that stands for every loaded list, as in yente. */
export const DEFAULT_DATASET = 'default';

/**
 * The lists a `{dataset}` path parameter selects: undefined (all) for `default`, else that one list.
 * An unknown name is a 404 that names the known ones.
 *
 * @example
 * listsForDataset(screener, 'un_sc'); // ['un_sc']
 */
export function listsForDataset(screener: Screener, dataset: string): string[] | undefined {
  if (dataset === DEFAULT_DATASET) return undefined;
  const known = screener.info.lists;
  if (known.includes(dataset)) return [dataset];
  throw notFound(`unknown dataset "${dataset}"; known: ${[DEFAULT_DATASET, ...known].join(', ')}`);
}
