import type { FtmEntity } from '../ftm/entity.js';
import type { VersionStats } from '../store/store.js';
import { isDprkProgram } from './programs.js';

/**
 * Counts per schema (all entities), and listed entries per programme and per regime. An entry is one
 * source entry (a person and the wallets listed with them count once).
 */
export function computeListStats(entities: readonly FtmEntity[]): VersionStats {
  const bySchema: Record<string, number> = {};
  const programEntries = new Map<string, Set<string>>();
  const dprkEntries = new Set<string>();
  for (const e of entities) {
    bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
    if (!e.target) continue;
    const entry = e.provenance?.entryId ?? e.id;
    const programs = e.provenance?.programs ?? [];
    for (const p of programs) {
      let set = programEntries.get(p);
      if (!set) programEntries.set(p, (set = new Set()));
      set.add(entry);
    }
    if (programs.some(isDprkProgram)) dprkEntries.add(entry);
  }
  const byProgram: Record<string, number> = {};
  for (const [p, set] of programEntries) byProgram[p] = set.size;
  return { bySchema, byProgram, byRegime: dprkEntries.size ? { DPRK: dprkEntries.size } : {} };
}
