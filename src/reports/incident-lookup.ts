import { dirname } from 'node:path';
import { readLocalIncidents, registryIncidents } from '../demo/local-incidents.js';
import type { Store } from '../store/store.js';
import type { Incident } from '../tracing/labels/incidents.js';

/**
 * The home directory of a store: the folder of its SQLite file (where the chain store, user labels and
 * local incidents live), or none for a server database.
 *
 * @example
 * storeHome(store); // '/var/lib/counterflow'
 */
export function storeHome(store: Store): string | undefined {
  return store.backend === 'sqlite' ? dirname(store.location) : undefined;
}

/**
 * Finds incidents in the reviewed registry and, with a home, in its local incidents (the demo pack's
 * generated incident). Read on every call, so an incident recorded later is found.
 *
 * @example
 * incidentLookup(home)('demo-bybit-like-2025')?.name;
 */
export function incidentLookup(home: string | undefined): (id: string) => Incident | undefined {
  return (id) => [...registryIncidents(), ...(home ? readLocalIncidents(home) : [])].find((i) => i.id === id);
}
