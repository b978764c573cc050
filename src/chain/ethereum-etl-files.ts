import { ownValue } from '../common/own.js';
import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';
import { readCsvChunks } from './csv-records.js';
import type { EthCallFrame } from './eth-block-data.js';
import { ethInternalTransfers, ethNativeTransfer, ethTokenTransfers } from './eth-transfers.js';
import { BlockCollector, columnsOf, emptyBatch, note, type FileBatch, type FileReadContext } from './file-batch.js';
import { ChunkFieldReader, FieldReader, columnIndexes } from './file-fields.js';
import { readJsonLines } from './json-lines.js';
import { JsonNumber, type JsonValue } from './lossless-json.js';
import { allowedToken } from './token-allowlist.js';
import { TRANSFER_FLAGS, intrinsicFlags } from './transfer-flags.js';
import { NATIVE_ASSET, NATIVE_POSITION, logPosition, type Transfer } from './transfer.js';

/** The ethereum-etl outputs we read (see ../shared/docs/domain-tracing.md §6). */
export type EthEtlKind = 'blocks' | 'transactions' | 'token_transfers' | 'traces' | 'receipts' | 'logs' | 'tokens' | 'contracts';

/** Order in which an import applies them: blocks and transactions first, so later files can refer to them. */
export const ETH_ETL_KIND_ORDER: readonly EthEtlKind[] = ['blocks', 'transactions', 'receipts', 'traces', 'logs', 'token_transfers', 'tokens', 'contracts'];

const STREAM_TYPES: Record<string, EthEtlKind> = {
  block: 'blocks',
  transaction: 'transactions',
  token_transfer: 'token_transfers',
  trace: 'traces',
  receipt: 'receipts',
  log: 'logs',
  token: 'tokens',
  contract: 'contracts',
};

/**
 * Which ethereum-etl output a header row (CSV) or the keys of a JSON object belong to.
 *
 * @example
 * ethEtlKindOfColumns(['token_address', 'from_address', 'to_address', 'value', 'transaction_hash', 'log_index', 'block_number']) // 'token_transfers'
 */
export function ethEtlKindOfColumns(columns: readonly string[]): EthEtlKind | undefined {
  const has = new Set(columns.map((c) => c.trim().toLowerCase()));
  if (has.has('token_address') && has.has('log_index') && has.has('transaction_hash')) return 'token_transfers';
  if (has.has('trace_type') || (has.has('trace_address') && has.has('subtraces'))) return 'traces';
  if (has.has('topics') && has.has('log_index') && has.has('address')) return 'logs';
  if (has.has('cumulative_gas_used') && has.has('transaction_hash') && !has.has('nonce')) return 'receipts';
  if (has.has('nonce') && has.has('transaction_index') && has.has('from_address') && has.has('hash')) return 'transactions';
  if (has.has('parent_hash') && has.has('number') && has.has('hash') && (has.has('miner') || has.has('gas_limit'))) return 'blocks';
  if (has.has('bytecode') && has.has('function_sighashes')) return 'contracts';
  if (has.has('address') && has.has('symbol') && has.has('decimals')) return 'tokens';
  return undefined;
}

/** The kind of one JSON line: its stream `type`, else its keys. */
export function ethEtlKindOfObject(obj: { [key: string]: JsonValue }): EthEtlKind | undefined {
  const t = obj.type;
  const kind = typeof t === 'string' ? ownValue(STREAM_TYPES, t) : undefined;
  if (kind) return kind;
  return ethEtlKindOfColumns(Object.keys(obj));
}

