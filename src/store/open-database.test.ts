import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CounterflowError } from '../errors.js';
import { MIGRATIONS } from './migrations.js';
import { describePostgresUrl, openDatabase, type OpenDatabase } from './open-database.js';
import { openStore } from './open-store.js';
import { describeBackends, POSTGRES_SKIP_REASON, postgresTestServer, sqliteBackend } from './test-support/backends.js';
import { startPostgres } from './test-support/postgres.js';

describe('describePostgresUrl', () => {
  it('keeps everything but the password, which becomes ***', () => {
    expect(describePostgresUrl('postgres://cf:s3cr%40t@db.internal:6543/counterflow?sslmode=require')).toEqual({
      location: 'postgres://cf:***@db.internal:6543/counterflow?sslmode=require',
      hostPort: 'db.internal:6543',
      password: 's3cr@t',
    });
    expect(describePostgresUrl('postgresql://cf@localhost/cf?password=hunter2').location).toBe('postgresql://cf@localhost/cf?password=***');
    expect(describePostgresUrl('postgres:///cf?host=/var/run/postgresql').hostPort).toBe('/var/run/postgresql:5432');
    expect(describePostgresUrl('postgres://[::1]:5433/cf').hostPort).toBe('[::1]:5433');
  });

  it('never shows the password in location, for any user and password', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 65535 }), (user, password, port) => {
        const url = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@db.example:${port}/counterflow`;
        const target = describePostgresUrl(url);
        const shown = new URL(target.location);
        expect(shown.password).toBe('***');
        expect(decodeURIComponent(shown.username)).toBe(user);
        expect(target.hostPort).toBe(`db.example:${port}`);
        expect(target.password).toBe(password);
      }),
    );
  });

  it('refuses URLs that are not PostgreSQL URLs, without echoing them', () => {
    expect(() => describePostgresUrl('mysql://root:pw@db/x')).toThrow(/must be a postgres:\/\/ or postgresql:\/\/ URL, not mysql:\/\//);
    expect(() => describePostgresUrl('not a url with secret')).toThrow(CounterflowError);
    expect(() => describePostgresUrl('not a url with secret')).toThrow(/^DATABASE_URL is not a valid URL/);
  });
});

describe('openDatabase on an unreachable PostgreSQL server', () => {
  it('fails with the host and port and the cause, never the password', async () => {
    const port = await closedPort();
    const attempt = openDatabase({ databaseUrl: `postgres://cf:TopSecret99@127.0.0.1:${port}/counterflow` });
    await expect(attempt).rejects.toThrow(CounterflowError);
    const message = await attempt.catch((err: Error) => err.message);
    expect(message).toMatch(new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(message).not.toContain('TopSecret99');
  });

  it('refuses a DATABASE_URL of another database instead of silently using SQLite', async () => {
    await withEnv('DATABASE_URL', 'mysql://root@localhost/cf', async () => {
      await expect(openDatabase({ home: sqliteHome() })).rejects.toThrow(/DATABASE_URL must be a postgres:\/\//);
    });
  });
});

describeBackends('database', (backend) => {
  it('returns count(*) and bigint columns as numbers', async () => {
    const { db } = await backend.openDatabase();
    try {
      await db.insertInto('chain_blocks').values({ chain: 'ethereum', source_id: 1, number: 21_895_251, hash: null, parent_hash: null, time: 9_007_199_254_740_991 }).execute();
      const row = await db.selectFrom('chain_blocks').select(['number', 'time', (eb) => eb.fn.countAll().as('n')]).groupBy(['number', 'time']).executeTakeFirstOrThrow();
      expect(row).toEqual({ number: 21_895_251, time: 9_007_199_254_740_991, n: 1 });
    } finally {
      await db.destroy();
    }
  });

  it('records every migration once, in order', async () => {
    const { db } = await backend.openDatabase();
    try {
      const rows = await db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    } finally {
      await db.destroy();
    }
  });
});

