import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import { InputError } from '../errors.js';
import { BlockCollector, emptyBatch, note, type FileBatch, type FileReadContext } from './file-batch.js';
import { canReadZstd, parquetCompressors } from './parquet-codecs.js';
import { intrinsicFlags } from './transfer-flags.js';
import { NATIVE_ASSET, NATIVE_POSITION, cryoTransferPosition, logPosition, type Transfer } from './transfer.js';

export type CryoDataset = 'native_transfers' | 'erc20_transfers';

/** Which cryo dataset a set of column names is. */
export function cryoDatasetOfColumns(columns: readonly string[]): CryoDataset | undefined {
  const has = new Set(columns);
  if (has.has('erc20') && has.has('log_index') && has.has('from_address')) return 'erc20_transfers';
  if (has.has('transfer_index') && has.has('from_address') && has.has('to_address')) return 'native_transfers';
  return undefined;
}

/** A cryo row as hyparquet returns it: binary columns as bytes (or hex text with --hex), numbers, bigints. */
export type CryoRow = Record<string, unknown>;

/**
 * Reads a cryo parquet file (`native_transfers` or `erc20_transfers`) one row group at a time. Hashes and
 * addresses may be binary or hex; u256 values are read from `value_string`, `value_binary` or `value`, never
 * from the lossy `value_f64`.
 *
 * @example
 * for await (const batch of readCryoParquet('/data/ethereum__erc20_transfers__17000000_to_17000999.parquet', ctx)) store.write(…);
 */
export async function* readCryoParquet(path: string, ctx: FileReadContext): AsyncGenerator<FileBatch> {
  let file;
  let metadata;
  try {
    file = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(file);
  } catch (err) {
    throw new InputError(path, `not a readable parquet file: ${(err as Error).message}`);
  }
  const columns = parquetSchema(metadata).children.map((c) => c.element.name);
  const dataset = cryoDatasetOfColumns(columns);
  if (!dataset) throw new InputError(path, `not a cryo native_transfers or erc20_transfers file (columns: ${columns.join(', ')})`);
  const codecs = new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec)));
  if (codecs.has('ZSTD') && !canReadZstd()) {
    throw new InputError(path, 'the file is ZSTD-compressed, which this Node version cannot read: export again with `cryo … --compression lz4` (or snappy, gzip, none), or use Node ≥ 22.15');
  }
  const mapper = cryoRowMapper(dataset, path, ctx);
  const blocks = new BlockCollector();
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: CryoRow[];
    try {
      rows = (await parquetReadObjects({ file, metadata, rowStart, rowEnd, utf8: false, compressors: parquetCompressors() })) as CryoRow[];
    } catch (err) {
      throw new InputError(path, `cannot decode rows ${rowStart}-${rowEnd - 1}: ${(err as Error).message}`);
    }
    const out = emptyBatch();
    rows.forEach((row, i) => mapper(row, rowStart + i, out, blocks));
    out.blocks = blocks.drain();
    yield out;
    rowStart = rowEnd;
  }
}

/**
 * Maps cryo rows to transfers. `native_transfers` lists every successful call of a block (cryo drops failed
 * ones) without trace addresses: the first row of a transaction is its own value (stored as `native`), later
 * rows with value are internal transfers keyed by cryo's `transfer_index`; zero-value calls and block
 * rewards are counted, not stored. `row` numbers rows from 0 for error messages.
 */
