import type Sqlite from 'better-sqlite3';
import { KyselyStore, type EntityRowWriter } from './kysely-store.js';
import { openDatabase, type StoreOptions } from './open-database.js';
import type { Store } from './store.js';

export { resolveHome, type StoreOptions } from './open-database.js';

/**
 * Opens the list store, applying pending migrations: on the PostgreSQL server of `databaseUrl` or
 * `DATABASE_URL` when given, else in the home directory (SQLite). See docs/store.md.
 *
 * @example
 * const store = await openStore({ home: '/var/lib/counterflow' });
 * console.log(await store.activeVersions());
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { db, backend, location, sqlite } = await openDatabase(options);
  return new KyselyStore(db, backend, location, sqlite ? sqliteRowWriter(sqlite) : undefined);
}

/** better-sqlite3 runs on the one connection kysely's transaction holds, so these rows join that transaction. */
function sqliteRowWriter(sqlite: Sqlite.Database): EntityRowWriter {
  let insert: Sqlite.Statement | undefined;
  return async (_trx, rows) => {
    insert ??= sqlite.prepare(
      'INSERT INTO list_entities (version_id, entity_id, schema, entry_id, target, caption, body) VALUES (@version_id, @entity_id, @schema, @entry_id, @target, @caption, @body)',
    );
    for (const row of rows) insert.run(row);
  };
}
