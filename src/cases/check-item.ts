import { InputError } from '../errors.js';
import type { NewCaseItem } from './case.js';
import { validateNewItem } from './validate.js';

/** What an item's reference is checked against: the active lists and the incident registry. */
export interface ItemLookups {
  entityExists(id: string): Promise<boolean>;
  incidentExists(id: string): boolean;
}

/**
 * Validates an item ({@link validateNewItem}) and checks that an entity is in the active list versions and
 * an incident in the registry (or the home's local incidents), so a case never points at nothing.
 *
 * @example
 * await checkItem({ kind: 'entity', ref: 'ofac-27307' }, { entityExists: async (id) => (await store.getEntity(id)) !== null, incidentExists: () => false });
 */
export async function checkItem(input: NewCaseItem, lookups: ItemLookups, source = 'case item'): Promise<NewCaseItem> {
  const item = validateNewItem(input, source);
  if (item.kind === 'entity' && !(await lookups.entityExists(item.ref))) throw new InputError(source, `no entity "${item.ref}" in the active list versions`, undefined, 'ref');
  if (item.kind === 'incident' && !lookups.incidentExists(item.ref)) throw new InputError(source, `no incident "${item.ref}" in the registry (see \`counterflow incidents\`)`, undefined, 'ref');
  return item;
}
