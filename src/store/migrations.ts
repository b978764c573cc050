import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type Expression, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, backend: 'sqlite' | 'postgres'): Promise<void>;
}

/**
 * Text columns compare and sort byte-wise on both backends: SQLite's default, and PostgreSQL's "C"
 * collation (a server's default collation is often linguistic, which would order list names and entity
 * ids differently from SQLite).
 */
export function textType(backend: 'sqlite' | 'postgres'): ColumnDataType | Expression<unknown> {
  return backend === 'postgres' ? sql`text collate "C"` : 'text';
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
      const text = textType(backend);
      const idColumn = backend === 'postgres' ? 'serial' : 'integer';
      await db.schema
        .createTable('list_versions')
        .addColumn('id', idColumn, (c) => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('list', text, (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('format', text, (c) => c.notNull())
        .addColumn('published_at', text)
        .addColumn('source_url', text)
        .addColumn('loaded_at', text, (c) => c.notNull())
        .addColumn('entity_count', 'integer', (c) => c.notNull())
        .addColumn('target_count', 'integer', (c) => c.notNull())
        .addColumn('sha256', text)
        .addColumn('note', text)
        .addUniqueConstraint('list_versions_list_seq', ['list', 'seq'])
        .execute();
      await db.schema
        .createTable('list_entities')
        .addColumn('version_id', 'integer', (c) => c.notNull().references('list_versions.id').onDelete('cascade'))
        .addColumn('entity_id', text, (c) => c.notNull())
        .addColumn('schema', text, (c) => c.notNull())
        .addColumn('entry_id', text)
        .addColumn('target', 'integer', (c) => c.notNull())
        .addColumn('caption', text)
        .addColumn('body', text, (c) => c.notNull())
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
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('key', text, (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('list_version_stats_pk', ['version_id', 'kind', 'key'])
        .execute();
      await db.schema
        .createTable('list_update_log')
        .addColumn('id', idColumn, (c) => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('list', text, (c) => c.notNull())
        .addColumn('at', text, (c) => c.notNull())
        .addColumn('outcome', text, (c) => c.notNull())
        .addColumn('message', text, (c) => c.notNull())
        .execute();
    },
  },
  {
    version: 2,
    name: 'chain transfers, blocks, checkpoints, tokens, prices',
    async up(db, backend) {
      const text = textType(backend);
      const idColumn = backend === 'postgres' ? 'bigserial' : 'integer';
      await db.schema
        .createTable('chain_sources')
        .addColumn('id', backend === 'postgres' ? 'serial' : 'integer', (c) => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('name', text, (c) => c.notNull())
        .addColumn('first_seen', text, (c) => c.notNull())
        .addColumn('last_seen', text, (c) => c.notNull())
        .addUniqueConstraint('chain_sources_key', ['chain', 'kind', 'name'])
        .execute();
      // One row per value movement; the unique key makes every import idempotent. Amounts are exact
      // decimal integers in base units (TEXT: wei exceed 64 bits).
      await db.schema
        .createTable('chain_transfers')
        .addColumn('id', idColumn, (c) => c.primaryKey())
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('block_number', 'bigint', (c) => c.notNull())
        .addColumn('tx_hash', text, (c) => c.notNull())
        .addColumn('position', text, (c) => c.notNull())
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('block_time', 'bigint')
        .addColumn('tx_index', 'integer')
        .addColumn('from_address', text)
        .addColumn('to_address', text)
        .addColumn('asset', text, (c) => c.notNull())
        .addColumn('amount', text, (c) => c.notNull())
        .addColumn('success', 'integer')
        .addColumn('flags', 'integer', (c) => c.notNull())
        .addColumn('script_type', text)
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addUniqueConstraint('chain_transfers_key', ['chain', 'block_number', 'tx_hash', 'position'])
        .execute();
      await db.schema.createIndex('chain_transfers_from').on('chain_transfers').column('from_address').execute();
      await db.schema.createIndex('chain_transfers_to').on('chain_transfers').column('to_address').execute();
      await db.schema
        .createTable('chain_utxo_inputs')
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('block_number', 'bigint', (c) => c.notNull())
        .addColumn('tx_hash', text, (c) => c.notNull())
        .addColumn('input_index', 'integer', (c) => c.notNull())
        .addColumn('spent_tx_hash', text, (c) => c.notNull())
        .addColumn('spent_output_index', 'bigint', (c) => c.notNull())
        .addColumn('value', text)
        .addColumn('address', text)
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
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addColumn('number', 'bigint', (c) => c.notNull())
        .addColumn('hash', text)
        .addColumn('parent_hash', text)
        .addColumn('time', 'bigint')
        .addPrimaryKeyConstraint('chain_blocks_pk', ['chain', 'source_id', 'number'])
        .execute();
      await db.schema.createIndex('chain_blocks_number').on('chain_blocks').columns(['chain', 'number']).execute();
      await db.schema
        .createTable('chain_checkpoints')
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .addColumn('block_number', 'bigint', (c) => c.notNull())
        .addColumn('block_hash', text)
        .addColumn('updated_at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_checkpoints_pk', ['chain', 'source_id'])
        .execute();
      await db.schema
        .createTable('chain_tokens')
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('address', text, (c) => c.notNull())
        .addColumn('symbol', text)
        .addColumn('name', text)
        .addColumn('decimals', 'integer')
        .addColumn('verified', 'integer', (c) => c.notNull())
        .addColumn('origin', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_tokens_pk', ['chain', 'address'])
        .execute();
      await db.schema
        .createTable('chain_prices')
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('asset', text, (c) => c.notNull())
        .addColumn('day', text, (c) => c.notNull())
        .addColumn('usd', text, (c) => c.notNull())
        .addColumn('origin', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_prices_pk', ['chain', 'asset', 'day'])
        .execute();
      await db.schema
        .createTable('chain_lookalikes')
        .addColumn('chain', text, (c) => c.notNull())
        .addColumn('address', text, (c) => c.notNull())
        .addColumn('resembles', text, (c) => c.notNull())
        .addColumn('counterparty', text, (c) => c.notNull())
        .addPrimaryKeyConstraint('chain_lookalikes_pk', ['chain', 'address', 'resembles', 'counterparty'])
        .execute();
    },
  },
  {
    version: 3,
    name: 'API keys and the append-only audit trail',
    async up(db, backend) {
      const serialId = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      const idColumn = backend === 'postgres' ? 'serial' : 'integer';
      const text = textType(backend);
      // Only the sha256 of each secret is kept: the secrets are 256-bit random, so a fast hash is as
      // strong as a slow one here (see src/store/key-store.ts).
      await db.schema
        .createTable('api_keys')
        .addColumn('id', idColumn, serialId)
        .addColumn('prefix', text, (c) => c.notNull().unique())
        .addColumn('name', text, (c) => c.notNull())
        .addColumn('role', text, (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_used_at', 'text')
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', idColumn, serialId)
        .addColumn('at', text, (c) => c.notNull())
        .addColumn('actor_id', text, (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('action', text, (c) => c.notNull())
        .addColumn('subject', text, (c) => c.notNull())
        .addColumn('input_digest', 'text', (c) => c.notNull())
        .addColumn('result_digest', 'text', (c) => c.notNull())
        .addColumn('list_versions', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        // Unique: two writers that read the same head cannot both chain to it (the loser retries).
        .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
      await db.schema.createIndex('audit_log_subject').on('audit_log').column('subject').execute();
      // Append-only in the database itself, not only through the API.
      await makeAppendOnly(db, backend, 'audit_log');
    },
  },
  {
    version: 4,
    name: 'cases, case items and append-only case decisions',
    async up(db, backend) {
      const serialId = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder => (backend === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
      const idColumn = backend === 'postgres' ? 'serial' : 'integer';
      const text = textType(backend);
      await db.schema
        .createTable('cases')
        .addColumn('id', idColumn, serialId)
        .addColumn('title', text, (c) => c.notNull())
        .addColumn('description', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('created_by', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cases_status').on('cases').columns(['status', 'updated_at']).execute();
      await db.schema
        .createTable('case_items')
        .addColumn('id', idColumn, serialId)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('ref', text, (c) => c.notNull())
        .addColumn('label', text)
        .addColumn('note', text)
        .addColumn('added_by', text, (c) => c.notNull())
        .addColumn('added_at', text, (c) => c.notNull())
        .execute();
      // Not on ref: a note may be longer than a PostgreSQL index row can hold.
      await db.schema.createIndex('case_items_case').on('case_items').column('case_id').execute();
      await db.schema
        .createTable('case_decisions')
        .addColumn('id', idColumn, serialId)
        .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
        .addColumn('decision', text, (c) => c.notNull())
        .addColumn('reason', text, (c) => c.notNull())
        .addColumn('actor', text, (c) => c.notNull())
        .addColumn('at', text, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_decisions_case').on('case_decisions').column('case_id').execute();
      // Decisions are append-only in the database itself, not only through the API.
      await makeAppendOnly(db, backend, 'case_decisions');
    },
  },
  {
    version: 5,
    name: 'chain transfers: hashes and EVM addresses as bytes, unique key in insertion order',
    async up(db, backend) {
      // Only the embedded store holds transfers (TransferStore is SQLite-only): on PostgreSQL the table of
      // version 2 keeps its columns; only the unique key becomes the same named index as on SQLite.
      if (backend !== 'sqlite') {
        await sql`ALTER TABLE chain_transfers DROP CONSTRAINT chain_transfers_key`.execute(db);
        await db.schema.createIndex('chain_transfers_key').unique().on('chain_transfers').columns(['block_number', 'position', 'tx_hash', 'chain']).execute();
        return;
      }
      // `0x` + lower-case hex of a hash or an address becomes its bytes: half the size, and no UTF-8
      // conversion when a row is bound. Other spellings (Bitcoin txids and addresses, `native`) stay text.
      const bytes = (column: string, size: number) => {
        const c = sql.ref(column);
        return sql`CASE WHEN typeof(${c}) = 'text' AND length(${c}) = ${sql.lit(2 + 2 * size)} AND substr(${c}, 1, 2) = '0x'
          AND substr(${c}, 3) NOT GLOB '*[^0-9a-f]*' THEN unhex(substr(${c}, 3)) ELSE ${c} END`;
      };
      await db.schema
        .createTable('chain_transfers_v5')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('block_number', 'bigint', (c) => c.notNull())
        .addColumn('tx_hash', 'blob', (c) => c.notNull())
        .addColumn('position', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('block_time', 'bigint')
        .addColumn('tx_index', 'integer')
        .addColumn('from_address', 'blob')
        .addColumn('to_address', 'blob')
        .addColumn('asset', 'blob', (c) => c.notNull())
        .addColumn('amount', 'text', (c) => c.notNull())
        .addColumn('success', 'integer')
        .addColumn('flags', 'integer', (c) => c.notNull())
        .addColumn('script_type', 'text')
        .addColumn('source_id', 'integer', (c) => c.notNull())
        .execute();
      await sql`INSERT INTO chain_transfers_v5 SELECT id, chain, block_number, ${bytes('tx_hash', 32)}, position, kind, block_time, tx_index,
        ${bytes('from_address', 20)}, ${bytes('to_address', 20)}, ${bytes('asset', 20)}, amount, success, flags, script_type, source_id
        FROM chain_transfers`.execute(db);
      await db.schema.dropTable('chain_transfers').execute();
      await sql`ALTER TABLE chain_transfers_v5 RENAME TO chain_transfers`.execute(db);
      // The same unique key, its columns in the order rows arrive: block by block, and inside a block in
      // position order (log index, trace address), so most inserts land at the end of the index.
      await db.schema.createIndex('chain_transfers_key').unique().on('chain_transfers').columns(['block_number', 'position', 'tx_hash', 'chain']).execute();
      await db.schema.createIndex('chain_transfers_from').on('chain_transfers').column('from_address').execute();
      await db.schema.createIndex('chain_transfers_to').on('chain_transfers').column('to_address').execute();
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

/**
 * Refuses UPDATE and DELETE (and on PostgreSQL TRUNCATE) of every row of `table` in the database itself,
 * whatever client writes to it.
 */
async function makeAppendOnly(db: Kysely<Database>, backend: 'sqlite' | 'postgres', table: 'audit_log' | 'case_decisions'): Promise<void> {
  const name = (suffix: string) => sql.raw(`${table}_${suffix}`);
  const t = sql.raw(table);
  const message = sql.raw(`'${table} is append-only'`);
  if (backend === 'postgres') {
    await sql`CREATE FUNCTION ${name('append_only')}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION ${message}; END $$`.execute(db);
    await sql`CREATE TRIGGER ${name('no_change')} BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${name('append_only')}()`.execute(db);
    await sql`CREATE TRIGGER ${name('no_truncate')} BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ${name('append_only')}()`.execute(db);
  } else {
    await sql`CREATE TRIGGER ${name('no_update')} BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, ${message}); END`.execute(db);
    await sql`CREATE TRIGGER ${name('no_delete')} BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, ${message}); END`.execute(db);
  }
}
