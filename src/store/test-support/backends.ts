import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase, type OpenDatabase, type StoreOptions } from '../open-database.js';
import { openStore } from '../open-store.js';
import type { Store } from '../store.js';
import { findPostgres, startPostgres, type PostgresServer } from './postgres.js';

/** One store backend as a test sees it: every call gives a new, empty store. */
export interface TestBackend {
  readonly name: 'sqlite' | 'postgres';
  /** Options naming a new empty store: a fresh home (SQLite) or a fresh database (PostgreSQL). */
  freshOptions(): Promise<StoreOptions>;
  openStore(): Promise<Store>;
  openDatabase(): Promise<OpenDatabase>;
}

const postgres = await findPostgres();
/** Why the PostgreSQL runs are skipped here, or null when they run. */
export const POSTGRES_SKIP_REASON = 'reason' in postgres ? postgres.reason : null;
if (POSTGRES_SKIP_REASON) console.warn(`skipping the PostgreSQL store tests: ${POSTGRES_SKIP_REASON}`);

let server: Promise<PostgresServer | null> | undefined;
let stopRegistered = false;

/** The SQLite backend ignores DATABASE_URL: it is always the embedded file in a new temp home. */
export const sqliteBackend: TestBackend = backend('sqlite', async () => ({ home: mkdtempSync(join(tmpdir(), 'cf-store-')), databaseUrl: null }));

/**
 * Defines the same tests once per backend: SQLite always; PostgreSQL on a server started for this test
 * file, or skipped with a printed reason when PostgreSQL cannot be had.
 *
 * @example
 * describeBackends('audit log', (backend) => {
 *   it('appends', async () => {
 *     const { db } = await backend.openDatabase();
 *     // …
 *   });
 * });
 */
export function describeBackends(title: string, define: (backend: TestBackend) => void): void {
  describe(`${title} [sqlite]`, () => define(sqliteBackend));
  if (!stopRegistered) {
    stopRegistered = true;
    afterAll(async () => {
      const running = await server;
      server = undefined;
      await running?.stop();
    });
  }
  describe.skipIf(POSTGRES_SKIP_REASON !== null)(`${title} [postgres]`, () => {
    let current: PostgresServer | null = null;
    beforeAll(async () => {
      server ??= startPostgres();
      current = await server;
    });
    define(
      backend('postgres', async () => {
        if (!current) throw new Error('the PostgreSQL test server did not start');
        return { databaseUrl: await current.createDatabase() };
      }),
    );
  });
}

/** The running PostgreSQL test server of this file (started on first use), e.g. for its start time. */
export async function postgresTestServer(): Promise<PostgresServer | null> {
  server ??= startPostgres();
  return server;
}

function backend(name: 'sqlite' | 'postgres', freshOptions: () => Promise<StoreOptions>): TestBackend {
  return {
    name,
    freshOptions,
    openStore: async () => openStore(await freshOptions()),
    openDatabase: async () => openDatabase(await freshOptions()),
  };
}
