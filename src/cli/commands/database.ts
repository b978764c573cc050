import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import type { Actor } from '../../api/auth/types.js';
import { openDatabase } from '../../store/open-database.js';
import type { Database } from '../../store/schema.js';
import type { Store } from '../../store/store.js';

/**
 * Runs `fn` with a kysely handle on the store's own database (the SQLite file of `home`, or the
 * PostgreSQL server of `DATABASE_URL`), closing it afterwards: for the keys and the audit trail.
 *
 * @example
 * await withDatabase(store, home, async (db) => new KeyStore(db).list());
 */
export async function withDatabase<T>(store: Store, home: string, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const { db } = await openDatabase(store.backend === 'sqlite' ? { home, databaseUrl: null } : { home });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/**
 * The actor of a command run on this machine, for the audit trail: `cli:<user>` with the admin role
 * (whoever can run the CLI can read the store directly).
 *
 * @example
 * cliActor(); // { id: 'cli:alice', name: 'alice', role: 'admin' }
 */
export function cliActor(): Actor {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep $USER.
  }
  return { id: `cli:${user}`, name: user, role: 'admin' };
}
