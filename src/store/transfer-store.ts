import type Sqlite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { nativeDecimals } from '../chain/chains.js';
import { findLookalikes, type Lookalike } from '../chain/lookalike.js';
import { allowedToken } from '../chain/token-allowlist.js';
import { TransferColumns, storedHex } from '../chain/transfer-columns.js';
import { TRANSFER_FLAGS } from '../chain/transfer-flags.js';
import { NATIVE_ASSET, NATIVE_POSITION, type Transfer, type TransferKind, type UtxoInput } from '../chain/transfer.js';
import { usdValue } from '../chain/usd-value.js';
import { CounterflowError } from '../errors.js';
import { openDatabase, type OpenDatabase, type StoreOptions } from './open-database.js';
import type { Database } from './schema.js';
import { TransferInserter } from './transfer-store-insert.js';

export type SourceKind = 'rpc' | 'files';

export interface BlockRecord {
  number: number;
  hash: string | null;
  parentHash: string | null;
  /** Unix seconds. */
  time: number | null;
}

export interface TokenRecord {
  chain: string;
  address: string;
  symbol: string | null;
  name: string | null;
  decimals: number | null;
  /** Where the metadata came from: `rpc`, `file`, `allowlist`. */
  origin: string;
}

/** Everything one step of an ingest writes, committed together or not at all. */
export interface IngestBatch {
  chain: string;
  sourceId: number;
  transfers: readonly Transfer[];
  /** More transfers of this chain, already in the form the store binds (what the fast file readers produce). */
  columns?: TransferColumns;
  inputs?: readonly UtxoInput[];
  blocks?: readonly BlockRecord[];
  /** The highest block now completely stored from this source; resuming starts after it. */
  checkpoint?: { blockNumber: number; blockHash: string | null };
  tokens?: readonly TokenRecord[];
}

export interface WriteResult {
  /** New transfers stored. */
  inserted: number;
  /** Already stored, and this import filled in what was unknown (success, receiver, index, time, a flag). */
  enriched: number;
  /** Already stored: nothing to do. */
  duplicates: number;
  inputsInserted: number;
}

export interface TransferFilter {
  chain?: string;
  fromBlock?: number;
  toBlock?: number;
  txHash?: string;
  /** Sender or receiver. */
  address?: string;
  kind?: TransferKind;
  sourceId?: number;
  limit?: number;
}

export interface StoredTransfer extends Transfer {
  sourceId: number;
}

export interface RangeSummary {
  from: number;
  to: number;
  blocks: number;
}

export interface SourceStatus {
  id: number;
  chain: string;
  kind: SourceKind;
  name: string;
  firstSeen: string;
  lastSeen: string;
  transfers: number;
  /** Contiguous block ranges this source delivered (at most 20 listed; `rangeCount` says how many). */
  ranges: RangeSummary[];
  rangeCount: number;
  checkpoint: { blockNumber: number; blockHash: string | null; updatedAt: string } | null;
}

export interface ChainStoreStatus {
  location: string;
  chains: {
    chain: string;
    transfers: number;
    byKind: Record<string, number>;
    flagged: { unverifiedToken: number; zeroValue: number; lookalike: number; failed: number };
    utxoInputs: number;
    lowestBlock: number | null;
    highestBlock: number | null;
  }[];
  sources: SourceStatus[];
  tokens: { chain: string; known: number; verified: number }[];
  prices: { chain: string; asset: string; days: number; from: string; to: string }[];
  lookalikes: number;
}

export interface PriceRow {
  chain: string;
  asset: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  usd: string;
}

/**
 * Hashes and EVM addresses are stored as bytes (see TransferColumns); reads give them back as `0x` + hex
 * (text values, such as Bitcoin txids and addresses or `native`, as they are).
 */
const hexOut = (column: string) => `CASE WHEN typeof(${column}) = 'blob' THEN '0x' || lower(hex(${column})) ELSE ${column} END AS ${column}`;
const TRANSFER_SELECT = `id, chain, block_number, ${hexOut('tx_hash')}, position, kind, block_time, tx_index, ${hexOut('from_address')}, ${hexOut('to_address')}, ${hexOut('asset')}, amount, success, flags, script_type, source_id`;

/** A row of TRANSFER_SELECT. */
interface TransferRowText {
  chain: string;
  block_number: number;
  tx_hash: string;
  position: string;
  kind: string;
  block_time: number | null;
  tx_index: number | null;
  from_address: string | null;
  to_address: string | null;
  asset: string;
  amount: string;
  success: number | null;
  flags: number;
  script_type: string | null;
  source_id: number;
}

