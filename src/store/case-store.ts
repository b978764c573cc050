import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CaseDecision, CaseDecisionKind, CaseDetail, CaseItem, CaseItemKind, CaseStatus, CaseSummary, NewCase, NewCaseDecision, NewCaseItem } from '../cases/case.js';
import { MAX_CASE_ID, statusAfter } from '../cases/case.js';
import { CaseClosedError, CaseNotFoundError } from '../cases/errors.js';
import { validateActor, validateDecision, validateNewCase, validateNewItem } from '../cases/validate.js';
import { InputError } from '../errors.js';
import { openDatabase, type StoreOptions } from './open-database.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Cases over kysely (SQLite or PostgreSQL): cases with a status, the items collected into them and the
 * decisions taken on them. Decisions are append-only: there is no method to change or delete one (and
 * database triggers refuse it). Every input is validated ({@link validateNewItem} …) before it is stored.
 *
 * @example
 * const cases = new CaseStore(db);
 * const c = await cases.createCase({ title: 'Bybit layering wallets' }, 'alice');
 * await cases.addItem(c.id, { kind: 'address', ref: '0x47666fab8bd0ac7003bce3f5c3585383f09486e2' }, 'alice');
 * await cases.addDecision(c.id, { decision: 'block', reason: 'on the FBI list' }, 'alice');
 */
