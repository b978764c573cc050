import type { Store } from '../../store/store.js';
import { incidentLabels, loadIncidents } from './incidents.js';
import { LabelBook } from './label.js';
import { walletLabels } from './tagpack-labels.js';
import { readUserLabels } from './user-labels.js';

/**
 * Every label Counterflow knows: CryptoWallets in the active lists (OFAC addresses, TagPacks loaded with
 * `lists load`), the incident registry, and user labels (added or imported into the home directory).
 *
 * @example
 * const labels = await loadLabels(store, home);
 */
export async function loadLabels(store: Store | undefined, home: string): Promise<LabelBook> {
  const book = new LabelBook(incidentLabels(loadIncidents()));
  if (store) for (const l of walletLabels((await store.activeEntities()).filter((e) => e.schema === 'CryptoWallet'))) book.add(l);
  for (const l of readUserLabels(home)) book.add(l);
  return book;
}
