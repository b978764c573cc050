import type { Store } from '../store/store.js';

/**
 * Runs a command body with the store open, closing it afterwards. The body may return an exit code.
 */
export type WithStore = (fn: (store: Store, home: string) => Promise<void | number>) => Promise<void>;