const COLUMNS = {
  blocks: { required: ['number', 'hash', 'parent_hash', 'timestamp'], optional: ['withdrawals'] },
  transactions: {
    required: ['hash', 'block_number', 'transaction_index', 'from_address', 'to_address', 'value'],
    optional: ['block_hash', 'block_timestamp', 'receipt_status', 'receipt_contract_address'],
  },
  token_transfers: {
    required: ['token_address', 'from_address', 'to_address', 'value', 'transaction_hash', 'log_index', 'block_number'],
    optional: ['block_timestamp', 'block_hash', 'transaction_index'],
  },
  traces: {
    required: ['block_number', 'transaction_hash', 'transaction_index', 'from_address', 'to_address', 'value', 'trace_type', 'call_type', 'trace_address', 'status'],
    optional: ['block_timestamp', 'error'],
  },
  receipts: { required: ['transaction_hash', 'block_number', 'status'], optional: ['contract_address', 'block_hash'] },
  logs: { required: ['log_index', 'transaction_hash', 'transaction_index', 'block_number', 'address', 'data', 'topics'], optional: ['block_timestamp', 'block_hash'] },
  tokens: { required: ['address', 'symbol', 'decimals'], optional: ['name'] },
  contracts: { required: ['address'], optional: [] },
} as const;

type Ix = Record<string, number | undefined>;
type RowMapper = (r: readonly string[], ix: Ix, f: FieldReader, out: FileBatch) => void;
/** Maps the record whose first field is `base` straight from the chunk's bytes. */
type ByteRowMapper = (base: number, ix: Ix, fields: ChunkFieldReader, out: FileBatch) => void;

/**
 * Reads an ethereum-etl CSV export (blocks, transactions, token_transfers, traces, receipts, logs, tokens,
 * contracts: the kind is read from the header) as batches of transfers and block records. Transactions and
 * token transfers, the bulk of an export, are read from the bytes into the store's form.
 *
 * @example
 * for await (const batch of readEthereumEtlCsv(fileSource('transactions.csv'), ctx)) store.write(…);
 */
export async function* readEthereumEtlCsv(src: SourceFile, ctx: FileReadContext): AsyncGenerator<FileBatch> {
  let ix: Ix | undefined;
  let mapper: RowMapper | undefined;
  let byteMapper: ByteRowMapper | undefined;
  let width = 0;
  const f: FieldReader = new FieldReader(src.name);
  const fields = new ChunkFieldReader(f);
  const blocks = new BlockCollector();
  for await (const chunk of readCsvChunks(src, { onBytes: ctx.onBytes })) {
    const out = emptyBatch();
    fields.chunk = chunk;
    for (let i = 0; i < chunk.count; i++) {
      f.line = chunk.lines[i]!;
      if (!ix) {
        const header = chunk.record(i);
        const kind = ethEtlKindOfColumns(header);
        if (!kind) throw new InputError(src.name, `not an ethereum-etl CSV header: ${header.slice(0, 8).join(',')}`, f.line);
        ix = columnIndexes(src.name, header, COLUMNS[kind].required, COLUMNS[kind].optional);
        mapper = rowMapper(kind, ctx, blocks);
        byteMapper = byteRowMapper(kind, ctx, blocks);
        width = header.length;
        continue;
      }
      if (chunk.width(i) !== width) throw new InputError(src.name, `expected ${width} columns as in the header, found ${chunk.width(i)}`, f.line);
      if (byteMapper) byteMapper(chunk.first[i]!, ix, fields, out);
      else mapper!(chunk.record(i), ix, f, out);
    }
    out.blocks = blocks.drain();
    yield out;
  }
  if (!ix) throw new InputError(src.name, 'the file is empty: no header row', 1);
}

/**
 * Reads ethereum-etl JSON lines (export or stream output; a stream file may mix item types).
 *
 * @example
 * for await (const batch of readEthereumEtlJson(fileSource('expected_token_transfers.json'), ctx)) store.write(…);
 */
