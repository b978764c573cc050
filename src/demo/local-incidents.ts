import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CounterflowError, InputError } from '../errors.js';
import type { Incident } from '../tracing/labels/incidents.js';
// Imported (not read by path) so that the build copies the registry into dist/ beside incidents.js.
import registry from '../tracing/labels/incidents.json' with { type: 'json' };
import { LABEL_CATEGORIES } from '../tracing/labels/label.js';

/**
 * Incidents kept in a home directory beside the reviewed registry (src/tracing/labels/incidents.json):
 * the demo pack's generated incident, and any incident a user records for their own data. The file has
 * the registry's shape, `{incidents: [...]}`, so a record can move between the two unchanged.
 */
export function localIncidentsPath(home: string): string {
  return join(home, 'incidents', 'incidents.json');
}

const source = z.object({ id: z.string().min(1), title: z.string(), url: z.string().optional(), date: z.string().optional(), note: z.string().optional() });
const incidentSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash, underscore'),
  name: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  victim: z.string(),
  chains: z.array(z.string()),
  amounts: z.array(z.object({ asset: z.string(), amount: z.string(), source: z.string() })),
  usd: z.object({ low: z.number(), high: z.number(), source: z.string() }).nullable(),
  attribution: z.object({ actor: z.string(), by: z.string(), source: z.string() }),
  sources: z.array(source),
  addresses: z.array(z.object({ address: z.string().min(1), role: z.string(), source: z.string(), seed: z.boolean().optional(), hop: z.number().int().min(0).optional() })),
  services: z.array(z.object({ address: z.string().min(1), category: z.enum(LABEL_CATEGORIES), name: z.string(), detail: z.string().optional(), source: z.string() })),
  cashOut: z.array(z.object({ service: z.string(), amount: z.string(), asset: z.string(), share: z.number(), source: z.string() })).optional(),
  pattern: z.string().optional(),
});
const incidentsFile = z.object({ incidents: z.array(incidentSchema) });

/**
 * The reviewed registry (src/tracing/labels/incidents.json), as `loadIncidents` reads it.
 *
 * @example
 * registryIncidents().some((i) => i.id === 'bybit-2025'); // true
 */
export function registryIncidents(): Incident[] {
  return structuredClone((registry as unknown as { incidents: Incident[] }).incidents);
}

/**
 * Reads an incidents file in the registry's shape; a malformed one is an InputError naming the file and
 * the first bad field (`incidents[0].date`).
 *
 * @example
 * const [demo] = readIncidentsFile('demo/incidents/demo-bybit-like-2025.json');
 */
export function readIncidentsFile(file: string): Incident[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(file, `not readable as JSON: ${(err as Error).message}`);
  }
  const parsed = incidentsFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
    throw new InputError(file, issue.message, undefined, field || undefined);
  }
  return parsed.data.incidents as Incident[];
}

/**
 * The incidents recorded in a home directory (none when the file does not exist).
 *
 * @example
 * readLocalIncidents(home).map((i) => i.id); // ['demo-bybit-like-2025']
 */
export function readLocalIncidents(home: string): Incident[] {
  const file = localIncidentsPath(home);
  return existsSync(file) ? readIncidentsFile(file) : [];
}

/**
 * Records incidents in the home directory (an incident with the same id is replaced). An id of the
 * reviewed registry is refused: generated or local records never shadow the sourced ones.
 *
 * @example
 * saveLocalIncidents(home, readIncidentsFile(DEMO_INCIDENT_FILE));
 */
export function saveLocalIncidents(home: string, incidents: readonly Incident[]): void {
  const registered = new Set(registryIncidents().map((i) => i.id));
  const current = readLocalIncidents(home);
  for (const incident of incidents) {
    if (registered.has(incident.id)) throw new CounterflowError(`incident "${incident.id}" is in the reviewed registry; a local record cannot replace it`);
    const at = current.findIndex((i) => i.id === incident.id);
    if (at >= 0) current[at] = incident;
    else current.push(incident);
  }
  const file = localIncidentsPath(home);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ incidents: current }, null, 1)}\n`);
  renameSync(`${file}.tmp`, file);
}

/**
 * The registry's incidents followed by the home directory's.
 *
 * @example
 * incidentsWithLocal(home).find((i) => i.id === 'demo-bybit-like-2025');
 */
export function incidentsWithLocal(home: string): Incident[] {
  return [...registryIncidents(), ...readLocalIncidents(home)];
}

/**
 * An incident of the registry or of the home directory; an unknown id is an error naming the known ones.
 *
 * @example
 * findIncidentWithLocal(home, 'demo-bybit-like-2025').addresses.filter((a) => a.seed);
 */
export function findIncidentWithLocal(home: string, id: string): Incident {
  const all = incidentsWithLocal(home);
  const found = all.find((i) => i.id === id);
  if (!found) throw new CounterflowError(`unknown incident "${id}"; known: ${all.map((i) => i.id).join(', ')}`);
  return found;
}
