import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';
import { CHAINS, requireChain, type ChainName } from './chains.js';
import { readCsvChunks } from './csv-records.js';
import { BlockCollector, columnsOf, emptyBatch, type FileBatch, type FileReadContext } from './file-batch.js';
import { ChunkFieldReader, FieldReader, allDigits, columnIndexes, digitsValue } from './file-fields.js';
import { allowedToken } from './token-allowlist.js';
import type { HexColumn } from './transfer-columns.js';
import { TRANSFER_FLAGS } from './transfer-flags.js';
import { NATIVE_ASSET, NATIVE_POSITION, genericPosition, logPosition, tracePosition, utxoOutputPosition, type TransferKind } from './transfer.js';

/** Required columns of the generic transfers CSV, in the documented order (docs/chain.md). */
export const GENERIC_COLUMNS = ['chain', 'tx_hash', 'block_number', 'timestamp', 'tx_index', 'position', 'from', 'to', 'asset', 'amount'] as const;
/**
 * Optional columns: kind (native|internal|token|utxo), success (1/0/true/false), decimals (for tokens
 * Counterflow does not know), log_index (token rows) and trace_address (internal rows, e.g. `0.1`): when the
 * source knows them, the row gets the same key as node data of the same movement and is stored once.
 */
export const GENERIC_OPTIONAL_COLUMNS = ['kind', 'success', 'decimals', 'log_index', 'trace_address'] as const;

/** Whether a header row is the generic transfers CSV. */
export function isGenericHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return GENERIC_COLUMNS.every((c) => names.has(c));
}

/**
 * Reads the generic transfers CSV (for data from any other tool, e.g. an explorer export): amounts in whole
 * units of the asset, converted exactly with the asset's decimals. See docs/chain.md for the format. Rows
 * go straight from the file's bytes into the store's form (`batch.columns`, one per chain).
 *
 * @example
 * for await (const batch of readGenericTransfersCsv(fileSource('bybit-hop1.csv'), ctx)) store.write(…);
 */
export async function* readGenericTransfersCsv(src: SourceFile, ctx: FileReadContext): AsyncGenerator<FileBatch> {
  const f: FieldReader = new FieldReader(src.name);
  const fields = new ChunkFieldReader(f);
  const blocks = new BlockCollector();
  let row: GenericRowReader | undefined;
  let width = 0;
  for await (const chunk of readCsvChunks(src, { onBytes: ctx.onBytes })) {
    const out = emptyBatch();
    fields.chunk = chunk;
    for (let i = 0; i < chunk.count; i++) {
      f.line = chunk.lines[i]!;
      if (!row) {
        const header = chunk.record(i);
        row = new GenericRowReader(columnIndexes(src.name, header, GENERIC_COLUMNS, GENERIC_OPTIONAL_COLUMNS), fields, ctx);
        width = header.length;
        continue;
      }
      if (chunk.width(i) !== width) throw new InputError(src.name, `expected ${width} columns as in the header, found ${chunk.width(i)}`, f.line);
      row.read(chunk.first[i]!, out, blocks);
    }
    out.blocks = blocks.drain();
    yield out;
  }
  if (!row) throw new InputError(src.name, 'the file is empty: no header row', 1);
}

type GenericIndexes = Record<(typeof GENERIC_COLUMNS)[number], number> & Record<(typeof GENERIC_OPTIONAL_COLUMNS)[number], number | undefined>;

/** Reads one row of the generic CSV into the batch's columns of its chain. */
class GenericRowReader {
  private readonly f: FieldReader;
  private lastChain: { spelling: Uint8Array; chain: ChainName } | undefined;

  constructor(
    private readonly ix: GenericIndexes,
    private readonly fields: ChunkFieldReader,
    private readonly ctx: FileReadContext,
  ) {
    this.f = fields.f;
  }