export async function* readEthereumEtlJson(src: SourceFile, ctx: FileReadContext): AsyncGenerator<FileBatch> {
  const f: FieldReader = new FieldReader(src.name);
  const blocks = new BlockCollector();
  const mappers = new Map<EthEtlKind, { columns: string[]; ix: Ix; map: RowMapper }>();
  let rows = 0;
  for await (const chunk of readJsonLines(src, { onBytes: ctx.onBytes })) {
    const out = emptyBatch();
    for (let i = 0; i < chunk.objects.length; i++) {
      const obj = chunk.objects[i]!;
      f.line = chunk.lines[i]!;
      const kind = ethEtlKindOfObject(obj);
      if (!kind) throw new InputError(src.name, `not an ethereum-etl item (keys: ${Object.keys(obj).slice(0, 8).join(', ')})`, f.line);
      let m = mappers.get(kind);
      if (!m) {
        const columns = [...COLUMNS[kind].required, ...COLUMNS[kind].optional];
        m = { columns, ix: Object.fromEntries(columns.map((c, k) => [c, k])), map: rowMapper(kind, ctx, blocks) };
        mappers.set(kind, m);
      }
      for (const c of COLUMNS[kind].required) {
        if (!(c in obj)) throw new InputError(src.name, `missing field "${c}" of a ${kind} item`, f.line, c);
      }
      m.map(
        m.columns.map((c) => jsonText(obj[c])),
        m.ix,
        f,
        out,
      );
      rows++;
    }
    out.blocks = blocks.drain();
    yield out;
  }
  if (rows === 0) throw new InputError(src.name, 'the file holds no ethereum-etl items', 1);
}

function jsonText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object') ? JSON.stringify(value) : value.map((v) => jsonText(v)).join(',');
  return '';
}

