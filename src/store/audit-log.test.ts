import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AuditLog, canonicalJson, digest, type NewAuditEntry } from './audit-log.js';
import { describeBackends } from './test-support/backends.js';

const alice = { id: 'key:1', name: 'alice', role: 'analyst' };

function entry(action: string, subject: string, extra: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return { actor: alice, action, subject, inputDigest: digest({ subject }), resultDigest: digest({ action }), listVersions: ['un_sc@1'], ...extra };
}

describe('canonical JSON', () => {
  it('does not depend on key order, drops undefined members, and parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
    expect(canonicalJson({ b: 1, a: { d: [2, undefined], c: undefined } })).toBe('{"a":{"d":[2,null]},"b":1}');
    expect(digest({ a: 1, b: 2 })).toBe(digest({ b: 2, a: 1 }));
    expect(digest({ a: 1 })).not.toBe(digest({ a: 2 }));
  });

  it('keeps keys such as __proto__ and toString as plain data', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"toString":"y"}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"toString":"y"}');
  });
});

describeBackends('audit log', (backend) => {
  it('appends entries chained by hash and lists them by time, action prefix and subject', async () => {
    const { db } = await backend.openDatabase();
    try {
      const audit = new AuditLog(db);
      const first = await audit.append(entry('screen', 'Person: Kim Jong Un', { detail: { matched: 1 } }));
      const second = await audit.append(entry('case.create', 'case 1'));
      await audit.append(entry('case.close', 'case 1'));
      expect(first.prevHash).toBe('');
      expect(second.prevHash).toBe(first.hash);
      expect(first.detail).toEqual({ matched: 1 });
      expect((await audit.list()).map((e) => e.action)).toEqual(['screen', 'case.create', 'case.close']);
      expect((await audit.list({ action: 'case.*' })).map((e) => e.action)).toEqual(['case.create', 'case.close']);
      expect((await audit.list({ action: 'case' })).length).toBe(0);
      expect((await audit.list({ subject: 'case 1', order: 'desc', limit: 1 })).map((e) => e.action)).toEqual(['case.close']);
      expect((await audit.list({ since: '2999-01-01' })).length).toBe(0);
      expect((await audit.list({ until: '2000-01-01' })).length).toBe(0);
      expect(await audit.list({ since: first.at })).toHaveLength(3);
      expect(await audit.count()).toBe(3);
      expect(await audit.verify()).toEqual({ ok: true, entries: 3 });
      expect((await audit.list())[0]).toEqual(first);
    } finally {
      await db.destroy();
    }
  });

  it('refuses UPDATE and DELETE of entries in the database itself', async () => {
    const { db } = await backend.openDatabase();
    try {
      const audit = new AuditLog(db);
      await audit.append(entry('screen', 'x'));
      await expect(db.updateTable('audit_log').set({ subject: 'y' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
      expect((await audit.list()).map((e) => e.subject)).toEqual(['x']);
    } finally {
      await db.destroy();
    }
  });

  it('detects an entry edited, or deleted, behind its back', async () => {
    const { db } = await backend.openDatabase();
    try {
      const audit = new AuditLog(db);
      for (const s of ['a', 'b', 'c', 'd']) await audit.append(entry('screen', s));
      const [, b, c] = await audit.list();
      // Someone with direct database access removes the protection first.
      if (backend.name === 'postgres') await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
      else {
        await sql`DROP TRIGGER audit_log_no_update`.execute(db);
        await sql`DROP TRIGGER audit_log_no_delete`.execute(db);
      }
      await db.updateTable('audit_log').set({ subject: 'edited' }).where('id', '=', c!.id).execute();
      expect(await audit.verify()).toEqual({ ok: false, entries: 2, broken: { id: c!.id, reason: expect.stringMatching(/edited/) } });
      await db.deleteFrom('audit_log').where('id', '=', b!.id).execute();
      expect(await audit.verify()).toEqual({ ok: false, entries: 1, broken: { id: c!.id, reason: expect.stringMatching(/deleted/) } });
    } finally {
      await db.destroy();
    }
  });

  it('keeps one chain when two connections append at the same time', async () => {
    const options = await backend.freshOptions();
    const { openDatabase } = await import('./open-database.js');
    const one = await openDatabase(options);
    const two = await openDatabase(options);
    try {
      const a = new AuditLog(one.db);
      const b = new AuditLog(two.db);
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append(entry('screen', `s${i}`))));
      expect(await a.count()).toBe(20);
      expect(await a.verify()).toEqual({ ok: true, entries: 20 });
    } finally {
      await one.db.destroy();
      await two.db.destroy();
    }
  });

  it('refuses a detail too large for the trail and stores nothing', async () => {
    const { db } = await backend.openDatabase();
    try {
      const audit = new AuditLog(db);
      await expect(audit.append(entry('vet', 'x', { detail: { blob: 'x'.repeat(20_000) } }))).rejects.toThrow(/exceeds/);
      expect(await audit.count()).toBe(0);
      await audit.append(entry('vet', 'y'));
      expect(await audit.verify()).toEqual({ ok: true, entries: 1 });
    } finally {
      await db.destroy();
    }
  });
});
