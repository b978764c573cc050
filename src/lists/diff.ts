import type { FtmEntity } from '../ftm/entity.js';

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
    out.set(subject.id, { subject, members, digest: members.map(entityFingerprint).join('\u0002') });
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

/**
 * What an entity says, leaving out where and when it was read, so that an entry counts as changed only
 * when its content changed. Property and value order do not matter (a CSV and an XML export of the same
 * list may order them differently).
 */
export function entityFingerprint(e: FtmEntity): string {
  const parts: string[] = [e.schema, e.id, e.target ? 't' : 'f'];
  for (const prop of Object.keys(e.properties).sort()) {
    const values = e.properties[prop];
    if (values?.length) parts.push(`${prop}=${values.length > 1 ? [...values].sort().join('\u0001') : values[0]}`);
  }
  const p = e.provenance;
  if (p) parts.push(`@${p.entryId}|${[...p.programs].sort().join(',')}|${p.listingDate ?? ''}`);
  return parts.join('\u0000');
}
