import { readFileSync } from 'node:fs';
import { CounterflowError } from '../../errors.js';
import type { Label, LabelCategory } from './label.js';

export interface IncidentAddress {
  address: string;
  role: string;
  source: string;
  /** Seeded when tracing the incident, at this hop. */
  seed?: boolean;
  hop?: number;
}

export interface Incident {
  id: string;
  name: string;
  date: string;
  victim: string;
  chains: string[];
  amounts: { asset: string; amount: string; source: string }[];
  usd: { low: number; high: number; source: string } | null;
  attribution: { actor: string; by: string; source: string };
  sources: { id: string; title: string; url?: string; date?: string; note?: string }[];
  addresses: IncidentAddress[];
  services: { address: string; category: LabelCategory; name: string; detail?: string; source: string }[];
  cashOut?: { service: string; amount: string; asset: string; share: number; source: string }[];
  pattern?: string;
}

/**
 * The reviewed incident registry (src/tracing/labels/incidents.json). Every figure names a source id
 * that the incident's `sources` lists.
 *
 * @example
 * loadIncidents().find((i) => i.id === 'bybit-2025')?.date // '2025-02-21'
 */
export function loadIncidents(): Incident[] {
  const file = new URL('./incidents.json', import.meta.url);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { incidents: Incident[] };
  return data.incidents;
}

export function findIncident(id: string): Incident {
  const all = loadIncidents();
  const found = all.find((i) => i.id === id);
  if (!found) throw new CounterflowError(`unknown incident "${id}"; known: ${all.map((i) => i.id).join(', ')}`);
  return found;
}

export interface YearTotal {
  year: string;
  incidents: number;
  usdLow: number;
  usdHigh: number;
  /** Incidents of the year without a sourced USD figure (not in the totals). */
  unpriced: string[];
}

/**
 * USD totals per year (low and high estimates), naming incidents without a sourced figure.
 *
 * @example
 * yearTotals(loadIncidents()).find((y) => y.year === '2025')?.usdHigh
 */
export function yearTotals(incidents: readonly Incident[]): YearTotal[] {
  const by = new Map<string, YearTotal>();
  for (const i of incidents) {
    const year = i.date.slice(0, 4);
    let t = by.get(year);
    if (!t) by.set(year, (t = { year, incidents: 0, usdLow: 0, usdHigh: 0, unpriced: [] }));
    t.incidents++;
    if (i.usd) {
      t.usdLow += i.usd.low;
      t.usdHigh += i.usd.high;
    } else t.unpriced.push(i.id);
  }
  return [...by.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** Labels the registry gives: perpetrator addresses as stolen funds, and the services it names. */
export function incidentLabels(incidents: readonly Incident[]): Label[] {
  const out: Label[] = [];
  for (const i of incidents) {
    const url = (id: string) => i.sources.find((s) => s.id === id)?.url ?? id;
    for (const a of i.addresses) out.push({ address: a.address, category: 'stolen_funds', name: `${i.name} (${i.id})`, origin: 'incident', confidence: 70, source: url(a.source), detail: a.role });
    for (const s of i.services) out.push({ address: s.address, category: s.category, name: s.name, origin: 'incident', confidence: 70, source: url(s.source), ...(s.detail ? { detail: s.detail } : {}) });
  }
  return out;
}
