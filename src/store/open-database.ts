import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CounterflowError } from '../errors.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';

export interface StoreOptions {
  /** Home directory: `--home`, else `COUNTERFLOW_HOME`, else `./.counterflow`. */
  home?: string;
}

/** An open, migrated database: the kysely handle every store module queries through. */
export interface OpenDatabase {
  db: Kysely<Database>;
  backend: 'sqlite' | 'postgres';
  location: string;
  /** The raw SQLite connection, for bulk fast paths inside a kysely transaction (same connection). */
  sqlite?: Sqlite.Database;
}

export function resolveHome(home?: string): string {
  return resolve(home ?? process.env.COUNTERFLOW_HOME ?? '.counterflow');
}

/**
 * Opens the embedded SQLite database in the home directory and applies pending migrations.
 *
 * @example
 * const { db } = await openDatabase({ home: '/var/lib/counterflow' });
 */
export async function openDatabase(options: StoreOptions = {}): Promise<OpenDatabase> {
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
