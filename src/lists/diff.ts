import type { FtmEntity } from '../ftm/entity.js';
import { entityDigest } from '../store/kysely-store.js';

export interface EntryChange {
  id: string;
  schema: string;
  caption: string;
  entryId: string | null;
  /** For changed entries: the properties whose values differ, with what was removed and added. */
  changes?: { entity: string; property: string; removed: string[]; added: string[] }[];
}

export interface ListDiff {
  added: EntryChange[];
  removed: EntryChange[];
  changed: EntryChange[];
  unchanged: number;
}

/**
 * Compares two versions of a list entry by entry: an entry is the listed subject (a target entity)
 * together with the entities read from the same source entry (its sanctions, addresses, documents,
 * wallets). An entry changed when any of those changed.
 *
 * @example
 * const d = diffVersions(await store.versionEntities(a.id), await store.versionEntities(b.id));
 * console.log(d.added.length, d.removed.length, d.changed.length);
 */
export function diffVersions(before: FtmEntity[], after: FtmEntity[]): ListDiff {
  const a = groupByEntry(before);
  const b = groupByEntry(after);
  const diff: ListDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [id, entry] of b) {
    const old = a.get(id);
    if (!old) diff.added.push(describe(entry.subject));
    else if (old.digest !== entry.digest) diff.changed.push({ ...describe(entry.subject), changes: propertyChanges(old.members, entry.members) });
    else diff.unchanged++;
  }
  for (const [id, entry] of a) if (!b.has(id)) diff.removed.push(describe(entry.subject));
  const byId = (x: EntryChange, y: EntryChange) => x.id.localeCompare(y.id);
  diff.added.sort(byId);
  diff.removed.sort(byId);
  diff.changed.sort(byId);
  return diff;
}

interface Entry {
  subject: FtmEntity;
  members: FtmEntity[];
  digest: string;
}

function groupByEntry(entities: FtmEntity[]): Map<string, Entry> {
  const byEntry = new Map<string, FtmEntity[]>();
  for (const e of entities) {
    const key = e.provenance?.entryId ?? e.id;
    let list = byEntry.get(key);
    if (!list) byEntry.set(key, (list = []));
    list.push(e);
  }
  const out = new Map<string, Entry>();
  for (const members of byEntry.values()) {
    const subject = members.find((m) => m.target) ?? members[0];
    if (!subject) continue;
    members.sort((x, y) => x.id.localeCompare(y.id));
    out.set(subject.id, { subject, members, digest: members.map(entityDigest).join('|') });
  }
  return out;
}

function describe(e: FtmEntity): EntryChange {
  return { id: e.id, schema: e.schema, caption: e.caption ?? e.id, entryId: e.provenance?.entryId ?? null };
}

function propertyChanges(before: FtmEntity[], after: FtmEntity[]): NonNullable<EntryChange['changes']> {
  const out: NonNullable<EntryChange['changes']> = [];
  const oldById = new Map(before.map((e) => [e.id, e]));
  const newById = new Map(after.map((e) => [e.id, e]));
  for (const id of new Set([...oldById.keys(), ...newById.keys()])) {
    const o = oldById.get(id)?.properties ?? {};
    const n = newById.get(id)?.properties ?? {};
    for (const prop of new Set([...Object.keys(o), ...Object.keys(n)])) {
      const ov = new Set(o[prop] ?? []);
      const nv = new Set(n[prop] ?? []);
      const removed = [...ov].filter((v) => !nv.has(v));
      const added = [...nv].filter((v) => !ov.has(v));
      if (removed.length || added.length) out.push({ entity: id, property: prop, removed, added });
    }
  }
  return out;
}