/**
 * Page cache while a bulk load inserts rows, in KiB (negative = KiB for PRAGMA cache_size). The rows land on
 * new pages at the end of the table and of the unique key, so a bigger cache only holds pages that are
 * written anyway: with a small one, the same page buffers (already in memory and in the CPU caches) are reused
 * once written, where a big one gets fresh memory for every page until the commit.
 */
const BULK_INSERT_CACHE_KIB = -16_384;
/** Page cache while an index is built: CREATE INDEX then sorts in memory instead of in temporary files. */
const INDEX_BUILD_CACHE_KIB = -262_144;

const ADDRESS_INDEXES = [
  ['chain_transfers_from', 'from_address'],
  ['chain_transfers_to', 'to_address'],
] as const;

/**
 * The transfer store: normalised value movements of every chain, the blocks they came from, per-source
 * checkpoints, token metadata, prices and look-alike findings. Writes go through prepared statements on the
 * raw SQLite connection, one transaction per batch; reads go through kysely.
 *
 * @example
 * const store = await TransferStore.open({ home: '.counterflow' });
 * const source = store.sourceId('ethereum', 'files', 'transactions.csv');
 * store.write({ chain: 'ethereum', sourceId: source, transfers });
 */
export class TransferStore {
  readonly db: Kysely<Database>;
  readonly location: string;
  private readonly sqlite: Sqlite.Database;
  private readonly statements = new Map<string, Sqlite.Statement>();
  private readonly inserter: TransferInserter;
  private bulkDepth = 0;
  private addressIndexesChecked = false;
  private restoreCacheSize: (() => void) | undefined;
  private restoreJournal: (() => void) | undefined;

  static async open(options: StoreOptions = {}): Promise<TransferStore> {
    return new TransferStore(await openDatabase(options));
  }

