import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, backend: 'sqlite' | 'postgres'): Promise<void>;
}

/**
 * Schema migrations, applied in order, each once, inside a transaction. Never edit a released
 * migration: add a new one.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'list versions and entities',
    async up(db, backend) {
      const idColumn = backend === 'postgres' ? 'serial' : 'integer';
      await db.schema
        .createTable('list_versions')
        .addColumn('id', idColumn, (c) => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('source_url', 'text')
        .addColumn('loaded_at', 'text', (c) => c.notNull())
        .addColumn('entity_count', 'integer', (c) => c.notNull())
        .addColumn('target_count', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text')
        .addColumn('note', 'text')
        .addUniqueConstraint('list_versions_list_seq', ['list', 'seq'])
        .execute();
      await db.schema
        .createTable('list_entities')
        .addColumn('version_id', 'integer', (c) => c.notNull().references('list_versions.id').onDelete('cascade'))
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('schema', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text')
        .addColumn('target', 'integer', (c) => c.notNull())
        .addColumn('caption', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('list_entities_pk', ['version_id', 'entity_id'])
        .execute();
      await db.schema
        .createIndex('list_entities_entry')
        .on('list_entities')
        .columns(['version_id', 'entry_id'])
        .execute();
      await db.schema
        .createTable('list_version_stats')
        .addColumn('version_id', 'integer', (c) => c.notNull().references('list_versions.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('list_version_stats_pk', ['version_id', 'kind', 'key'])
        .execute();
      await db.schema
        .createTable('list_update_log')
        .addColumn('id', idColumn, (c) => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 2,
    name: 'chain transfers, blocks, checkpoints, tokens, prices',
    async up(db, backend) {
      const idColumn = backend === 'postgres' ? 'bigserial' : 'integer';
      await db.schema
        .createTable('chain_sources')
        .addColumn('id', backend === 'postgres' ? 'serial' : 'integer', (c) => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .addColumn('last_seen', 'text', (c) => c.notNull())
        .addUniqueConstraint('chain_sources_key', ['chain', 'kind', 'name'])
        .execute();
      // One row per value movement; the unique key makes every import idempotent. Amounts are exact
      // decimal integers in base units (TEXT: wei exceed 64 bits).
      await db.schema
        .createTable('chain_transfers')
        .addColumn('id', idColumn, (c) => c.primaryKey())
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('block_number', 'bigint', (c) => c.notNull())
        .addColumn('tx_hash', 'text', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('block_time', 'bigint')
        .addColumn('tx_index', 'integer')
        .addColumn('from_address', 'text')
        .addColumn('to_address', 'text')
        .addColumn('asset', 'text', (c) => c.notNull())
        .addColumn('amount', 'text', (c) => c.notNull())
        .addColumn('success', 'integer')
        .addColumn('flags', 'integer', (c) => c.notNull())
        .addColumn('script_type', 'text')
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addUniqueConstraint('chain_transfers_key', ['chain', 'block_number', 'tx_hash', 'position'])
        .execute();
      await db.schema.createIndex('chain_transfers_from').on('chain_transfers').column('from_address').execute();
      await db.schema.createIndex('chain_transfers_to').on('chain_transfers').column('to_address').execute();
      await db.schema
        .createTable('chain_utxo_inputs')
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('block_number', 'bigint', (c) => c.notNull())
        .addColumn('tx_hash', 'text', (c) => c.notNull())
        .addColumn('input_index', 'integer', (c) => c.notNull())
        .addColumn('spent_tx_hash', 'text', (c) => c.notNull())
        .addColumn('spent_output_index', 'bigint', (c) => c.notNull())
        .addColumn('value', 'text')
        .addColumn('address', 'text')
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_utxo_inputs_pk', ['chain', 'block_number', 'tx_hash', 'input_index'])
        .execute();
      await db.schema
        .createIndex('chain_utxo_inputs_spent')
        .on('chain_utxo_inputs')
        .columns(['chain', 'spent_tx_hash', 'spent_output_index'])
        .execute();
      await db.schema
        .createTable('chain_blocks')
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addColumn('number', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text')
        .addColumn('parent_hash', 'text')
        .addColumn('time', 'bigint')
        .addPrimaryKeyConstraint('chain_blocks_pk', ['chain', 'source_id', 'number'])
        .execute();
      await db.schema.createIndex('chain_blocks_number').on('chain_blocks').columns(['chain', 'number']).execute();
      await db.schema
        .createTable('chain_checkpoints')
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addColumn('block_number', 'bigint', (c) => c.notNull())
        .addColumn('block_hash', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_checkpoints_pk', ['chain', 'source_id'])
        .execute();
      await db.schema
        .createTable('chain_tokens')
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('symbol', 'text')
        .addColumn('name', 'text')
        .addColumn('decimals', 'integer')
        .addColumn('verified', 'integer', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_tokens_pk', ['chain', 'address'])
        .execute();
      await db.schema
        .createTable('chain_prices')
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('asset', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('usd', 'text', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_prices_pk', ['chain', 'asset', 'day'])
        .execute();
      await db.schema
        .createTable('chain_lookalikes')
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('resembles', 'text', (c) => c.notNull())
        .addColumn('counterparty', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_lookalikes_pk', ['chain', 'address', 'resembles', 'counterparty'])
        .execute();
    },
  },
];

export async function migrate(db: Kysely<Database>, backend: 'sqlite' | 'postgres'): Promise<number[]> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const done = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction().execute(async (trx) => {
      await m.up(trx, backend);
      await trx
        .insertInto('schema_migrations')
        .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
        .execute();
    });
    applied.push(m.version);
  }
  const newest = Math.max(...MIGRATIONS.map((m) => m.version));
  const stored = await db.selectFrom('schema_migrations').select(sql<number>`max(version)`.as('v')).executeTakeFirst();
  if ((stored?.v ?? 0) > newest) {
    throw new Error(`the store was written by a newer Counterflow (schema ${stored?.v}, this one knows ${newest})`);
  }
  return applied;
}
