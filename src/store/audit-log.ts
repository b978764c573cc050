import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Who did it: `{ id: 'key:3', name: 'alice', role: 'analyst' }`, `local`, or `cli:<user>`. */
export interface AuditActor {
  id: string;
  name: string;
  role: string;
}

/**
 * One audited action. `action` is `screen`, `screen.batch`, `trace`, `exposure`, `vet`, `decision`,
 * `case.<verb>`, `key.<verb>` …; `subject` is free text (the query name, the address, the key prefix).
 */
export interface NewAuditEntry {
  actor: AuditActor;
  action: string;
  subject: string;
  /** sha256 of the canonical JSON of the input ({@link digest}). */
  inputDigest: string;
  resultDigest: string;
  /** The list versions the result was computed from, as `LIST@SEQ`. */
  listVersions: string[];
  /** Small JSON (at most {@link MAX_DETAIL_CHARS} characters once serialised). */
  detail?: unknown;
}

export interface AuditEntry extends NewAuditEntry {
  id: number;
  /** ISO timestamp. */
  at: string;
  detail: unknown;
  /** Hash of the previous entry ('' for the first). */
  prevHash: string;
  /** sha256(prevHash + canonical JSON of this entry): see {@link entryHash}. */
  hash: string;
}

export interface AuditQuery {
  /** ISO timestamp or date; entries at or after it. */
  since?: string;
  /** Entries strictly before it. */
  until?: string;
  /** An exact action, or a prefix ending in `*` (`case.*`). */
  action?: string;
  /** An exact subject. */
  subject?: string;
  /** Entries with a larger id (for paging). */
  afterId?: number;
  /** Newest first with `desc`; oldest first by default. */
  order?: 'asc' | 'desc';
  limit?: number;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The first entry whose hash or link does not match, and why. */
  broken?: { id: number; reason: string };
}

export const MAX_DETAIL_CHARS = 16_384;
const MAX_APPEND_ATTEMPTS = 50;
/** Most entries in one INSERT (12 values each, well under SQLite's and PostgreSQL's parameter limits). */
const MAX_BATCH = 500;

interface Pending {
  entry: NewAuditEntry;
  detailJson: string | null;
  resolve: (entry: AuditEntry) => void;
  reject: (err: unknown) => void;
}

/**
 * JSON with object keys sorted at every level and `undefined` members left out, so equal values always
 * serialise (and hash) the same. Bigints become decimal strings.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, null] }); // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Map) return canonicalJson(Object.fromEntries(value));
  if (value instanceof Set) return canonicalJson([...value]);
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const member = obj[key];
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * sha256 (hex) of the canonical JSON of a value: the input and result digests of the audit trail.
 *
 * @example
 * digest({ name: 'Kim Jong Un' }) === digest({ name: 'Kim Jong Un' }); // true
 */
export function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * The chain hash of an entry: sha256 of the previous entry's hash followed by the canonical JSON of every
 * recorded field but the id (ids are assigned by the database; a deleted row breaks the next link instead).
 *
 * @example
 * entryHash('', { at, actor, action: 'screen', subject: 'Kim', inputDigest, resultDigest, listVersions: [], detail: null });
 */
export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'id' | 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    at: entry.at,
    actor: { id: entry.actor.id, name: entry.actor.name, role: entry.actor.role },
    action: entry.action,
    subject: entry.subject,
    inputDigest: entry.inputDigest,
    resultDigest: entry.resultDigest,
    listVersions: entry.listVersions,
    detail: entry.detail ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

type AuditRow = Database['audit_log'];

/**
 * The append-only audit trail. There is no update or delete method, the database refuses both
 * (triggers, migration 3), and each entry is chained to the previous one by hash, so an edit made
 * outside Counterflow shows up in {@link AuditLog.verify}.
 *
 * @example
 * const audit = new AuditLog(db);
 * await audit.append({ actor, action: 'screen', subject: 'Kim Jong Un', inputDigest, resultDigest, listVersions: ['un_sc@3'] });
 * const today = await audit.list({ since: '2026-06-01' });
 */