export function cryoRowMapper(dataset: CryoDataset, file: string, ctx: FileReadContext): (row: CryoRow, rowNumber: number, out: FileBatch, blocks: BlockCollector) => void {
  const chain = ctx.chain;
  let currentBlock = -1;
  const txsSeen = new Set<string>();
  return (row, rowNumber, out, blocks) => {
    const fail = (field: string, detail: string): never => {
      throw new InputError(file, `row ${rowNumber}: ${detail}`, undefined, field);
    };
    const blockNumber = intOf(row.block_number) ?? fail('block_number', 'not a block number');
    const txIndex = row.transaction_index === null || row.transaction_index === undefined ? null : (intOf(row.transaction_index) ?? fail('transaction_index', 'not an index'));
    const txHash = row.transaction_hash === null || row.transaction_hash === undefined ? null : hexOf(row.transaction_hash, 32) ?? fail('transaction_hash', 'not a 32-byte hash');
    const from = addressOf(row.from_address) ?? fail('from_address', 'not an address');
    const to = addressOf(row.to_address) ?? fail('to_address', 'not an address');
    const amount = valueOf(row) ?? fail('value', 'no exact u256 value column (value_string, value_binary or value); value_f64 alone is lossy');
    const blockHash = row.block_hash === null || row.block_hash === undefined ? null : hexOf(row.block_hash, 32);
    blocks.add(chain, blockNumber, blockHash ?? null, null, null);
    if (dataset === 'erc20_transfers') {
      if (txHash === null) fail('transaction_hash', 'missing');
      const asset = addressOf(row.erc20) ?? fail('erc20', 'not a token address');
      const logIndex = intOf(row.log_index) ?? fail('log_index', 'not an index');
      out.transfers.push(token(chain, blockNumber, txHash!, txIndex, logIndex, from, to, asset, amount));
      return;
    }
    if (blockNumber !== currentBlock) {
      currentBlock = blockNumber;
      txsSeen.clear();
    }
    if (txHash === null) {
      note(ctx, 'cryo native_transfers rows without a transaction (block rewards) were not stored');
      return;
    }
    const transferIndex = intOf(row.transfer_index) ?? fail('transfer_index', 'not an index');
    const first = !txsSeen.has(txHash);
    txsSeen.add(txHash);
    if (!first && amount === 0n) {
      note(ctx, 'cryo native_transfers zero-value calls inside transactions were not stored (they move nothing)');
      return;
    }
    out.transfers.push({
      chain,
      blockNumber,
      blockTime: null,
      txHash,
      txIndex,
      position: first ? NATIVE_POSITION : cryoTransferPosition(transferIndex),
      kind: first ? 'native' : 'internal',
      from,
      to,
      asset: NATIVE_ASSET,
      amount,
      success: true,
      flags: intrinsicFlags(chain, NATIVE_ASSET, amount),
    });
  };
}

function token(chain: string, blockNumber: number, txHash: string, txIndex: number | null, logIndex: number, from: string, to: string, asset: string, amount: bigint): Transfer {
  return { chain, blockNumber, blockTime: null, txHash, txIndex, position: logPosition(logIndex), kind: 'token', from, to, asset, amount, success: true, flags: intrinsicFlags(chain, asset, amount) };
}

function intOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'bigint' && v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
  return undefined;
}

/** Binary (bytes) or hex text of a given byte length, as lower-case 0x hex. */
function hexOf(v: unknown, bytes: number): string | undefined {
  if (v instanceof Uint8Array) return v.length === bytes ? `0x${Buffer.from(v).toString('hex')}` : undefined;
  if (typeof v === 'string' && new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`).test(v)) return v.toLowerCase();
  return undefined;
}

/** cryo writes addresses as 20 bytes, older versions as the 32-byte topic: keep the last 20 bytes. */
function addressOf(v: unknown): string | undefined {
  const full = hexOf(v, 20);
  if (full) return full;
  const topic = hexOf(v, 32);
  return topic ? `0x${topic.slice(26)}` : undefined;
}

function valueOf(row: CryoRow): bigint | undefined {
  for (const key of ['value_string', 'value_binary', 'value']) {
    const v = row[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' && /^\d+$/.test(v)) return BigInt(v);
    if (typeof v === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(v)) return BigInt(v);
    if (v instanceof Uint8Array && v.length > 0 && v.length <= 32) return BigInt(`0x${Buffer.from(v).toString('hex')}`);
    if (typeof v === 'bigint' && v >= 0n) return v;
  }
  return undefined;
}
