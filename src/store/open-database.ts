import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { CounterflowError } from '../errors.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';

export interface StoreOptions {
  /** Home directory: `--home`, else `COUNTERFLOW_HOME`, else `./.counterflow`. */
  home?: string;
  /**
   * A `postgres://` or `postgresql://` URL: the store lives on that PostgreSQL server. When absent, the
   * `DATABASE_URL` environment variable decides; `null` (or no URL at all) means the embedded SQLite
   * file in the home directory.
   */
  databaseUrl?: string | null;
}

/** An open, migrated database: the kysely handle every store module queries through. */
export interface OpenDatabase {
  db: Kysely<Database>;
  backend: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL URL with its password replaced by `***`. */
  location: string;
  /** The raw SQLite connection, for bulk fast paths inside a kysely transaction (same connection). */
  sqlite?: Sqlite.Database;
}

/** Few connections: one process runs one load at a time, and a server has many processes to serve. */
const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 10_000;
/** Long enough for reading every active entity of a large list, short enough that a stuck query ends. */
const STATEMENT_TIMEOUT_MS = 120_000;
/** A client that died mid-transaction without closing its socket releases its locks after this. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 300_000;
const MIGRATION_LOCK = 'counterflow:migrations';
const INT8_OID = 20;

export function resolveHome(home?: string): string {
  return resolve(home ?? process.env.COUNTERFLOW_HOME ?? '.counterflow');
}

/**
 * Opens the store and applies pending migrations: on the PostgreSQL server named by `options.databaseUrl`
 * or `DATABASE_URL` when one is given, else in the embedded SQLite file of the home directory.
 *
 * @example
 * const { db, backend } = await openDatabase({ home: '/var/lib/counterflow' });
 * const onServer = await openDatabase({ databaseUrl: 'postgres://cf@db.internal:5432/counterflow' });
 * const alwaysLocal = await openDatabase({ home: '.counterflow', databaseUrl: null });
 */
export async function openDatabase(options: StoreOptions = {}): Promise<OpenDatabase> {
  const url = options.databaseUrl === undefined ? process.env.DATABASE_URL : options.databaseUrl;
  return url ? openPostgresDatabase(url) : openEmbeddedDatabase(options);
}

async function openEmbeddedDatabase(options: StoreOptions): Promise<OpenDatabase> {
  const home = resolveHome(options.home);
  try {
    mkdirSync(home, { recursive: true });
  } catch (err) {
    throw new CounterflowError(`cannot create the home directory ${home}: ${(err as Error).message}`);
  }
  const file = join(home, 'counterflow.db');
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new CounterflowError(`cannot open the store ${file}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(db, 'sqlite');
  } catch (err) {
    await db.destroy();
    throw new CounterflowError(`cannot migrate the store ${file}: ${(err as Error).message}`);
  }
  return { db, backend: 'sqlite', location: file, sqlite };
}

/** Migrations run under an advisory lock, so that processes starting together migrate once. */
async function openPostgresDatabase(url: string): Promise<OpenDatabase> {
  const target = describePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    application_name: 'counterflow',
    types: { getTypeParser: getTypeParser as typeof pg.types.getTypeParser },
  });
  // An idle pooled connection that the server drops emits 'error' on the pool; unhandled, that would
  // end the process. The next query reconnects or fails with its own error.
  pool.on('error', () => {});
  // Every connection, also later ones (the server restarted mid-command), fails as a user-facing error.
  const connect = async () => {
    try {
      return await pool.connect();
    } catch (err) {
      throw new CounterflowError(`cannot connect to PostgreSQL at ${target.hostPort}: ${causeOf(err, target.password)}`);
    }
  };
  try {
    (await connect()).release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect, end: () => pool.end() } }) });
  try {
    await db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(hashtextextended(${MIGRATION_LOCK}, 0))`.execute(conn);
      try {
        await migrate(conn, 'postgres');
      } finally {
        // A dead connection has lost its session lock anyway.
        await sql`select pg_advisory_unlock(hashtextextended(${MIGRATION_LOCK}, 0))`.execute(conn).catch(() => {});
      }
    });
  } catch (err) {
    await db.destroy().catch(() => {});
    throw new CounterflowError(`cannot migrate the store ${target.location}: ${causeOf(err, target.password)}`);
  }
  return { db, backend: 'postgres', location: target.location };
}

/** The parts of a PostgreSQL URL that errors and `location` may show: never the password. */
export interface PostgresTarget {
  /** The URL with its password (in the authority or as `?password=`) replaced by `***`. */
  location: string;
  /** `host:port` as the driver will connect to it (`localhost:5432` by default). */
  hostPort: string;
  /** The password, so that error messages can be scrubbed of it. */
  password: string | null;
}

/**
 * Checks that `url` is a PostgreSQL URL and tells where it points without revealing the password.
 *
 * @example
 * describePostgresUrl('postgresql://cf:pw@db:6543/cf').hostPort; // 'db:6543'
 */
export function describePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CounterflowError('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CounterflowError(
      `DATABASE_URL must be a postgres:// or postgresql:// URL, not ${parsed.protocol}// (unset it to use the embedded SQLite store)`,
    );
  }
  const password = parsed.password ? safeDecode(parsed.password) : parsed.searchParams.get('password');
  if (parsed.password) parsed.password = '***';
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
  const host = safeDecode(parsed.hostname) || parsed.searchParams.get('host') || 'localhost';
  const port = parsed.port || parsed.searchParams.get('port') || '5432';
  return { location: parsed.toString(), hostPort: `${host}:${port}`, password };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The driver's error text (a dual-stack connect fails with an AggregateError whose own message is empty). */
function causeOf(err: unknown, password: string | null): string {
  const parts =
    err instanceof AggregateError && err.errors.length > 0 ? err.errors.map((e: unknown) => (e as Error).message) : [(err as Error)?.message ?? String(err)];
  const text = [...new Set(parts.filter(Boolean))].join('; ') || String((err as { code?: unknown })?.code ?? 'unknown error');
  return password ? text.split(password).join('***') : text;
}

/** int8 (`count(*)`, `bigint` and `bigserial` columns) as numbers, like SQLite returns them; exact or an error. */
function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8_OID && format !== 'binary') return parseInt8;
  return pg.types.getTypeParser(oid, format ?? 'text');
}

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new CounterflowError(`PostgreSQL returned the integer ${text}, beyond the exact range of a JavaScript number`);
  return n;
}