export class AuditLog {
  /** Entries waiting for the next write; appends that arrive while one is written go in together. */
  private pending: Pending[] = [];
  private writing = false;
  /**
   * The newest hash as this process last wrote or read it. Safe to trust: if another connection appended
   * since, its entry already chains to this hash, so ours is refused by the unique prev_hash and re-read.
   */
  private head: string | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Records one entry, chained to the newest one. */
  append(entry: NewAuditEntry): Promise<AuditEntry> {
    const detailJson = entry.detail === undefined || entry.detail === null ? null : canonicalJson(entry.detail);
    if (detailJson !== null && detailJson.length > MAX_DETAIL_CHARS) {
      return Promise.reject(new Error(`audit detail of ${detailJson.length} characters exceeds ${MAX_DETAIL_CHARS}; record a digest instead`));
    }
    return new Promise<AuditEntry>((resolve, reject) => {
      this.pending.push({ entry, detailJson, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // One turn of the event loop lets the appends of concurrent requests join this write: one commit for all.
      setImmediate(() => void this.drain());
    });
  }

  /** Writes pending entries in batches (one multi-row INSERT each: atomic without a transaction) until none is left. */
  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const written = await this.writeWithRetry(batch);
          batch.forEach((p, i) => p.resolve(written[i]!));
        } catch (err) {
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeWithRetry(batch: Pending[]): Promise<AuditEntry[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writeBatch(batch);
      } catch (err) {
        // Another connection appended after our head: both chained to the same previous hash, the unique
        // index on prev_hash refused ours. Read the new head and try again.
        this.head = undefined;
        if (attempt >= MAX_APPEND_ATTEMPTS || !isUniqueViolation(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
      }
    }
  }

  private async writeBatch(batch: Pending[]): Promise<AuditEntry[]> {
    this.head ??= (await this.db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst())?.hash ?? '';
    let prevHash = this.head;
    const at = new Date().toISOString();
    const entries = batch.map(({ entry, detailJson }) => {
      const detail: unknown = detailJson === null ? null : JSON.parse(detailJson);
      const fields = { at, actor: entry.actor, action: entry.action, subject: entry.subject, inputDigest: entry.inputDigest, resultDigest: entry.resultDigest, listVersions: [...entry.listVersions], detail };
      const hash = entryHash(prevHash, fields);
      const built = { ...fields, prevHash, hash, detailJson };
      prevHash = hash;
      return built;
    });
    const rows = await this.db
      .insertInto('audit_log')
      .values(
        entries.map((e) => ({
          at: e.at,
          actor_id: e.actor.id,
          actor_name: e.actor.name,
          actor_role: e.actor.role,
          action: e.action,
          subject: e.subject,
          input_digest: e.inputDigest,
          result_digest: e.resultDigest,
          list_versions: JSON.stringify(e.listVersions),
          detail: e.detailJson,
          prev_hash: e.prevHash,
          hash: e.hash,
        })),
      )
      .returning(['id', 'hash'])
      .execute();
    // RETURNING rows come in no promised order: match them by hash.
    const ids = new Map(rows.map((r) => [r.hash, Number(r.id)]));
    this.head = prevHash;
    return entries.map(({ detailJson: _json, ...e }) => ({ id: ids.get(e.hash)!, ...e }));
  }

  /**
   * Entries matching the query, oldest first unless `order: 'desc'`.
   *
   * @example
   * await audit.list({ action: 'case.*', since: '2026-06-01', limit: 50 });
   */
  async list(q: AuditQuery = {}): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (q.since !== undefined) query = query.where('at', '>=', q.since);
    if (q.until !== undefined) query = query.where('at', '<', q.until);
    if (q.action !== undefined) {
      query = q.action.endsWith('*')
        ? query.where((eb) => eb(eb.fn('substr', ['action', eb.lit(1), eb.lit(q.action!.length - 1)]), '=', q.action!.slice(0, -1)))
        : query.where('action', '=', q.action);
    }
    if (q.subject !== undefined) query = query.where('subject', '=', q.subject);
    if (q.afterId !== undefined) query = query.where('id', '>', q.afterId);
    query = query.orderBy('id', q.order ?? 'asc');
    if (q.limit !== undefined) query = query.limit(q.limit);
    return (await query.execute()).map(fromRow);
  }

  /** How many entries the trail holds. */
  async count(): Promise<number> {
    const row = await this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Recomputes every hash and link, oldest first; reports the first entry that does not match.
   *
   * @example
   * const { ok, broken } = await audit.verify();
   */
  async verify(): Promise<AuditVerification> {
    let prevHash = '';
    let checked = 0;
    let afterId = 0;
    for (;;) {
      const page = await this.list({ afterId, limit: 1000 });
      for (const e of page) {
        if (e.prevHash !== prevHash) return { ok: false, entries: checked, broken: { id: e.id, reason: 'its link does not match the previous entry (an entry was deleted, inserted or reordered)' } };
        if (entryHash(prevHash, e) !== e.hash) return { ok: false, entries: checked, broken: { id: e.id, reason: 'its content does not match its hash (the entry was edited)' } };
        prevHash = e.hash;
        checked++;
      }
      const last = page.at(-1);
      if (!last) return { ok: true, entries: checked };
      afterId = last.id;
    }
  }
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role },
    action: row.action,
    subject: row.subject,
    inputDigest: row.input_digest,
    resultDigest: row.result_digest,
    listVersions: JSON.parse(row.list_versions) as string[],
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505' || /UNIQUE constraint failed/i.test(e.message ?? '');
}
