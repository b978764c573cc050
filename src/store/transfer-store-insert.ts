import type Sqlite from 'better-sqlite3';
import { HexColumn, TextColumn, type TransferColumns } from '../chain/transfer-columns.js';

/** Rows per multi-row INSERT. */
const ROWS_PER_INSERT = 64;
/** A statement ends where a block starts if it has this many rows by then (see upsert). */
const MIN_ROWS_BEFORE_CUT = 16;

/** The columns bound from a TransferColumns, in INSERT order (chain and source_id are per statement). */
const COLUMN_NAMES = ['block_number', 'tx_hash', 'position', 'kind', 'block_time', 'tx_index', 'from_address', 'to_address', 'asset', 'amount', 'success', 'flags', 'script_type'] as const;

type Column = readonly unknown[] | HexColumn | TextColumn;

function columnsOf(t: TransferColumns): Column[] {
  return [t.blockNumber, t.txHash, t.position, t.kind, t.blockTime, t.txIndex, t.from, t.to, t.asset, t.amount, t.success, t.flags, t.scriptType];
}

/**
 * How one column is bound in one INSERT: ONCE for all its rows (the same value in each), PACKED as one blob
 * of its rows' bytes that the statement cuts up with substr(), TEXTS as one blob of its rows' texts with a
 * number per row to cut it ((offset + 1) × 256 + length: substr's one-based start and the length), or ROW
 * by row. Binding a value through better-sqlite3 costs more than SQLite's own work per column (a string
 * costs two allocations and a copy), so the fewer and simpler the values bound the better.
 */
const ONCE = 'o';
const PACKED = 'p';
const TEXTS = 't';
const ROW = 'r';
/** A number column counting up by one from row to row (transaction indexes): bound once, the statement adds. */
const SEQUENCE = 's';
const TX_INDEX = COLUMN_NAMES.indexOf('tx_index');

/**
 * Multi-row upserts into chain_transfers from TransferColumns, with one prepared statement per shape (which
 * columns are bound once, packed or per row) and group size.
 *
 * @example
 * const inserter = new TransferInserter(sqlite);
 * const changes = inserter.upsert(columns, sourceId); // inserted + enriched rows
 */
export class TransferInserter {
  private readonly statements = new Map<string, { statement: Sqlite.Statement; params: unknown[] }>();

  constructor(private readonly sqlite: Sqlite.Database) {}

  /** Upserts every row; returns how many were inserted or enriched (SQLite's change count). */
  upsert(columns: TransferColumns, sourceId: number): number {
    const cols = columnsOf(columns);
    const blocks = columns.blockNumber;
    const n = columns.length;
    let changes = 0;
    for (let from = 0; from < n; ) {
      let end = Math.min(n, from + ROWS_PER_INSERT);
      // Rows come block by block: ending a statement where a block starts lets the next one bind the block
      // number and time once.
      if (end < n && blocks[from] !== blocks[end - 1]) {
        let cut = end - 1;
        while (cut > from && blocks[cut - 1] === blocks[end - 1]) cut--;
        if (cut - from >= MIN_ROWS_BEFORE_CUT) end = cut;
      }
      // The last rows go in statements of 32, 16, … rows: a statement is prepared per size, and a batch ends
      // with any number of rows.
      if (end === n && end - from < ROWS_PER_INSERT) end = from + 2 ** Math.floor(Math.log2(end - from));
      changes += this.upsertGroup(cols, from, end - from, columns.chain, sourceId);
      from = end;
    }
    return changes;
  }

  private upsertGroup(cols: Column[], from: number, rows: number, chain: string, sourceId: number): number {
    let shape = '';
    for (let j = 0; j < cols.length; j++) shape += howToBind(cols[j]!, from, rows, j === TX_INDEX);
    const key = `${rows}:${shape}`;
    let prepared = this.statements.get(key);
    if (!prepared) {
      if (this.statements.size >= 256) this.statements.clear();
      let perRow = 0;
      for (const how of shape) if (how === ROW || how === TEXTS) perRow++;
      const once = cols.length + 2 - perRow + (shape.split(TEXTS).length - 1);
      prepared = { statement: this.sqlite.prepare(upsertSql(shape, rows, cols)), params: new Array<unknown>(once + perRow * rows) };
      this.statements.set(key, prepared);
    }
    // Positional parameters in the order they appear in the statement: the chain, the columns bound once or
    // packed, the source, then the VALUES rows.
    const params = prepared.params;
    let k = 0;
    params[k++] = chain;
    for (let j = 0; j < cols.length; j++) {
      const col = cols[j]!;
      const how = shape[j];
      if (how === ROW) continue;
      if (col instanceof TextColumn) params[k++] = how === ONCE ? col.get(from) : col.bytes.subarray(col.start(from), col.ends[from + rows - 1]);
      else if (col instanceof HexColumn) params[k++] = how === PACKED ? col.bytes.subarray(from * col.size, (from + rows) * col.size) : col.bound(from);
      else params[k++] = col[from];
    }
    params[k++] = sourceId;
    const width = (params.length - k) / rows;
    for (let j = 0; j < cols.length; j++) {
      const how = shape[j];
      if (how !== ROW && how !== TEXTS) continue;
      const col = cols[j]!;
      // Column by column: each loop reads one kind of array.
      if (col instanceof TextColumn) {
        const base = col.start(from);
        const ends = col.ends;
        let start = base;
        if (how === TEXTS) {
          for (let r = 0; r < rows; r++) {
            const end = ends[from + r]!;
            params[k + r * width] = (start - base + 1) * 256 + (end - start);
            start = end;
          }
        } else for (let r = 0; r < rows; r++) params[k + r * width] = col.get(from + r);
      } else if (col instanceof HexColumn) for (let r = 0; r < rows; r++) params[k + r * width] = col.bound(from + r);
      else for (let r = 0; r < rows; r++) params[k + r * width] = col[from + r];
      k++;
    }
    // Spread, not an array: better-sqlite3 then reads each value as an argument instead of through an array look-up.
    return prepared.statement.run(...params).changes;
  }
}