  read(base: number, out: FileBatch, blocks: BlockCollector): void {
    const { ix, fields } = this;
    const f: FieldReader = this.f; // (declared type: f.fail narrows as a never-returning call)
    const chain = this.chainOf(base + ix.chain);
    const evm = CHAINS[chain].family === 'evm';
    const c = columnsOf(out, chain, fields.chunk.count);
    if (evm) fields.hash('tx_hash', base + ix.tx_hash, c.txHash);
    else c.txHash.push(btcHash(f, fields.text(base + ix.tx_hash)));
    const blockNumber = fields.int('block_number', base + ix.block_number);
    const timestamp = base + ix.timestamp;
    const unix = fields.chunk.ends[timestamp]! - fields.chunk.starts[timestamp]! <= 12 ? digitsValue(fields.chunk.bytes, fields.chunk.starts[timestamp]!, fields.chunk.ends[timestamp]!) : -1;
    const blockTime = unix >= 0 ? unix : parseTimestamp(f, fields.text(timestamp));
    const txIndex = fields.optionalInt('tx_index', base + ix.tx_index);
    const position = fields.int('position', base + ix.position);
    this.party('from', base + ix.from, evm, c.from);
    this.party('to', base + ix.to, evm, c.to);
    const asset = this.fieldIs(base + ix.asset, NATIVE_ASSET) ? NATIVE_ASSET : this.asset(chain, evm, fields.text(base + ix.asset).trim());
    c.asset.push(asset);
    const kindText = ix.kind === undefined ? '' : fields.text(base + ix.kind).trim().toLowerCase();
    let kind: TransferKind;
    if (kindText === '') kind = asset !== NATIVE_ASSET ? 'token' : evm ? (position === 0 ? 'native' : 'internal') : 'utxo';
    else if (kindText === 'native' || kindText === 'internal' || kindText === 'token' || kindText === 'utxo') kind = kindText;
    else f.fail('kind', `expected native, internal, token or utxo, got "${kindText}"`);
    if ((kind === 'token') !== (asset !== NATIVE_ASSET)) f.fail('kind', `kind ${kind} does not go with asset ${asset}`);
    if (kind === 'native' && position !== 0) f.fail('position', 'a native row is the transaction\'s own value: its position must be 0 (use kind "internal" for calls inside it)');
    const decimalsText = ix.decimals === undefined ? '' : fields.text(base + ix.decimals).trim();
    const known = asset === NATIVE_ASSET ? CHAINS[chain].nativeDecimals : (allowedToken(chain, asset)?.decimals ?? this.ctx.tokenDecimals(chain, asset));
    let decimals = known;
    if (decimalsText !== '') {
      const stated = f.int('decimals', decimalsText);
      if (known !== null && stated !== known) f.fail('decimals', `the row says ${stated} decimals but ${asset} has ${known}`);
      decimals = stated;
    }
    if (decimals === null) f.fail('decimals', `decimals of token ${asset} are unknown: add a "decimals" column (amounts are in whole units)`);
    const zero = fields.units('amount', base + ix.amount, decimals, c.amount);
    const successText = ix.success === undefined ? '' : fields.text(base + ix.success);
    const success = successText === '' ? (kind === 'token' ? true : null) : f.optionalBool('success', successText);
    const logIndexText = ix.log_index === undefined ? '' : fields.text(base + ix.log_index).trim();
    const traceText = ix.trace_address === undefined ? '' : fields.text(base + ix.trace_address).trim();
    if (logIndexText !== '' && kind !== 'token') f.fail('log_index', 'only token rows have a log index');
    if (traceText !== '' && kind !== 'internal') f.fail('trace_address', 'only internal rows have a trace address');
    let pos: string;
    if (kind === 'native') pos = NATIVE_POSITION;
    else if (kind === 'utxo') pos = utxoOutputPosition(position);
    else if (logIndexText !== '') pos = logPosition(f.int('log_index', logIndexText));
    else if (traceText !== '') pos = tracePosition(traceText.split('.').map((p) => f.int('trace_address', p)));
    // Without the source's own log index or trace address the row keeps its own key space, so it can never be
    // mistaken for a different movement of node data.
    else pos = genericPosition(position);
    c.blockNumber.push(blockNumber);
    c.blockTime.push(blockTime);
    c.txIndex.push(txIndex);
    c.position.push(pos);
    c.kind.push(kind);
    c.success.push(success === null ? null : success ? 1 : 0);
    c.flags.push((zero ? TRANSFER_FLAGS.zeroValue : 0) | (asset !== NATIVE_ASSET && !allowedToken(chain, asset) ? TRANSFER_FLAGS.unverifiedToken : 0));
    c.scriptType.push(null);
    blocks.add(chain, blockNumber, null, null, blockTime);
  }

  /** The chain a row names; the spelling of the row before is recognised by its bytes, without a string. */
  private chainOf(k: number): ChainName {
    const { bytes, starts, ends } = this.fields.chunk;
    const start = starts[k]!;
    const length = ends[k]! - start;
    const last = this.lastChain;
    if (last && last.spelling.length === length) {
      let i = 0;
      while (i < length && last.spelling[i] === bytes[start + i]) i++;
      if (i === length) return last.chain;
    }
    const chain = requireChain(this.fields.text(k), this.f.file, this.f.line, 'chain');
    this.lastChain = { spelling: bytes.slice(start, start + length), chain };
    return chain;
  }

  /** A sender or receiver: empty means none; surrounding spaces are ignored. */
  private party(field: 'from' | 'to', k: number, evm: boolean, column: HexColumn): void {
    const { bytes, starts, ends } = this.fields.chunk;
    const start = starts[k]!;
    const end = ends[k]!;
    if (evm && end > start && bytes[start]! > 32 && bytes[end - 1]! > 32) {
      this.fields.address(field, k, column);
      return;
    }
    const t = this.fields.text(k).trim();
    if (t === '') return column.push(null);
    if (evm) return column.push(this.f.address(field, t));
    if (!/^[A-Za-z0-9,]{14,120}$/.test(t)) this.f.fail(field, `not an address: "${t}"`);
    column.push(t);
  }

  private asset(chain: ChainName, evm: boolean, text: string): string {
    if (text.toLowerCase() === NATIVE_ASSET) return NATIVE_ASSET;
    return evm ? this.f.address('asset', text) : this.f.fail('asset', `only "native" is supported on ${chain}`);
  }

  /** Whether field `k` is exactly `text` (ASCII). */
  private fieldIs(k: number, text: string): boolean {
    const { bytes, starts, ends } = this.fields.chunk;
    const start = starts[k]!;
    if (ends[k]! - start !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }
}

/** ISO-8601 (a missing zone means UTC; a space may stand for the T) or Unix seconds. */
export function parseTimestamp(f: FieldReader, text: string): number {
  const t = text.trim();
  if (t.length <= 12 && allDigits(t)) return Number(t);
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) f.fail('timestamp', `expected ISO-8601 (2025-02-21T14:29:47Z) or Unix seconds, got "${t}"`);
  const zone = m[7] ?? 'Z';
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) f.fail('timestamp', `not a real date: "${t}"`);
  return Math.floor(ms / 1000);
}

function btcHash(f: FieldReader, text: string | undefined): string {
  const t = (text ?? '').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(t)) f.fail('tx_hash', `expected a 64-hex-digit transaction id, got "${t}"`);
  return t.toLowerCase();
}