export class CaseStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly owned = false,
  ) {}

  /**
   * Opens the store's database (migrated) for cases only; `close()` closes it.
   *
   * @example
   * const cases = await CaseStore.open({ home });
   */
  static async open(options: StoreOptions = {}): Promise<CaseStore> {
    const { db } = await openDatabase(options);
    return new CaseStore(db, true);
  }

  async createCase(input: NewCase, actor: string): Promise<CaseDetail> {
    const c = validateNewCase(input);
    const by = validateActor(actor);
    const now = new Date().toISOString();
    const row = await this.db
      .insertInto('cases')
      .values({ title: c.title, description: c.description ?? '', status: 'open', created_by: by, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), title: c.title, description: c.description ?? '', status: 'open', createdBy: by, createdAt: now, updatedAt: now, items: [], decisions: [] };
  }

  /** Cases, most recently updated first; only those with `status` when given. */
  async listCases(query: { status?: CaseStatus; limit?: number } = {}): Promise<CaseSummary[]> {
    let q = this.db
      .selectFrom('cases')
      .select(['cases.id', 'cases.title', 'cases.status', 'cases.created_at', 'cases.updated_at'])
      .select((eb) => [
        eb.selectFrom('case_items').whereRef('case_items.case_id', '=', 'cases.id').select(eb.fn.countAll<number | string>().as('n')).as('item_count'),
        eb.selectFrom('case_decisions').whereRef('case_decisions.case_id', '=', 'cases.id').select('case_decisions.decision').orderBy('case_decisions.id', 'desc').limit(1).as('last_decision'),
      ])
      .orderBy('cases.updated_at', 'desc')
      .orderBy('cases.id', 'desc');
    if (query.status) q = q.where('cases.status', '=', query.status);
    if (query.limit !== undefined) q = q.limit(query.limit);
    return (await q.execute()).map((r) => ({
      id: Number(r.id),
      title: r.title,
      status: r.status as CaseStatus,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      itemCount: Number(r.item_count ?? 0),
      ...(r.last_decision ? { decision: r.last_decision as CaseDecisionKind } : {}),
    }));
  }

  /** One case with its items and decisions (oldest first), or null. */
  async getCase(id: number): Promise<CaseDetail | null> {
    if (!validId(id)) return null;
    const c = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) return null;
    const items = await this.db.selectFrom('case_items').selectAll().where('case_id', '=', id).orderBy('id').execute();
    const decisions = await this.db.selectFrom('case_decisions').selectAll().where('case_id', '=', id).orderBy('id').execute();
    return {
      id: Number(c.id),
      title: c.title,
      description: c.description,
      status: c.status as CaseStatus,
      createdBy: c.created_by,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      items: items.map(itemFromRow),
      decisions: decisions.map((d) => ({ id: Number(d.id), decision: d.decision as CaseDecisionKind, reason: d.reason, actor: d.actor, at: d.at })),
    };
  }

  /**
   * Adds an item to an open case. The same address, entity, worker or incident is kept once per case:
   * adding it again returns the stored item with `added: false`. Notes are always added.
   */
  async addItem(caseId: number, input: NewCaseItem, actor: string): Promise<{ item: CaseItem; added: boolean }> {
    const item = validateNewItem(input);
    const by = validateActor(actor);
    return this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await this.touchOpenCase(trx, caseId, now, 'open');
      if (item.kind !== 'note') {
        const existing = await trx.selectFrom('case_items').selectAll().where('case_id', '=', caseId).where('kind', '=', item.kind).where('ref', '=', item.ref).executeTakeFirst();
        if (existing) return { item: itemFromRow(existing), added: false };
      }
      const row = await trx
        .insertInto('case_items')
        .values({ case_id: caseId, kind: item.kind, ref: item.ref, label: item.label ?? null, note: item.note ?? null, added_by: by, added_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { item: { id: Number(row.id), kind: item.kind, ref: item.ref, ...optional(item), addedBy: by, addedAt: now }, added: true };
    });
  }

  /**
   * Records a decision (append-only) and the status it implies: `close` closes the case, `reopen` opens a
   * closed one; a closed case takes no other decision.
   */
  async addDecision(caseId: number, input: NewCaseDecision, actor: string): Promise<{ decision: CaseDecision; status: CaseStatus }> {
    const d = validateDecision(input);
    const by = validateActor(actor);
    return this.db.transaction().execute(async (trx) => {
      const at = new Date().toISOString();
      const expected: CaseStatus = d.decision === 'reopen' ? 'closed' : 'open';
      const status = await this.touchOpenCase(trx, caseId, at, expected, statusAfter(expected, d.decision));
      const row = await trx.insertInto('case_decisions').values({ case_id: caseId, decision: d.decision, reason: d.reason, actor: by, at }).returning('id').executeTakeFirstOrThrow();
      return { decision: { id: Number(row.id), decision: d.decision, reason: d.reason, actor: by, at }, status };
    });
  }

  /** How many cases are open (the dashboard's figure). */
  async countOpen(): Promise<number> {
    const row = await this.db.selectFrom('cases').select((eb) => eb.fn.countAll<number | string>().as('n')).where('status', '=', 'open').executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async close(): Promise<void> {
    if (this.owned) await this.db.destroy();
  }

  /**
   * Sets the case's `updated_at` (and status) only when it has the expected status. The UPDATE comes
   * first so that on PostgreSQL it locks the row: a concurrent close and add cannot interleave.
   */
  private async touchOpenCase(trx: Db, caseId: number, now: string, expected: CaseStatus, next: CaseStatus = expected): Promise<CaseStatus> {
    if (!validId(caseId)) throw new CaseNotFoundError(caseId);
    const result = await trx.updateTable('cases').set({ updated_at: now, status: next }).where('id', '=', caseId).where('status', '=', expected).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return next;
    const found = await trx.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirst();
    if (!found) throw new CaseNotFoundError(caseId);
    if (expected === 'closed') throw new InputError('decision', `case ${caseId} is open; there is nothing to reopen`, undefined, 'decision');
    throw new CaseClosedError(caseId);
  }
}

function validId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= MAX_CASE_ID;
}

function optional(item: { label?: string | null; note?: string | null }): { label?: string; note?: string } {
  return { ...(item.label ? { label: item.label } : {}), ...(item.note ? { note: item.note } : {}) };
}

function itemFromRow(r: Selectable<Database['case_items']>): CaseItem {
  return { id: Number(r.id), kind: r.kind as CaseItemKind, ref: r.ref, ...optional(r), addedBy: r.added_by, addedAt: r.added_at };
}