function rowMapper(kind: EthEtlKind, ctx: FileReadContext, blocks: BlockCollector): RowMapper {
  const chain = ctx.chain;
  switch (kind) {
    case 'blocks':
      return (r, ix, f) => {
        const n = f.int('number', r[ix.number!]);
        blocks.add(chain, n, f.hash('hash', r[ix.hash!]), f.hash('parent_hash', r[ix.parent_hash!]), f.int('timestamp', r[ix.timestamp!]));
        const w = ix.withdrawals === undefined ? '' : (r[ix.withdrawals] ?? '');
        if (w !== '' && w !== '[]') note(ctx, 'beacon-chain withdrawals in block files were not stored (payouts from the consensus layer, not transfers between accounts)', countWithdrawals(w));
      };
    case 'transactions':
      return (r, ix, f, out) => {
        const blockNumber = f.int('block_number', r[ix.block_number!]);
        const time = ix.block_timestamp === undefined ? null : f.optionalInt('block_timestamp', r[ix.block_timestamp]);
        const status = ix.receipt_status === undefined ? null : f.optionalBool('receipt_status', r[ix.receipt_status]);
        const contract = ix.receipt_contract_address === undefined ? null : f.optionalAddress('receipt_contract_address', r[ix.receipt_contract_address]);
        const tx = {
          hash: f.hash('hash', r[ix.hash!]),
          index: f.int('transaction_index', r[ix.transaction_index!]),
          from: f.address('from_address', r[ix.from_address!]),
          to: f.optionalAddress('to_address', r[ix.to_address!]),
          value: f.bigint('value', r[ix.value!]),
        };
        out.transfers.push(ethNativeTransfer(chain, { number: blockNumber, timestamp: time }, tx, status === null && contract === null ? null : { status, contractAddress: contract }));
        blocks.add(chain, blockNumber, ix.block_hash === undefined ? null : f.optionalHash('block_hash', r[ix.block_hash]), null, time);
      };
    case 'token_transfers':
      return (r, ix, f, out) => {
        const blockNumber = f.int('block_number', r[ix.block_number!]);
        const time = ix.block_timestamp === undefined ? null : f.optionalInt('block_timestamp', r[ix.block_timestamp]);
        const asset = f.address('token_address', r[ix.token_address!]);
        const amount = f.bigint('value', r[ix.value!]);
        const t: Transfer = {
          chain,
          blockNumber,
          blockTime: time,
          txHash: f.hash('transaction_hash', r[ix.transaction_hash!]),
          txIndex: ix.transaction_index === undefined ? null : f.optionalInt('transaction_index', r[ix.transaction_index]),
          position: logPosition(f.int('log_index', r[ix.log_index!])),
          kind: 'token',
          from: f.address('from_address', r[ix.from_address!]),
          to: f.address('to_address', r[ix.to_address!]),
          asset,
          amount,
          success: true,
          flags: intrinsicFlags(chain, asset, amount),
        };
        out.transfers.push(t);
        blocks.add(chain, blockNumber, ix.block_hash === undefined ? null : f.optionalHash('block_hash', r[ix.block_hash]), null, time);
      };
    case 'logs':
      return (r, ix, f, out) => {
        const blockNumber = f.int('block_number', r[ix.block_number!]);
        const time = ix.block_timestamp === undefined ? null : f.optionalInt('block_timestamp', r[ix.block_timestamp]);
        const topicsText = r[ix.topics!] ?? '';
        const topics = topicsText === '' ? [] : topicsText.split(',').map((t) => t.trim());
        const data = r[ix.data!] ?? '';
        if (!/^0x[0-9a-fA-F]*$/.test(data)) f.fail('data', 'expected 0x-prefixed hex');
        const log = {
          address: f.address('address', r[ix.address!]),
          topics: topics.map((t) => f.hash('topics', t)),
          data,
          logIndex: f.int('log_index', r[ix.log_index!]),
          txHash: f.hash('transaction_hash', r[ix.transaction_hash!]),
          txIndex: f.optionalInt('transaction_index', r[ix.transaction_index!]),
        };
        out.transfers.push(...ethTokenTransfers(chain, blockNumber, time, [log]));
        blocks.add(chain, blockNumber, ix.block_hash === undefined ? null : f.optionalHash('block_hash', r[ix.block_hash]), null, time);
      };
    case 'traces':
      return (r, ix, f, out) => {
        const blockNumber = f.int('block_number', r[ix.block_number!]);
        const time = ix.block_timestamp === undefined ? null : f.optionalInt('block_timestamp', r[ix.block_timestamp]);
        const traceType = (r[ix.trace_type!] ?? '').toLowerCase();
        const addressText = r[ix.trace_address!] ?? '';
        const traceAddress = addressText === '' ? [] : addressText.split(',').map((p) => f.int('trace_address', p.trim()));
        const status = f.optionalBool('status', r[ix.status!]);
        const type: EthCallFrame['type'] =
          traceType === 'call' || traceType === 'create' || traceType === 'reward' ? traceType : traceType === 'suicide' || traceType === 'selfdestruct' ? 'suicide' : 'other';
        if (type === 'other') {
          note(ctx, `traces of type "${traceType}" (state set-up such as genesis allocations or the DAO fork) were not stored as transfers`);
          return;
        }
        const frame: EthCallFrame = {
          txIndex: f.optionalInt('transaction_index', r[ix.transaction_index!]),
          txHash: f.optionalHash('transaction_hash', r[ix.transaction_hash!]),
          traceAddress,
          type,
          callType: (r[ix.call_type!] ?? '') === '' ? null : r[ix.call_type!]!.toLowerCase(),
          from: f.optionalAddress('from_address', r[ix.from_address!]),
          to: f.optionalAddress('to_address', r[ix.to_address!]),
          value: (r[ix.value!] ?? '') === '' ? 0n : f.bigint('value', r[ix.value!]),
          // ethereum-etl's status already accounts for a failed enclosing call.
          failed: status === false,
        };
        out.transfers.push(
          ...ethInternalTransfers(chain, blockNumber, time, [frame], {
            includeTopLevel: true,
            txSuccess: () => (status === null ? null : status),
            onSkip: (reason) => {
              if (reason === 'reward') note(ctx, 'block and uncle reward traces were not stored (new issuance, not a transfer from an account)');
              else if (reason === 'unknownType') note(ctx, 'traces without a transaction were not stored');
            },
          }),
        );
        blocks.add(chain, blockNumber, null, null, time);
      };
    case 'receipts':
      return (r, ix, f, out) => {
        out.receipts.push({
          chain,
          blockNumber: f.int('block_number', r[ix.block_number!]),
          txHash: f.hash('transaction_hash', r[ix.transaction_hash!]),
          status: f.optionalBool('status', r[ix.status!]),
          contractAddress: ix.contract_address === undefined ? null : f.optionalAddress('contract_address', r[ix.contract_address]),
        });
      };
    case 'tokens':
      return (r, ix, f, out) => {
        const decimalsText = r[ix.decimals!] ?? '';
        const decimals = /^\d{1,3}$/.test(decimalsText) && Number(decimalsText) <= 255 ? Number(decimalsText) : null;
        if (decimals === null && decimalsText !== '') note(ctx, 'token decimals that are not a number 0-255 were left unknown');
        out.tokens.push({
          chain,
          address: f.address('address', r[ix.address!]),
          symbol: (r[ix.symbol!] ?? '') || null,
          name: ix.name === undefined ? null : (r[ix.name] ?? '') || null,
          decimals,
          origin: 'file',
        });
      };
    case 'contracts':
      return () => note(ctx, 'contract rows were read but hold no transfers');
  }
}

