import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import type { Database } from './schema.js';
import { TransferStore } from './transfer-store.js';

const HASH = `0x${'ab'.repeat(32)}`;
const FROM = `0x${'11'.repeat(20)}`;
const TO = `0x${'22'.repeat(20)}`;
const TOKEN = '0xdac17f958d2ee523a2206206994597c13d831ec7';

/** A store as Counterflow left it before migration 5: hashes and addresses as text. */
async function storeBeforeVersion5(home: string): Promise<void> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new Sqlite(join(home, 'counterflow.db')) }) });
  await db.schema
    .createTable('schema_migrations')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  for (const m of MIGRATIONS.filter((m) => m.version < 5)) {
    await m.up(db, 'sqlite');
    await db.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: '2025-01-01T00:00:00Z' }).execute();
  }
  await db.insertInto('chain_sources').values({ chain: 'ethereum', kind: 'files', name: 'old.csv', first_seen: 'x', last_seen: 'x' }).execute();
  const row = { chain: 'ethereum', block_number: 7, tx_hash: HASH, kind: 'native', block_time: 99, tx_index: 0, from_address: FROM, to_address: TO, asset: 'native', amount: '5', success: null, flags: 0, script_type: null, source_id: 1 };
  await db
    .insertInto('chain_transfers')
    .values([
      { ...row, position: 'a' },
      { ...row, position: 'c13', kind: 'token', asset: TOKEN, to_address: null, tx_index: null },
      { ...row, chain: 'bitcoin', tx_hash: 'cd'.repeat(32), position: 'o10', kind: 'utxo', from_address: null, to_address: '1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ', script_type: 'pubkeyhash' },
      { ...row, block_number: 8, tx_hash: `0x${'AB'.repeat(32)}`, position: 'a' }, // not as Counterflow writes it: left as it is
    ])
    .execute();
  await db.destroy();
}

describe('migration 5 of the transfer store', () => {
  it('turns stored hashes and EVM addresses into bytes, reads them back as before, and keeps every import idempotent', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-migrate5-'));
    await storeBeforeVersion5(home);
    const store = await TransferStore.open({ home });
    try {
      const raw = (store['sqlite'] as Sqlite.Database).prepare('SELECT typeof(tx_hash) AS hash, typeof(from_address) AS f, typeof(to_address) AS t, typeof(asset) AS a FROM chain_transfers ORDER BY id').all();
      expect(raw).toEqual([
        { hash: 'blob', f: 'blob', t: 'blob', a: 'text' },
        { hash: 'blob', f: 'blob', t: 'null', a: 'blob' },
        { hash: 'text', f: 'null', t: 'text', a: 'text' },
        { hash: 'text', f: 'blob', t: 'blob', a: 'text' },
      ]);
      expect(store.transfers({ chain: 'ethereum', txHash: HASH }).map((t) => [t.position, t.from, t.to, t.asset])).toEqual([
        ['a', FROM, TO, 'native'],
        ['c13', FROM, null, TOKEN],
      ]);
      expect(store.transfers({ chain: 'bitcoin' })[0]).toMatchObject({ txHash: 'cd'.repeat(32), to: '1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ', scriptType: 'pubkeyhash' });
      expect(store.transfers({ address: FROM })).toHaveLength(3);
      // The same movement imported again meets the converted row: completed, not stored twice.
      const source = store.sourceId('ethereum', 'files', 'again.csv');
      const again = { chain: 'ethereum', blockNumber: 7, blockTime: 99, txHash: HASH, txIndex: 0, position: 'a', kind: 'native' as const, from: FROM, to: TO, asset: 'native', amount: 5n, success: true, flags: 0 };
      expect(store.write({ chain: 'ethereum', sourceId: source, transfers: [again] })).toEqual({ inserted: 0, enriched: 1, duplicates: 0, inputsInserted: 0 });
      expect(store.countTransfers()).toBe(4);
    } finally {
      await store.close();
    }
  });
});
