import type { FtmEntity } from '../ftm/entity.js';
import type { VersionStats } from '../store/store.js';
import { isDprkProgram } from './programs.js';

/**
 * Counts per schema (all entities), and listed entries per programme and per regime. An entry is one
 * source entry (a person and the wallets listed with them count once). Programme names come from
 * the list file, so counts are kept in Maps: a programme called `__proto__` is counted like any other.
 *
 * @example
 * computeListStats(parsed.entities).byProgram; // { DPRK3: 12, CYBER2: 3 }
 */
export function computeListStats(entities: readonly FtmEntity[]): VersionStats {
  const bySchema = new Map<string, number>();
  const programEntries = new Map<string, Set<string>>();
  const dprkEntries = new Set<string>();
  for (const e of entities) {
    bySchema.set(e.schema, (bySchema.get(e.schema) ?? 0) + 1);
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
  const byProgram = [...programEntries].map(([p, set]): [string, number] => [p, set.size]);
  return {
    bySchema: Object.fromEntries(bySchema),
    byProgram: Object.fromEntries(byProgram),
    byRegime: dprkEntries.size ? { DPRK: dprkEntries.size } : {},
  };
}