function countWithdrawals(text: string): number {
  return (text.match(/"index"/g) ?? []).length || 1;
}

/**
 * Byte-level twins of the transactions and token_transfers mappers above (same checks in the same order, same
 * transfers), writing into the batch's columns; undefined for the other kinds.
 */
function byteRowMapper(kind: EthEtlKind, ctx: FileReadContext, blocks: BlockCollector): ByteRowMapper | undefined {
  const chain = ctx.chain;
  const blockHash = new BlockHashReader(chain, blocks);
  switch (kind) {
    case 'transactions':
      return (base, ix, fields, out) => {
        const c = columnsOf(out, chain, fields.chunk.count);
        const blockNumber = fields.int('block_number', base + ix.block_number!);
        const time = ix.block_timestamp === undefined ? null : fields.optionalInt('block_timestamp', base + ix.block_timestamp);
        const status = ix.receipt_status === undefined ? null : fields.optionalBool('receipt_status', base + ix.receipt_status);
        const contract = ix.receipt_contract_address === undefined || fields.isEmpty(base + ix.receipt_contract_address) ? -1 : base + ix.receipt_contract_address;
        if (contract >= 0) fields.checkAddress('receipt_contract_address', contract); // stored below when the transaction names no receiver
        c.blockNumber.push(blockNumber);
        fields.hash('hash', base + ix.hash!, c.txHash);
        c.txIndex.push(fields.int('transaction_index', base + ix.transaction_index!));
        fields.address('from_address', base + ix.from_address!, c.from);
        const to = base + ix.to_address!;
        fields.optionalAddress('to_address', fields.isEmpty(to) && contract >= 0 ? contract : to, c.to);
        const zero = fields.amount('value', base + ix.value!, c.amount);
        c.blockTime.push(time);
        c.position.push(NATIVE_POSITION);
        c.kind.push('native');
        c.asset.push(NATIVE_ASSET);
        c.success.push(status === null ? null : status ? 1 : 0);
        c.flags.push(zero ? TRANSFER_FLAGS.zeroValue : 0);
        c.scriptType.push(null);
        blockHash.add(fields, ix.block_hash === undefined ? -1 : base + ix.block_hash, blockNumber, time);
      };
    case 'token_transfers': {
      const tokens = new RecentTokens(chain);
      const positions: string[] = [];
      return (base, ix, fields, out) => {
        const c = columnsOf(out, chain, fields.chunk.count);
        const blockNumber = fields.int('block_number', base + ix.block_number!);
        const time = ix.block_timestamp === undefined ? null : fields.optionalInt('block_timestamp', base + ix.block_timestamp);
        const tokenField = base + ix.token_address!;
        const tokenAt = fields.address('token_address', tokenField, c.asset); // (before reading c.asset.bytes, which this may replace)
        const tokenFlags = tokens.flags(c.asset.bytes, tokenAt, fields, tokenField);
        const zero = fields.amount('value', base + ix.value!, c.amount);
        fields.hash('transaction_hash', base + ix.transaction_hash!, c.txHash);
        c.txIndex.push(ix.transaction_index === undefined ? null : fields.optionalInt('transaction_index', base + ix.transaction_index));
        const logIndex = fields.int('log_index', base + ix.log_index!);
        fields.address('from_address', base + ix.from_address!, c.from);
        fields.address('to_address', base + ix.to_address!, c.to);
        c.blockNumber.push(blockNumber);
        c.blockTime.push(time);
        c.position.push(logIndex < 4096 ? (positions[logIndex] ??= logPosition(logIndex)) : logPosition(logIndex));
        c.kind.push('token');
        c.success.push(1);
        c.flags.push(tokenFlags | (zero ? TRANSFER_FLAGS.zeroValue : 0));
        c.scriptType.push(null);
        blockHash.add(fields, ix.block_hash === undefined ? -1 : base + ix.block_hash, blockNumber, time);
      };
    }
    default:
      return undefined;
  }
}