  constructor(open: OpenDatabase) {
    if (!open.sqlite) throw new CounterflowError(`the transfer store needs the embedded SQLite backend (this store is ${open.backend})`);
    this.db = open.db;
    this.location = open.location;
    this.sqlite = open.sqlite;
    this.inserter = new TransferInserter(open.sqlite);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  private prepare(key: string, text: string): Sqlite.Statement {
    let st = this.statements.get(key);
    if (!st) this.statements.set(key, (st = this.sqlite.prepare(text)));
    return st;
  }

  /** The id of an ingest source (created on first use); its `last_seen` is refreshed. */
  sourceId(chain: string, kind: SourceKind, name: string): number {
    const now = new Date().toISOString();
    this.prepare(
      'source-upsert',
      `INSERT INTO chain_sources (chain, kind, name, first_seen, last_seen) VALUES (?,?,?,?,?)
       ON CONFLICT (chain, kind, name) DO UPDATE SET last_seen = excluded.last_seen`,
    ).run(chain, kind, name, now, now);
    const row = this.prepare('source-get', 'SELECT id FROM chain_sources WHERE chain = ? AND kind = ? AND name = ?').get(chain, kind, name) as { id: number };
    return row.id;
  }

  /**
   * Writes one batch in one transaction: a crash leaves either all of it or none of it. Every transfer must
   * be of the batch's chain.
   */
  write(batch: IngestBatch): WriteResult {
    const result: WriteResult = { inserted: 0, enriched: 0, duplicates: 0, inputsInserted: 0 };
    const { chain, sourceId } = batch;
    let converted: TransferColumns | undefined;
    if (batch.transfers.length > 0) {
      converted = new TransferColumns(chain);
      for (const t of batch.transfers) {
        if (t.chain !== chain) throw new CounterflowError(`a ${t.chain} transfer in a batch of ${chain} (transaction ${t.txHash})`);
        converted.push(t);
      }
    }
    if (batch.columns && (batch.columns.chain !== chain || !batch.columns.aligned())) {
      throw new CounterflowError(`transfer columns of ${batch.columns.chain} with ${batch.columns.length} rows do not fit a batch of ${chain}`);
    }
    const insertInput = this.prepare(
      'input-insert',
      `INSERT OR IGNORE INTO chain_utxo_inputs (chain, block_number, tx_hash, input_index, spent_tx_hash, spent_output_index, value, address, source_id)
       VALUES (?,?,?,?,?,?,?,?,?)`,
    );
    const upsertBlock = this.prepare(
      'block-upsert',
      `INSERT INTO chain_blocks (chain, source_id, number, hash, parent_hash, time) VALUES (?,?,?,?,?,?)
       ON CONFLICT (chain, source_id, number) DO UPDATE SET
         hash = coalesce(excluded.hash, chain_blocks.hash),
         parent_hash = coalesce(excluded.parent_hash, chain_blocks.parent_hash),
         time = coalesce(excluded.time, chain_blocks.time)`,
    );
    const upsertCheckpoint = this.prepare(
      'checkpoint-upsert',
      `INSERT INTO chain_checkpoints (chain, source_id, block_number, block_hash, updated_at) VALUES (?,?,?,?,?)
       ON CONFLICT (chain, source_id) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash, updated_at = excluded.updated_at`,
    );
    const body = () => {
      // New rows get consecutive rowids above the current maximum (nothing is deleted meanwhile), so the rise
      // of the maximum counts the inserts; every other change was an enrichment, and the rest were duplicates.
      const maxId = this.prepare('max-rowid', 'SELECT coalesce(max(id), 0) AS id FROM chain_transfers').pluck();
      const idBefore = maxId.get() as number;
      let rows = 0;
      let changes = 0;
      for (const columns of [converted, batch.columns]) {
        if (!columns || columns.length === 0) continue;
        rows += columns.length;
        changes += this.inserter.upsert(columns, sourceId);
      }
      result.inserted = (maxId.get() as number) - idBefore;
      result.enriched = changes - result.inserted;
      result.duplicates = rows - changes;
      for (const i of batch.inputs ?? []) {
        const info = insertInput.run(chain, i.blockNumber, i.txHash, i.inputIndex, i.spentTxHash, i.spentOutputIndex, i.value?.toString() ?? null, i.address, sourceId);
        result.inputsInserted += info.changes;
      }
      for (const b of batch.blocks ?? []) upsertBlock.run(chain, sourceId, b.number, b.hash, b.parentHash, b.time);
      if (batch.checkpoint) upsertCheckpoint.run(chain, sourceId, batch.checkpoint.blockNumber, batch.checkpoint.blockHash, new Date().toISOString());
      if (batch.tokens?.length) this.upsertTokensInTransaction(batch.tokens);
    };
    // Inside inTransaction the enclosing transaction is what commits or rolls back; a savepoint per batch
    // would only cost (SQLite tracks every page a savepoint touches).
    const run = this.sqlite.inTransaction ? body : this.sqlite.transaction(body);
    run();
    return result;
  }

  /**
   * Runs `fn` in one transaction: everything written meanwhile is committed together, or nothing is when `fn`
   * throws (a failed write leaves part of its batch behind until then: let errors end `fn`). Nothing else may
   * use the store until it settles.
   */
  async inTransaction<T>(fn: () => Promise<T>): Promise<T> {
    this.sqlite.exec('BEGIN');
    try {
      const result = await fn();
      this.sqlite.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw err;
    }
  }

  /**
   * For a load much larger than what is stored, keeping the address indexes up to date row by row costs more
   * than building them once: they are dropped here and built again on the first query that needs them
   * (ensureAddressIndexes), so a bulk import pays only for the rows and the unique key. Nested calls share
   * one bulk phase.
   */
  beginBulkLoad(expectedRows: number): void {
    this.bulkDepth++;
    if (this.bulkDepth > 1) return;
    const stored = (this.sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM chain_transfers').get() as { n: number }).n;
    if (expectedRows < 100_000 || expectedRows < stored) return;
    for (const [name] of ADDRESS_INDEXES) this.sqlite.exec(`DROP INDEX IF EXISTS ${name}`);
    this.addressIndexesChecked = false;
    this.restoreCacheSize = this.withCacheSize(BULK_INSERT_CACHE_KIB);
    this.restoreJournal = this.withRollbackJournal();
  }

  endBulkLoad(): void {
    this.bulkDepth = Math.max(0, this.bulkDepth - 1);
    if (this.bulkDepth > 0) return;
    this.restoreCacheSize?.();
    this.restoreCacheSize = undefined;
    this.restoreJournal?.();
    this.restoreJournal = undefined;
  }

  /**
   * A rollback journal instead of the write-ahead log while a bulk load runs. The WAL writes every page twice
   * (into the log at the commit, into the database at the checkpoint); a rollback journal keeps a copy of the
   * original of each page the load changes, and the new pages that make up most of a bulk load are written
   * once. Commits stay atomic and durable (synchronous FULL). While another connection has the store open the
   * mode cannot change, and the load runs with the WAL. Returns what restores WAL mode.
   */
  private withRollbackJournal(): (() => void) | undefined {
    const synchronous = this.sqlite.pragma('synchronous', { simple: true }) as number;
    if (this.sqlite.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return undefined;
    this.sqlite.pragma('synchronous = FULL');
    return () => {
      this.sqlite.pragma('journal_mode = WAL');
      this.sqlite.pragma(`synchronous = ${synchronous}`);
    };
  }

  /** Sets the page cache size (PRAGMA cache_size units); returns what restores the previous size. */
  private withCacheSize(size: number): () => void {
    const previous = this.sqlite.pragma('cache_size', { simple: true }) as number;
    this.sqlite.pragma(`cache_size = ${size}`);
    return () => this.sqlite.pragma(`cache_size = ${previous}`);
  }

  /**
   * Builds the sender and receiver indexes if a bulk load (possibly one that was killed) left them out.
   * Every address query calls this first; it costs nothing once they exist.
   */
  ensureAddressIndexes(): void {
    if (this.addressIndexesChecked) return;
    const missing = ADDRESS_INDEXES.filter(([name]) => !this.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name));
    if (missing.length > 0) {
      const restore = this.withCacheSize(INDEX_BUILD_CACHE_KIB);
      try {
        for (const [name, column] of missing) this.sqlite.exec(`CREATE INDEX IF NOT EXISTS ${name} ON chain_transfers (${column})`);
      } finally {
        restore?.();
      }
    }
    this.addressIndexesChecked = true;
  }

  checkpoint(chain: string, sourceId: number): { blockNumber: number; blockHash: string | null } | null {
    const row = this.prepare('checkpoint-get', 'SELECT block_number, block_hash FROM chain_checkpoints WHERE chain = ? AND source_id = ?').get(chain, sourceId) as
      | { block_number: number; block_hash: string | null }
      | undefined;
    return row ? { blockNumber: row.block_number, blockHash: row.block_hash } : null;
  }

  /** The first block at or after `from` that this source has not recorded (where an ingest resumes). */
  firstMissingBlock(chain: string, sourceId: number, from: number): number {
    let expected = from;
    const rows = this.prepare('blocks-from', 'SELECT number FROM chain_blocks WHERE chain = ? AND source_id = ? AND number >= ? ORDER BY number')
      .pluck()
      .iterate(chain, sourceId, from) as IterableIterator<number>;
    for (const n of rows) {
      if (n !== expected) break;
      expected++;
    }
    return expected;
  }

  /** The hash stored for a block by any node source of the chain (files rarely carry block hashes). */
  storedBlockHash(chain: string, number: number): string | null {
    const row = this.prepare(
      'block-hash',
      `SELECT b.hash FROM chain_blocks b JOIN chain_sources s ON s.id = b.source_id
       WHERE b.chain = ? AND b.number = ? AND b.hash IS NOT NULL ORDER BY (s.kind = 'rpc') DESC LIMIT 1`,
    ).get(chain, number) as { hash: string } | undefined;
    return row?.hash ?? null;
  }

  /**
   * Forgets everything of a chain above a block (after a reorg): transfers, inputs and block records of every
   * source, and moves checkpoints back to that block.
   */
  rollbackAbove(chain: string, blockNumber: number): { transfers: number; inputs: number; blocks: number } {
    const run = this.sqlite.transaction(() => {
      const transfers = this.sqlite.prepare('DELETE FROM chain_transfers WHERE chain = ? AND block_number > ?').run(chain, blockNumber).changes;
      const inputs = this.sqlite.prepare('DELETE FROM chain_utxo_inputs WHERE chain = ? AND block_number > ?').run(chain, blockNumber).changes;
      const blocks = this.sqlite.prepare('DELETE FROM chain_blocks WHERE chain = ? AND number > ?').run(chain, blockNumber).changes;
      this.sqlite
        .prepare('UPDATE chain_checkpoints SET block_number = ?, block_hash = ?, updated_at = ? WHERE chain = ? AND block_number > ?')
        .run(blockNumber, this.storedBlockHash(chain, blockNumber), new Date().toISOString(), chain, blockNumber);
      return { transfers, inputs, blocks };
    });
    return run();
  }

  /**
   * Fills in what a file could not say (a token_transfers CSV names neither the transaction index nor the
   * time) from the transactions and blocks already stored, for the given block range. `fill` can rule out a
   * fill the caller knows has nothing to do (each is a scan of the range).
   */
  backfill(chain: string, fromBlock: number, toBlock: number, fill: { txIndex?: boolean; blockTime?: boolean } = {}): { txIndex: number; blockTime: number } {
    // Each fill is a lookup per row: skip it when the caller knows it has nothing to do, or nothing in the range could answer.
    const anyNative =
      (fill.txIndex ?? true) &&
      this.sqlite
        .prepare('SELECT 1 FROM chain_transfers WHERE chain = ? AND block_number BETWEEN ? AND ? AND position = ? AND tx_index IS NOT NULL LIMIT 1')
        .get(chain, fromBlock, toBlock, NATIVE_POSITION);
    const anyTime = (fill.blockTime ?? true) && this.sqlite.prepare('SELECT 1 FROM chain_blocks WHERE chain = ? AND number BETWEEN ? AND ? AND time IS NOT NULL LIMIT 1').get(chain, fromBlock, toBlock);
    const txIndex = !anyNative ? 0 : this.sqlite
      .prepare(
        `UPDATE chain_transfers SET tx_index = (
           SELECT n.tx_index FROM chain_transfers n
           WHERE n.chain = chain_transfers.chain AND n.block_number = chain_transfers.block_number AND n.tx_hash = chain_transfers.tx_hash AND n.position = ?)
         WHERE chain = ? AND block_number BETWEEN ? AND ? AND tx_index IS NULL AND EXISTS (
           SELECT 1 FROM chain_transfers n
           WHERE n.chain = chain_transfers.chain AND n.block_number = chain_transfers.block_number AND n.tx_hash = chain_transfers.tx_hash AND n.position = ? AND n.tx_index IS NOT NULL)`,
      )
      .run(NATIVE_POSITION, chain, fromBlock, toBlock, NATIVE_POSITION).changes;
    const blockTime = !anyTime ? 0 : this.sqlite
      .prepare(
        `UPDATE chain_transfers SET block_time = (
           SELECT b.time FROM chain_blocks b WHERE b.chain = chain_transfers.chain AND b.number = chain_transfers.block_number AND b.time IS NOT NULL LIMIT 1)
         WHERE chain = ? AND block_number BETWEEN ? AND ? AND block_time IS NULL AND EXISTS (
           SELECT 1 FROM chain_blocks b WHERE b.chain = chain_transfers.chain AND b.number = chain_transfers.block_number AND b.time IS NOT NULL)`,
      )
      .run(chain, fromBlock, toBlock).changes;
    return { txIndex, blockTime };
  }

  /** Updates the success of stored transactions from receipts read later (ethereum-etl receipts files). */
  applyReceiptStatus(chain: string, rows: readonly { blockNumber: number; txHash: string; status: boolean | null; contractAddress: string | null }[]): number {
    const st = this.prepare(
      'receipt-apply',
      `UPDATE chain_transfers SET success = coalesce(success, ?), to_address = coalesce(to_address, ?)
       WHERE chain = ? AND block_number = ? AND tx_hash = ? AND position = ?`,
    );
    const run = this.sqlite.transaction(() => {
      let matched = 0;
      for (const r of rows) {
        const contract = r.contractAddress === null ? null : storedHex(r.contractAddress, 20);
        matched += st.run(r.status === null ? null : r.status ? 1 : 0, contract, chain, r.blockNumber, storedHex(r.txHash, 32), NATIVE_POSITION).changes;
      }
      return matched;
    });
    return run();
  }

  upsertTokens(tokens: readonly TokenRecord[]): void {
    this.sqlite.transaction(() => this.upsertTokensInTransaction(tokens))();
  }

  private upsertTokensInTransaction(tokens: readonly TokenRecord[]): void {
    const st = this.prepare(
      'token-upsert',
      `INSERT INTO chain_tokens (chain, address, symbol, name, decimals, verified, origin, updated_at) VALUES (?,?,?,?,?,?,?,?)
       ON CONFLICT (chain, address) DO UPDATE SET symbol = coalesce(excluded.symbol, chain_tokens.symbol), name = coalesce(excluded.name, chain_tokens.name),
         decimals = coalesce(excluded.decimals, chain_tokens.decimals), origin = excluded.origin, updated_at = excluded.updated_at`,
    );
    const now = new Date().toISOString();
    for (const t of tokens) st.run(t.chain, t.address, t.symbol, t.name, t.decimals, allowedToken(t.chain, t.address) ? 1 : 0, t.origin, now);
  }

  /** Token metadata: the allowlist first (never a symbol from the chain for a listed contract), then what was fetched. */
  token(chain: string, address: string): (TokenRecord & { verified: boolean }) | undefined {
    const listed = allowedToken(chain, address);
    if (listed) return { chain, address: listed.address, symbol: listed.symbol, name: listed.name, decimals: listed.decimals, origin: 'allowlist', verified: true };
    const row = this.prepare('token-get', 'SELECT * FROM chain_tokens WHERE chain = ? AND address = ?').get(chain, address.toLowerCase()) as
      | Database['chain_tokens']
      | undefined;
    return row ? { chain, address: row.address, symbol: row.symbol, name: row.name, decimals: row.decimals, origin: row.origin, verified: false } : undefined;
  }

  /** Which of these token contracts have no metadata yet (neither allowlisted nor fetched). */
  tokensWithoutMetadata(chain: string, addresses: Iterable<string>): string[] {
    const st = this.prepare('token-known', 'SELECT 1 FROM chain_tokens WHERE chain = ? AND address = ?');
    return [...new Set(addresses)].filter((a) => !allowedToken(chain, a) && !st.get(chain, a));
  }

  /** Stores daily USD prices; a day already priced is replaced. Returns the rows written. */
  loadPrices(rows: readonly PriceRow[], origin: string): number {
    const st = this.prepare(
      'price-upsert',
      `INSERT INTO chain_prices (chain, asset, day, usd, origin) VALUES (?,?,?,?,?)
       ON CONFLICT (chain, asset, day) DO UPDATE SET usd = excluded.usd, origin = excluded.origin`,
    );
    this.sqlite.transaction(() => {
      for (const r of rows) st.run(r.chain, r.asset, r.day, r.usd, origin);
    })();
    return rows.length;
  }

  /** USD value of a stored transfer, or null when the price of that day or the token's decimals are unknown. */
  usdOf(t: Transfer): string | null {
    if (t.blockTime === null) return null;
    const decimals = t.asset === NATIVE_ASSET ? nativeDecimals(t.chain) : (this.token(t.chain, t.asset)?.decimals ?? null);
    if (decimals === null) return null;
    const day = new Date(t.blockTime * 1000).toISOString().slice(0, 10);
    const row = this.prepare('price-get', 'SELECT usd FROM chain_prices WHERE chain = ? AND asset = ? AND day = ?').get(t.chain, t.asset, day) as
      | { usd: string }
      | undefined;
    return row ? (usdValue(t.amount, decimals, row.usd) ?? null) : null;
  }

  /** Stored transfers in block order, then transaction index, then position. */
  transfers(filter: TransferFilter = {}): StoredTransfer[] {
    if (filter.address) this.ensureAddressIndexes();
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.chain) {
      where.push('chain = ?');
      params.push(filter.chain);
    }
    if (filter.fromBlock !== undefined) {
      where.push('block_number >= ?');
      params.push(filter.fromBlock);
    }
    if (filter.toBlock !== undefined) {
      where.push('block_number <= ?');
      params.push(filter.toBlock);
    }
    if (filter.txHash) {
      where.push('tx_hash = ?');
      params.push(storedHex(filter.txHash, 32));
    }
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter.sourceId !== undefined) {
      where.push('source_id = ?');
      params.push(filter.sourceId);
    }
    if (filter.address) {
      where.push('(from_address = ? OR to_address = ?)');
      const address = storedHex(filter.address, 20);
      params.push(address, address);
    }
    const rows = this.sqlite
      .prepare(
        `SELECT ${TRANSFER_SELECT} FROM chain_transfers ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY chain, block_number, tx_index IS NULL, tx_index, position, tx_hash ${filter.limit ? `LIMIT ${Math.floor(filter.limit)}` : ''}`,
      )
      .all(...params) as TransferRowText[];
    return rows.map(rowToTransfer);
  }