function howToBind(col: Column, from: number, rows: number, mayCount: boolean): string {
  const end = from + rows;
  if (col instanceof TextColumn) {
    let same = true;
    for (let r = from + 1; r < end && same; r++) same = col.same(r, from);
    if (same) return ONCE;
    for (let r = from; r < end; r++) if (col.size(r) > 255) return ROW;
    return TEXTS;
  }
  if (col instanceof HexColumn) {
    const first = col.textOf(from);
    let packed = first === true;
    let same = !packed;
    for (let r = from + 1; r < end && (packed || same); r++) {
      const t = col.textOf(r);
      if (t !== true) packed = false;
      if (t !== first) same = false;
    }
    return packed ? PACKED : same ? ONCE : ROW;
  }
  const first = col[from];
  let r = from + 1;
  while (r < end && col[r] === first) r++;
  if (r === end) return ONCE;
  if (!mayCount || typeof first !== 'number') return ROW;
  for (r = from + 1; r < end; r++) if (col[r] !== first + (r - from)) return ROW;
  return SEQUENCE;
}

/**
 * An upsert of `rows` transfers: a row already stored only gets what it did not know (success, receiver,
 * index, time, flags).
 */
function upsertSql(shape: string, rows: number, cols: Column[]): string {
  // SELECT … FROM (VALUES …): only the values that differ from row to row go through the VALUES rows, with
  // the row's ordinal (column1) and, per size of packed column, where the row's bytes start in such a blob
  // (a literal: no arithmetic per row); the rest is bound once and evaluated once per statement.
  const packedSizes: number[] = [];
  for (let j = 0; j < COLUMN_NAMES.length; j++) {
    const col = cols[j];
    if (shape[j] === PACKED && col instanceof HexColumn && !packedSizes.includes(col.size)) packedSizes.push(col.size);
  }
  const selected: string[] = [];
  let perRow = 0;
  const firstBound = 2 + packedSizes.length;
  for (let j = 0; j < COLUMN_NAMES.length; j++) {
    const col = cols[j];
    const how = shape[j];
    if (how === ROW) selected.push(`column${firstBound + perRow++}`);
    else if (how === TEXTS) {
      const at = `column${firstBound + perRow++}`;
      selected.push(`CAST(substr(?,${at}>>8,${at}&255) AS TEXT)`);
    } else if (how === SEQUENCE) selected.push('?+column1');
    else if (how === ONCE || !(col instanceof HexColumn)) selected.push('?');
    else selected.push(`substr(?,column${2 + packedSizes.indexOf(col.size)},${col.size})`);
  }
  const placeholders = perRow === 0 ? '' : `,${new Array(perRow).fill('?').join(',')}`;
  const values = Array.from({ length: rows }, (_, r) => `(${[r, ...packedSizes.map((size) => r * size + 1)].join(',')}${placeholders})`);
  return `INSERT INTO chain_transfers (chain, ${COLUMN_NAMES.join(', ')}, source_id)
  SELECT ?,${selected.join(',')},? FROM (VALUES ${values.join(',')}) WHERE true
  ON CONFLICT (chain, block_number, tx_hash, position) DO UPDATE SET
    success = coalesce(chain_transfers.success, excluded.success),
    to_address = coalesce(chain_transfers.to_address, excluded.to_address),
    tx_index = coalesce(chain_transfers.tx_index, excluded.tx_index),
    block_time = coalesce(chain_transfers.block_time, excluded.block_time),
    flags = chain_transfers.flags | excluded.flags
  WHERE (chain_transfers.success IS NULL AND excluded.success IS NOT NULL)
     OR (chain_transfers.to_address IS NULL AND excluded.to_address IS NOT NULL)
     OR (chain_transfers.tx_index IS NULL AND excluded.tx_index IS NOT NULL)
     OR (chain_transfers.block_time IS NULL AND excluded.block_time IS NOT NULL)
     OR (chain_transfers.flags | excluded.flags) <> chain_transfers.flags`;
}