describe.skipIf(POSTGRES_SKIP_REASON !== null)('openDatabase on PostgreSQL', () => {
  it('shows the URL without its password as location and reports the backend', async () => {
    const url = await (await server()).createDatabase();
    const password = new URL(url).password;
    const open = await openDatabase({ databaseUrl: url });
    try {
      expect(open.backend).toBe('postgres');
      expect(open.sqlite).toBeUndefined();
      expect(open.location).toBe(url.replace(`:${password}@`, ':***@'));
    } finally {
      await open.db.destroy();
    }
  });

  it('takes DATABASE_URL when no URL is given, and ignores it for databaseUrl: null', async () => {
    const url = await (await server()).createDatabase();
    await withEnv('DATABASE_URL', url, async () => {
      const fromEnv = await openDatabase({ home: sqliteHome() });
      expect(fromEnv.backend).toBe('postgres');
      await fromEnv.db.destroy();
      const embedded = await openDatabase({ home: sqliteHome(), databaseUrl: null });
      expect(embedded.backend).toBe('sqlite');
      await embedded.db.destroy();
    });
  });

  it('migrates once when several processes open a new database at the same time', async () => {
    const url = await (await server()).createDatabase();
    const opened = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url })));
    try {
      const versions = await opened[0]!.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
      expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(opened.map((o) => o.db.destroy()));
    }
  });

  it('names the server and not the password when the password is wrong', async () => {
    const url = new URL(await (await server()).createDatabase());
    url.password = 'WrongPassword42';
    const message = await openDatabase({ databaseUrl: url.toString() }).then(
      () => 'opened',
      (err: Error) => `${err.name}: ${err.message}`,
    );
    expect(message).toMatch(new RegExp(`^CounterflowError: cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${url.port}: password authentication failed`));
    expect(message).not.toContain('WrongPassword42');
  });

  it('reports a server that went away after opening as a connection error, not a crash', async () => {
    const own = await startPostgres();
    if (!own) throw new Error('the PostgreSQL test server did not start');
    const store = await openStore({ databaseUrl: own.url });
    try {
      await store.activeVersions();
      await own.stop();
      const port = new URL(own.url).port;
      await expect(store.activeVersions()).rejects.toThrow(new RegExp(`^cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
      await expect(store.activeVersions()).rejects.toBeInstanceOf(CounterflowError);
    } finally {
      await store.close();
      await own.stop();
    }
  });

  it('fails clearly on an integer beyond the exact range of a JavaScript number', async () => {
    const { db } = await openDatabase({ databaseUrl: await (await server()).createDatabase() });
    try {
      await expect(sql`select 9007199254740993::bigint as n`.execute(db)).rejects.toThrow(/9007199254740993, beyond the exact range/);
    } finally {
      await db.destroy();
    }
  });

  it('creates the same tables, columns and indexes as SQLite', async () => {
    const pg = await openDatabase({ databaseUrl: await (await server()).createDatabase() });
    const lite = await sqliteBackend.openDatabase();
    try {
      expect(await shape(pg)).toEqual(await shape(lite));
    } finally {
      await pg.db.destroy();
      await lite.db.destroy();
    }
  });
});

async function server() {
  const running = await postgresTestServer();
  if (!running) throw new Error('the PostgreSQL test server did not start');
  return running;
}

/** Tables with their columns (name, nullability) and the explicitly created indexes, backend-neutral. */
async function shape(open: OpenDatabase): Promise<{ tables: Record<string, string[]>; indexes: string[] }> {
  const tables: Record<string, string[]> = {};
  for (const t of await open.db.introspection.getTables()) {
    // SQLite reports an INTEGER PRIMARY KEY (the rowid, never null) as nullable.
    const keys = open.backend === 'sqlite' ? (await sql<{ name: string }>`select name from pragma_table_info(${t.name}) where pk > 0`.execute(open.db)).rows.map((r) => r.name) : [];
    tables[t.name] = t.columns.map((c) => `${c.name}${c.isNullable && !keys.includes(c.name) ? '?' : ''}`).sort();
  }
  return { tables, indexes: (await indexNames(open)).sort() };
}

async function indexNames({ db, backend }: OpenDatabase): Promise<string[]> {
  const rows =
    backend === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and sql is not null`.execute(db)
      : await sql<{ name: string }>`select i.relname as name from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
          where n.nspname = current_schema() and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(db);
  return rows.rows.map((r) => r.name);
}

function sqliteHome(): string {
  return mkdtempSync(join(tmpdir(), 'cf-open-'));
}

async function withEnv(name: string, value: string, fn: () => Promise<void>): Promise<void> {
  const before = process.env[name];
  process.env[name] = value;
  try {
    await fn();
  } finally {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  }
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
function closedPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
