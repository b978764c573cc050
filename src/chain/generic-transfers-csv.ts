import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';
import { CHAINS, requireChain } from './chains.js';
import { readCsvRecords } from './csv-records.js';
import { BlockCollector, emptyBatch, type FileBatch, type FileReadContext } from './file-batch.js';
import { FieldReader, allDigits, columnIndexes } from './file-fields.js';
import { allowedToken } from './token-allowlist.js';
import { intrinsicFlags } from './transfer-flags.js';
import { NATIVE_ASSET, NATIVE_POSITION, genericPosition, logPosition, tracePosition, utxoOutputPosition, type Transfer, type TransferKind } from './transfer.js';
import { parseUnits } from './units.js';

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
 * units of the asset, converted exactly with the asset's decimals. See docs/chain.md for the format.
 *
 * @example
 * for await (const batch of readGenericTransfersCsv(fileSource('bybit-hop1.csv'), ctx)) store.write(…);
 */
export async function* readGenericTransfersCsv(src: SourceFile, ctx: FileReadContext): AsyncGenerator<FileBatch> {
  const f: FieldReader = new FieldReader(src.name);
  const blocks = new BlockCollector();
  let ix: ReturnType<typeof columnIndexes<(typeof GENERIC_COLUMNS)[number], (typeof GENERIC_OPTIONAL_COLUMNS)[number]>> | undefined;
  let width = 0;
  for await (const chunk of readCsvRecords(src, { onBytes: ctx.onBytes })) {
    const out = emptyBatch();
    for (let i = 0; i < chunk.records.length; i++) {
      const r = chunk.records[i]!;
      f.line = chunk.lines[i]!;
      if (!ix) {
        ix = columnIndexes(src.name, r, GENERIC_COLUMNS, GENERIC_OPTIONAL_COLUMNS);
        width = r.length;
        continue;
      }
      if (r.length !== width) throw new InputError(src.name, `expected ${width} columns as in the header, found ${r.length}`, f.line);
      const t = genericRow(r, ix, f, ctx);
      out.transfers.push(t);
      blocks.add(t.chain, t.blockNumber, null, null, t.blockTime);
    }
    out.blocks = blocks.drain();
    yield out;
  }
  if (!ix) throw new InputError(src.name, 'the file is empty: no header row', 1);
}

function genericRow(
  r: readonly string[],
  ix: Record<(typeof GENERIC_COLUMNS)[number], number> & Record<(typeof GENERIC_OPTIONAL_COLUMNS)[number], number | undefined>,
  f: FieldReader,
  ctx: FileReadContext,
): Transfer {
  const chain = requireChain(r[ix.chain] ?? '', f.file, f.line, 'chain');
  const evm = CHAINS[chain].family === 'evm';
  const txHash = evm ? f.hash('tx_hash', r[ix.tx_hash]) : btcHash(f, r[ix.tx_hash]);
  const blockNumber = f.int('block_number', r[ix.block_number]);
  const blockTime = parseTimestamp(f, r[ix.timestamp] ?? '');
  const txIndex = f.optionalInt('tx_index', r[ix.tx_index]);
  const position = f.int('position', r[ix.position]);
  const from = party(f, 'from', r[ix.from], evm);
  const to = party(f, 'to', r[ix.to], evm);
  const assetText = (r[ix.asset] ?? '').trim();
  const asset = assetText.toLowerCase() === NATIVE_ASSET ? NATIVE_ASSET : evm ? f.address('asset', assetText) : f.fail('asset', `only "native" is supported on ${chain}`);
  const kindText = ix.kind === undefined ? '' : (r[ix.kind] ?? '').trim().toLowerCase();
  let kind: TransferKind;
  if (kindText === '') kind = asset !== NATIVE_ASSET ? 'token' : evm ? (position === 0 ? 'native' : 'internal') : 'utxo';
  else if (kindText === 'native' || kindText === 'internal' || kindText === 'token' || kindText === 'utxo') kind = kindText;
  else f.fail('kind', `expected native, internal, token or utxo, got "${kindText}"`);
  if ((kind === 'token') !== (asset !== NATIVE_ASSET)) f.fail('kind', `kind ${kind} does not go with asset ${asset}`);
  if (kind === 'native' && position !== 0) f.fail('position', 'a native row is the transaction\'s own value: its position must be 0 (use kind "internal" for calls inside it)');
  const decimalsText = ix.decimals === undefined ? '' : (r[ix.decimals] ?? '').trim();
  const known = asset === NATIVE_ASSET ? CHAINS[chain].nativeDecimals : (allowedToken(chain, asset)?.decimals ?? ctx.tokenDecimals(chain, asset));
  let decimals = known;
  if (decimalsText !== '') {
    const stated = f.int('decimals', decimalsText);
    if (known !== null && stated !== known) f.fail('decimals', `the row says ${stated} decimals but ${asset} has ${known}`);
    decimals = stated;
  }
  if (decimals === null) f.fail('decimals', `decimals of token ${asset} are unknown: add a "decimals" column (amounts are in whole units)`);
  const amountText = (r[ix.amount] ?? '').trim();
  const parsed = parseUnits(amountText, decimals);
  if (!('value' in parsed)) f.fail('amount', parsed.error);
  const successText = ix.success === undefined ? '' : r[ix.success];
  const success = successText === '' || successText === undefined ? (kind === 'token' ? true : null) : f.optionalBool('success', successText);
  const logIndexText = ix.log_index === undefined ? '' : (r[ix.log_index] ?? '').trim();
  const traceText = ix.trace_address === undefined ? '' : (r[ix.trace_address] ?? '').trim();
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
  return {
    chain,
    blockNumber,
    blockTime,
    txHash,
    txIndex,
    position: pos,
    kind,
    from,
    to,
    asset,
    amount: parsed.value,
    success,
    flags: intrinsicFlags(chain, asset, parsed.value),
  };
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

function party(f: FieldReader, field: 'from' | 'to', text: string | undefined, evm: boolean): string | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  if (evm) return f.address(field, t);
  if (!/^[A-Za-z0-9,]{14,120}$/.test(t)) f.fail(field, `not an address: "${t}"`);
  return t;
}

function btcHash(f: FieldReader, text: string | undefined): string {
  const t = (text ?? '').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(t)) f.fail('tx_hash', `expected a 64-hex-digit transaction id, got "${t}"`);
  return t.toLowerCase();
}