/**
 * The unverifiedToken flag of the token contracts met last, matched by their bytes: a file of token transfers
 * names a handful of contracts again and again, and a string per row just to look one up costs more.
 */
class RecentTokens {
  private static readonly SIZE = 16;
  private readonly bytes = new Uint8Array(RecentTokens.SIZE * 20);
  private readonly flagsOf = new Int32Array(RecentTokens.SIZE);
  private count = 0;
  private next = 0;
  private last = 0;

  constructor(private readonly chain: string) {}

  /** Flags of the 20-byte contract address at `at` of `bytes`; field `k` of `fields` spells it. */
  flags(bytes: Uint8Array, at: number, fields: ChunkFieldReader, k: number): number {
    const known = this.bytes;
    // The one met last first: transfers of one token often come together.
    for (let n = 0, e = this.last; n < this.count; n++, e = e + 1 === this.count ? 0 : e + 1) {
      const base = e * 20;
      let i = 0;
      while (i < 20 && known[base + i] === bytes[at + i]) i++;
      if (i === 20) {
        this.last = e;
        return this.flagsOf[e]!;
      }
    }
    const flags = allowedToken(this.chain, fields.text(k)) ? 0 : TRANSFER_FLAGS.unverifiedToken;
    const slot = this.count < RecentTokens.SIZE ? this.count++ : (this.next = (this.next + 1) % RecentTokens.SIZE);
    known.set(bytes.subarray(at, at + 20), slot * 20);
    this.flagsOf[slot] = flags;
    this.last = slot;
    return flags;
  }
}

/**
 * Records each row's block, checking its optional hash and making a string of it only while the block has none.
 * Rows of one block repeat its hash: a field spelt exactly as the one checked before is not checked again.
 */
class BlockHashReader {
  /** The spelling of the hash checked last (its length when set). */
  private readonly checked = new Uint8Array(66);
  private readonly checkedView = new DataView(this.checked.buffer);
  private checkedLength = 0;

  constructor(
    private readonly chain: string,
    private readonly blocks: BlockCollector,
  ) {}

  add(fields: ChunkFieldReader, field: number, blockNumber: number, time: number | null): void {
    let hash: string | null = null;
    if (field >= 0 && !fields.isEmpty(field)) {
      if (!this.isChecked(fields, field)) {
        fields.checkHash('block_hash', field);
        const { bytes, starts } = fields.chunk;
        this.checked.set(bytes.subarray(starts[field]!, starts[field]! + 66));
        this.checkedLength = 66;
      }
      if (!this.blocks.knowsHash(this.chain, blockNumber)) hash = fields.text(field).toLowerCase();
    }
    this.blocks.add(this.chain, blockNumber, hash, null, time);
  }

  private isChecked(fields: ChunkFieldReader, field: number): boolean {
    return this.checkedLength > 0 && fields.spells(field, this.checkedView, this.checkedLength);
  }
}