  /**
   * Every stored transfer of a chain in execution order (block, transaction index, position), streamed
   * row by row so a graph of millions of transfers never sits in memory as objects.
   *
   * @example
   * for (const t of store.iterateTransfers('ethereum')) builder.add(t);
   */
  *iterateTransfers(chain: string): IterableIterator<StoredTransfer> {
    const rows = this.sqlite
      .prepare(`SELECT ${TRANSFER_SELECT} FROM chain_transfers WHERE chain = ? ORDER BY block_number, tx_index IS NULL, tx_index, tx_hash, position`)
      .iterate(chain) as IterableIterator<TransferRowText>;
    for (const r of rows) yield rowToTransfer(r);
  }

  /** A cheap fingerprint of a chain's transfers (count and highest row id): changes whenever transfers are added or removed. */
  transferFingerprint(chain: string): string {
    const row = this.sqlite.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS m, coalesce(sum(flags), 0) AS f FROM chain_transfers WHERE chain = ?').get(chain) as { n: number; m: number; f: number };
    return `${chain}:${row.n}:${row.m}:${row.f}`;
  }

  utxoInputs(filter: { chain?: string; txHash?: string; spentTxHash?: string } = {}): UtxoInput[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.chain) {
      where.push('chain = ?');
      params.push(filter.chain);
    }
    if (filter.txHash) {
      where.push('tx_hash = ?');
      params.push(filter.txHash);
    }
    if (filter.spentTxHash) {
      where.push('spent_tx_hash = ?');
      params.push(filter.spentTxHash);
    }
    const rows = this.sqlite
      .prepare(`SELECT * FROM chain_utxo_inputs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY chain, block_number, tx_hash, input_index`)
      .all(...params) as Database['chain_utxo_inputs'][];
    return rows.map((r) => ({
      chain: r.chain,
      blockNumber: r.block_number,
      txHash: r.tx_hash,
      inputIndex: r.input_index,
      spentTxHash: r.spent_tx_hash,
      spentOutputIndex: r.spent_output_index,
      value: r.value === null ? null : BigInt(r.value),
      address: r.address,
    }));
  }

  /** Which input spent a UTXO output, if that spending transaction is stored. */
  spentBy(chain: string, txHash: string, outputIndex: number): { txHash: string; inputIndex: number; blockNumber: number } | null {
    const row = this.prepare(
      'spent-by',
      'SELECT tx_hash, input_index, block_number FROM chain_utxo_inputs WHERE chain = ? AND spent_tx_hash = ? AND spent_output_index = ? LIMIT 1',
    ).get(chain, txHash, outputIndex) as { tx_hash: string; input_index: number; block_number: number } | undefined;
    return row ? { txHash: row.tx_hash, inputIndex: row.input_index, blockNumber: row.block_number } : null;
  }

  /** Whether any transfer is stored (cheaper than counting them). */
  hasTransfers(): boolean {
    return this.prepare('any-transfer', 'SELECT 1 FROM chain_transfers LIMIT 1').get() !== undefined;
  }

  countTransfers(chain?: string): number {
    const row = (chain
      ? this.sqlite.prepare('SELECT count(*) AS n FROM chain_transfers WHERE chain = ?').get(chain)
      : this.sqlite.prepare('SELECT count(*) AS n FROM chain_transfers').get()) as { n: number };
    return row.n;
  }

  /**
   * Finds look-alike addresses among the stored transfers of an account-model chain (see lookalike.ts), records
   * them and flags every transfer between a look-alike and the party it targets.
   */
  detectLookalikes(chain: string): Lookalike[] {
    const real = this.sqlite
      .prepare(
        `SELECT DISTINCT ${hexOut('from_address')}, ${hexOut('to_address')} FROM chain_transfers
         WHERE chain = ? AND from_address IS NOT NULL AND to_address IS NOT NULL AND coalesce(success, 1) = 1 AND (flags & ?) = 0 AND kind <> 'utxo'`,
      )
      .raw()
      .iterate(chain, TRANSFER_FLAGS.unverifiedToken | TRANSFER_FLAGS.zeroValue) as IterableIterator<[string, string]>;
    const realPairs = [...real];
    const all = this.sqlite
      .prepare(`SELECT DISTINCT ${hexOut('from_address')}, ${hexOut('to_address')} FROM chain_transfers WHERE chain = ? AND from_address IS NOT NULL AND to_address IS NOT NULL AND kind <> 'utxo'`)
      .raw()
      .iterate(chain) as IterableIterator<[string, string]>;
    const found = findLookalikes(realPairs, all);
    if (found.length > 0) this.ensureAddressIndexes();
    const record = this.prepare('lookalike-insert', 'INSERT OR IGNORE INTO chain_lookalikes (chain, address, resembles, counterparty) VALUES (?,?,?,?)');
    const flag = this.prepare(
      'lookalike-flag',
      `UPDATE chain_transfers SET flags = flags | ? WHERE chain = ? AND (
         (from_address = ? AND to_address = ?) OR (from_address = ? AND to_address = ?))`,
    );
    this.sqlite.transaction(() => {
      for (const l of found) {
        record.run(chain, l.address, l.resembles, l.counterparty);
        const address = storedHex(l.address, 20);
        const counterparty = storedHex(l.counterparty, 20);
        flag.run(TRANSFER_FLAGS.lookalike, chain, address, counterparty, counterparty, address);
      }
    })();
    return found;
  }

  lookalikes(chain?: string): (Lookalike & { chain: string })[] {
    const rows = (chain
      ? this.sqlite.prepare('SELECT * FROM chain_lookalikes WHERE chain = ? ORDER BY address').all(chain)
      : this.sqlite.prepare('SELECT * FROM chain_lookalikes ORDER BY chain, address').all()) as Database['chain_lookalikes'][];
    return rows.map((r) => ({ chain: r.chain, address: r.address, resembles: r.resembles, counterparty: r.counterparty }));
  }

  /** Ranges ingested per chain and source, counts, checkpoints: what `counterflow chain status` prints. */
  async status(): Promise<ChainStoreStatus> {
    const db = this.db;
    const perChain = await db
      .selectFrom('chain_transfers')
      .select((eb) => [
        'chain',
        'kind',
        eb.fn.countAll<number>().as('n'),
        sql<number>`sum(flags & ${TRANSFER_FLAGS.unverifiedToken} <> 0)`.as('unverified'),
        sql<number>`sum(flags & ${TRANSFER_FLAGS.zeroValue} <> 0)`.as('zero'),
        sql<number>`sum(flags & ${TRANSFER_FLAGS.lookalike} <> 0)`.as('lookalike'),
        sql<number>`sum(success = 0)`.as('failed'),
        eb.fn.min('block_number').as('lo'),
        eb.fn.max('block_number').as('hi'),
      ])
      .groupBy(['chain', 'kind'])
      .execute();
    const inputs = await db.selectFrom('chain_utxo_inputs').select(['chain', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('chain').execute();
    const chains = new Map<string, ChainStoreStatus['chains'][number]>();
    for (const r of perChain) {
      let c = chains.get(r.chain);
      if (!c) {
        c = { chain: r.chain, transfers: 0, byKind: {}, flagged: { unverifiedToken: 0, zeroValue: 0, lookalike: 0, failed: 0 }, utxoInputs: 0, lowestBlock: null, highestBlock: null };
        chains.set(r.chain, c);
      }
      c.transfers += Number(r.n);
      c.byKind[r.kind] = Number(r.n);
      c.flagged.unverifiedToken += Number(r.unverified ?? 0);
      c.flagged.zeroValue += Number(r.zero ?? 0);
      c.flagged.lookalike += Number(r.lookalike ?? 0);
      c.flagged.failed += Number(r.failed ?? 0);
      const lo = Number(r.lo);
      const hi = Number(r.hi);
      c.lowestBlock = c.lowestBlock === null ? lo : Math.min(c.lowestBlock, lo);
      c.highestBlock = c.highestBlock === null ? hi : Math.max(c.highestBlock, hi);
    }
    for (const r of inputs) {
      const c = chains.get(r.chain);
      if (c) c.utxoInputs = Number(r.n);
    }

    const sources = await db.selectFrom('chain_sources').selectAll().orderBy('id').execute();
    const transferCounts = new Map(
      (await db.selectFrom('chain_transfers').select(['source_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('source_id').execute()).map((r) => [
        r.source_id,
        Number(r.n),
      ]),
    );
    const islands = (
      await sql<{ source_id: number; lo: number; hi: number; n: number }>`
        SELECT source_id, min(number) AS lo, max(number) AS hi, count(*) AS n FROM (
          SELECT source_id, number, number - row_number() OVER (PARTITION BY source_id ORDER BY number) AS grp FROM chain_blocks
        ) GROUP BY source_id, grp ORDER BY source_id, lo`.execute(db)
    ).rows;
    const checkpoints = new Map((await db.selectFrom('chain_checkpoints').selectAll().execute()).map((c) => [c.source_id, c]));
    const sourceStatus: SourceStatus[] = sources.map((s) => {
      const ranges = islands.filter((i) => i.source_id === s.id).map((i) => ({ from: Number(i.lo), to: Number(i.hi), blocks: Number(i.n) }));
      const cp = checkpoints.get(s.id!);
      return {
        id: s.id!,
        chain: s.chain,
        kind: s.kind as SourceKind,
        name: s.name,
        firstSeen: s.first_seen,
        lastSeen: s.last_seen,
        transfers: transferCounts.get(s.id!) ?? 0,
        ranges: ranges.slice(0, 20),
        rangeCount: ranges.length,
        checkpoint: cp ? { blockNumber: Number(cp.block_number), blockHash: cp.block_hash, updatedAt: cp.updated_at } : null,
      };
    });
    const tokens = await db
      .selectFrom('chain_tokens')
      .select(['chain', (eb) => eb.fn.countAll<number>().as('known'), sql<number>`sum(verified)`.as('verified')])
      .groupBy('chain')
      .execute();
    const prices = await db
      .selectFrom('chain_prices')
      .select(['chain', 'asset', (eb) => eb.fn.countAll<number>().as('days'), (eb) => eb.fn.min('day').as('from'), (eb) => eb.fn.max('day').as('to')])
      .groupBy(['chain', 'asset'])
      .execute();
    const lookalikes = await db.selectFrom('chain_lookalikes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return {
      location: this.location,
      chains: [...chains.values()],
      sources: sourceStatus,
      tokens: tokens.map((t) => ({ chain: t.chain, known: Number(t.known), verified: Number(t.verified ?? 0) })),
      prices: prices.map((p) => ({ chain: p.chain, asset: p.asset, days: Number(p.days), from: String(p.from), to: String(p.to) })),
      lookalikes: Number(lookalikes?.n ?? 0),
    };
  }
}

function rowToTransfer(r: TransferRowText): StoredTransfer {
  return {
    chain: r.chain,
    blockNumber: r.block_number,
    blockTime: r.block_time,
    txHash: r.tx_hash,
    txIndex: r.tx_index,
    position: r.position,
    kind: r.kind as TransferKind,
    from: r.from_address,
    to: r.to_address,
    asset: r.asset,
    amount: BigInt(r.amount),
    success: r.success === null ? null : r.success === 1,
    flags: r.flags,
    scriptType: r.script_type,
    sourceId: r.source_id,
  };
}
