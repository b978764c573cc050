import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CaseClosedError, CaseNotFoundError } from '../../cases/errors.js';
import { InputError } from '../../errors.js';
import { CaseStore } from '../case-store.js';
import type { Database } from '../schema.js';

const RECEIVER = '0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2';

/**
 * The behaviour of the case store on any backend. `open` gives a new, empty, migrated database; the suite
 * destroys it after each test.
 *
 * @example
 * caseStoreSuite('sqlite', async () => (await openDatabase({ home: tempDir() })).db);
 */
export function caseStoreSuite(name: string, open: () => Promise<Kysely<Database>>): void {
  const withCases = async (fn: (cases: CaseStore, db: Kysely<Database>) => Promise<void>) => {
    const db = await open();
    try {
      await fn(new CaseStore(db), db);
    } finally {
      await db.destroy();
    }
  };

  describe(`case store: ${name}`, () => {
    it('creates a case and reads it back with its items and decisions, oldest first', () =>
      withCases(async (cases) => {
        const c = await cases.createCase({ title: '  Bybit layering wallets ', description: 'FBI PSA 2025-02-26\nsecond line' }, 'alice');
        expect(c).toMatchObject({ title: 'Bybit layering wallets', description: 'FBI PSA 2025-02-26\nsecond line', status: 'open', createdBy: 'alice', items: [], decisions: [] });
        await cases.addItem(c.id, { kind: 'address', ref: RECEIVER, label: 'main receiver' }, 'alice');
        await cases.addItem(c.id, { kind: 'entity', ref: 'ofac-27307', note: 'LAZARUS GROUP' }, 'bob');
        await cases.addItem(c.id, { kind: 'worker', ref: 'W-0042', label: '김철수' }, 'bob');
        await cases.addDecision(c.id, { decision: 'escalate', reason: 'needs a second look' }, 'bob');
        await cases.addDecision(c.id, { decision: 'true_positive', reason: 'wallet on the FBI list' }, 'alice');
        const read = await cases.getCase(c.id);
        expect(read?.items.map((i) => [i.kind, i.ref, i.label, i.note, i.addedBy])).toEqual([
          ['address', RECEIVER.toLowerCase(), 'main receiver', undefined, 'alice'],
          ['entity', 'ofac-27307', undefined, 'LAZARUS GROUP', 'bob'],
          ['worker', 'W-0042', '김철수', undefined, 'bob'],
        ]);
        expect(read?.decisions.map((d) => [d.decision, d.reason, d.actor])).toEqual([
          ['escalate', 'needs a second look', 'bob'],
          ['true_positive', 'wallet on the FBI list', 'alice'],
        ]);
        expect(read!.updatedAt >= c.createdAt).toBe(true);
        const [summary] = await cases.listCases();
        expect(summary).toMatchObject({ id: c.id, title: 'Bybit layering wallets', status: 'open', itemCount: 3, decision: 'true_positive' });
      }));

    it('keeps an address, entity or worker once per case, but every note', () =>
      withCases(async (cases) => {
        const c = await cases.createCase({ title: 't' }, 'alice');
        const first = await cases.addItem(c.id, { kind: 'address', ref: RECEIVER }, 'alice');
        const again = await cases.addItem(c.id, { kind: 'address', ref: RECEIVER.toLowerCase(), label: 'other label' }, 'bob');
        expect(first.added).toBe(true);
        expect(again).toEqual({ item: first.item, added: false });
        await cases.addItem(c.id, { kind: 'note', ref: 'called the exchange' }, 'alice');
        await cases.addItem(c.id, { kind: 'note', ref: 'called the exchange' }, 'alice');
        // Longest note, in Hangul: far beyond what a database index row may hold.
        const long = '가'.repeat(10_000);
        expect((await cases.addItem(c.id, { kind: 'note', ref: long }, 'alice')).item.ref).toBe(long);
        const other = await cases.createCase({ title: 'u' }, 'alice');
        expect((await cases.addItem(other.id, { kind: 'address', ref: RECEIVER }, 'alice')).added).toBe(true);
        expect((await cases.getCase(c.id))?.items.map((i) => i.kind)).toEqual(['address', 'note', 'note', 'note']);
      }));

    it('closes a case on "close": it then refuses items and decisions until "reopen"', () =>
      withCases(async (cases) => {
        const c = await cases.createCase({ title: 't' }, 'alice');
        expect(await cases.countOpen()).toBe(1);
        expect((await cases.addDecision(c.id, { decision: 'close', reason: 'done' }, 'alice')).status).toBe('closed');
        expect(await cases.countOpen()).toBe(0);
        await expect(cases.addItem(c.id, { kind: 'note', ref: 'late note' }, 'alice')).rejects.toBeInstanceOf(CaseClosedError);
        await expect(cases.addDecision(c.id, { decision: 'block', reason: 'x' }, 'alice')).rejects.toBeInstanceOf(CaseClosedError);
        expect((await cases.addDecision(c.id, { decision: 'reopen', reason: 'new evidence' }, 'bob')).status).toBe('open');
        await expect(cases.addDecision(c.id, { decision: 'reopen', reason: 'again' }, 'bob')).rejects.toThrow(/is open; there is nothing to reopen/);
        const read = await cases.getCase(c.id);
        expect(read?.status).toBe('open');
        expect(read?.decisions.map((d) => d.decision)).toEqual(['close', 'reopen']);
        expect((await cases.listCases({ status: 'closed' })).length).toBe(0);
      }));

    it('refuses to change or delete a stored decision, even below the API', () =>
      withCases(async (cases, db) => {
        const c = await cases.createCase({ title: 't' }, 'alice');
        await cases.addDecision(c.id, { decision: 'block', reason: 'original reason' }, 'alice');
        await expect(db.updateTable('case_decisions').set({ reason: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
        await expect(db.deleteFrom('case_decisions').execute()).rejects.toThrow(/append-only/);
        expect((await cases.getCase(c.id))?.decisions.map((d) => d.reason)).toEqual(['original reason']);
        const methods = Object.getOwnPropertyNames(CaseStore.prototype);
        expect(methods.filter((m) => /update|delete|remove|edit/i.test(m))).toEqual([]);
      }));

    it('rejects bad input with an InputError naming the field, storing nothing', () =>
      withCases(async (cases) => {
        await expect(cases.createCase({ title: '   ' }, 'alice')).rejects.toThrow(/case \(title\): is empty/);
        const c = await cases.createCase({ title: 't' }, 'alice');
        await expect(cases.addItem(c.id, { kind: 'address', ref: '0x1234' }, 'alice')).rejects.toBeInstanceOf(InputError);
        await expect(cases.addItem(c.id, { kind: 'wallet' as never, ref: 'x' }, 'alice')).rejects.toThrow(/\(kind\): unknown kind "wallet"/);
        await expect(cases.addDecision(c.id, { decision: 'block', reason: ' ' }, 'alice')).rejects.toThrow(/\(reason\): is empty/);
        await expect(cases.addDecision(c.id, { decision: 'approve' as never, reason: 'x' }, 'alice')).rejects.toThrow(/unknown decision "approve"/);
        await expect(cases.addItem(c.id, { kind: 'note', ref: 'x' }, '')).rejects.toThrow(/\(actor\)/);
        const read = await cases.getCase(c.id);
        expect([read?.items.length, read?.decisions.length, read?.updatedAt]).toEqual([0, 0, c.updatedAt]);
        expect((await cases.listCases()).length).toBe(1);
      }));

    it('answers an unknown case id with CaseNotFoundError or null', () =>
      withCases(async (cases) => {
        expect(await cases.getCase(999)).toBeNull();
        expect(await cases.getCase(-1)).toBeNull();
        expect(await cases.getCase(2 ** 40)).toBeNull();
        await expect(cases.addItem(999, { kind: 'note', ref: 'x' }, 'alice')).rejects.toBeInstanceOf(CaseNotFoundError);
        await expect(cases.addDecision(999, { decision: 'close', reason: 'x' }, 'alice')).rejects.toBeInstanceOf(CaseNotFoundError);
      }));

    it('lists the most recently updated case first', () =>
      withCases(async (cases) => {
        const a = await cases.createCase({ title: 'a' }, 'alice');
        const b = await cases.createCase({ title: 'b' }, 'alice');
        expect((await cases.listCases()).map((c) => c.id)).toEqual([b.id, a.id]);
        await new Promise((r) => setTimeout(r, 5));
        await cases.addItem(a.id, { kind: 'note', ref: 'touch' }, 'alice');
        expect((await cases.listCases()).map((c) => c.title)).toEqual(['a', 'b']);
        expect((await cases.listCases({ limit: 1 })).map((c) => c.title)).toEqual(['a']);
      }));
  });
}
