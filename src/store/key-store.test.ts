import fc from 'fast-check';
import { expect, it } from 'vitest';
import { CounterflowError } from '../errors.js';
import { KeyStore } from './key-store.js';
import { describeBackends } from './test-support/backends.js';

describeBackends('key store', (backend) => {
  it('creates a key whose secret is shown once and stored only as a hash', async () => {
    const { db } = await backend.openDatabase();
    try {
      const keys = new KeyStore(db);
      const { key, secret } = await keys.create({ name: ' alice ', role: 'analyst' });
      expect(secret).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
      expect(key).toMatchObject({ name: 'alice', role: 'analyst', prefix: secret.slice(0, 11), revokedAt: null });
      const rows = await db.selectFrom('api_keys').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(secret.slice(11));
      expect((await keys.authenticate(secret))?.role).toBe('analyst');
      expect((await keys.list())[0]?.lastUsedAt).not.toBeNull();
    } finally {
      await db.destroy();
    }
  });

  it('revokes by prefix (with or without cf_) or by id; a revoked key no longer authenticates', async () => {
    const { db } = await backend.openDatabase();
    try {
      const keys = new KeyStore(db);
      const a = await keys.create({ name: 'a', role: 'viewer' });
      const b = await keys.create({ name: 'b', role: 'admin' });
      expect(await keys.activeCount()).toBe(2);
      expect((await keys.revoke(a.key.prefix.slice(3))).revokedAt).not.toBeNull();
      expect(await keys.authenticate(a.secret)).toBeNull();
      expect((await keys.revoke(String(b.key.id))).name).toBe('b');
      expect(await keys.activeCount()).toBe(0);
      const again = await keys.revoke(b.key.prefix);
      expect(again.revokedAt).toBe((await keys.find(b.key.prefix)).revokedAt);
      await expect(keys.revoke('cf_nothere')).rejects.toThrow(/no API key "cf_nothere"/);
    } finally {
      await db.destroy();
    }
  });

  it('refuses an unknown role or an empty name', async () => {
    const { db } = await backend.openDatabase();
    try {
      const keys = new KeyStore(db);
      await expect(keys.create({ name: 'x', role: 'root' as 'admin' })).rejects.toThrow(CounterflowError);
      await expect(keys.create({ name: '  ', role: 'viewer' })).rejects.toThrow(/1 to 100 characters/);
      expect(await keys.list()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('authenticates no arbitrary string', async () => {
    const { db } = await backend.openDatabase();
    try {
      const keys = new KeyStore(db);
      const { secret } = await keys.create({ name: 'a', role: 'viewer' });
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `cf_${s}`), fc.constant(secret.slice(0, -1))), async (s) => {
          fc.pre(s !== secret);
          expect(await keys.authenticate(s)).toBeNull();
        }),
        { numRuns: 50 },
      );
    } finally {
      await db.destroy();
    }
  });
});
