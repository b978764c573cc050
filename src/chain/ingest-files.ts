import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { fileSource } from '../lists/source.js';
import type { BlockRecord, TransferStore, WriteResult } from '../store/transfer-store.js';
import { readBitcoinEtlJson } from './bitcoin-etl-files.js';
import { addWritten } from './block-loop.js';
import { CHAINS, requireChain } from './chains.js';
import { readCryoParquet } from './cryo-parquet.js';
import { ETH_ETL_KIND_ORDER, readEthereumEtlCsv, readEthereumEtlJson } from './ethereum-etl-files.js';
import { transferCount, type FileBatch, type FileReadContext } from './file-batch.js';
import { PHVAZ_HEADER, detectChainFileFormat, guessEthEtlKind, type ChainFileFormat } from './file-formats.js';
import { readGenericTransfersCsv } from './generic-transfers-csv.js';
import { transferGaps, type TransferColumns, type TransferGaps } from './transfer-columns.js';
import type { Transfer, UtxoInput } from './transfer.js';

export interface FilesIngestOptions {
  /** Chain of ethereum-etl, bitcoin-etl and cryo files (they do not say); default ethereum, bitcoin for bitcoin-etl. */
  chain?: string;
  /** Skip detection and read every file as this format. */
  format?: ChainFileFormat;
  /** Look for look-alike addresses after the import (default true). */
  lookalikes?: boolean;
  onFile?: (file: string, format: ChainFileFormat, size: number) => void;
  onBytes?: (file: string, bytes: number, size: number) => void;
}

export interface FileIngestResult {
  file: string;
  format: ChainFileFormat;
  chains: string[];
  transfersRead: number;
  written: WriteResult;
  blocks: number;
  receiptsApplied: number;
  receiptsUnmatched: number;
  tokens: number;
  /** Things read but not stored, with counts. */
  notes: string[];
}

export interface FilesIngestReport {
  files: FileIngestResult[];
  /** Files found inside the given directories that are no chain export (named files must be one). */
  skipped: string[];
  /** Transfers whose transaction index or time was filled from other files afterwards. */
  backfilled: { txIndex: number; blockTime: number };
  lookalikes: number;
}

/**
 * Imports export files into the transfer store, detecting each file's format from its content. Each file is
 * one transaction: a malformed line anywhere stores nothing of that file and names the file and line.
 * Files are applied in a useful order (blocks and transactions before receipts, traces and token
 * transfers), and re-importing anything stores nothing twice.
 *
 * @example
 * const report = await ingestFiles(store, ['exports/ethereum-etl/'], {});
 */
export async function ingestFiles(store: TransferStore, paths: readonly string[], options: FilesIngestOptions = {}): Promise<FilesIngestReport> {
  const skipped: string[] = [];
  const files = expand(paths).flatMap(({ file, explicit }) => {
    const head = readHead(file);
    const format = options.format ?? detectChainFileFormat(head, file);
    if (!format && !explicit) {
      skipped.push(file);
      return [];
    }
    if (!format) {
      if (head.startsWith(PHVAZ_HEADER)) {
        throw new InputError(file, 'this is a phvaz trace CSV: convert it to the generic transfers CSV first with `counterflow ingest convert-phvaz`', 1);
      }
      throw new InputError(file, `not a chain export Counterflow knows (ethereum-etl CSV/JSON, bitcoin-etl JSON, cryo parquet, generic transfers CSV); first line: ${JSON.stringify(head.split('\n')[0]!.slice(0, 100))}`, 1);
    }
    return [{ file, format, order: orderOf(format, head) }];
  });
  if (files.length === 0) throw new InputError(paths.join(', '), `no chain export among ${skipped.length} file(s)`);
  files.sort((a, b) => a.order - b.order);

  const totalBytes = files.reduce((n, f) => n + statSync(f.file).size, 0);
  const report: FilesIngestReport = { files: [], skipped, backfilled: { txIndex: 0, blockTime: 0 }, lookalikes: 0 };
  const touched = new Map<string, TouchedRange>();
  // Transfers stored before this import may lack what its files know (see backfill below).
  const storedBefore = store.hasTransfers();
  store.beginBulkLoad(Math.floor(totalBytes / 150));
  try {
    for (const { file, format } of files) {
      options.onFile?.(file, format, statSync(file).size);
      const defaultChain = options.chain ? requireChain(options.chain, '--chain') : format === 'bitcoin-etl-json' ? 'bitcoin' : 'ethereum';
      const result = await ingestOne(store, file, format, defaultChain, options);
      report.files.push(result.result);
      for (const [chain, range] of result.touched) {
        const t = touched.get(chain);
        touched.set(chain, t ? mergeTouched(t, range) : range);
      }
    }
  } finally {
    store.endBulkLoad();
  }
  for (const [chain, t] of touched) {
    // A fill needs a row that lacks and a row or block that lends; in a store that was empty both are among
    // what was just read, or the fill (a scan of the range) has nothing to do.
    const b = store.backfill(chain, t.lo, t.hi, {
      txIndex: (t.lacksTxIndex || storedBefore) && (t.lendsTxIndex || storedBefore),
      blockTime: (t.lacksBlockTime || storedBefore) && (t.lendsBlockTime || storedBefore),
    });
    report.backfilled.txIndex += b.txIndex;
    report.backfilled.blockTime += b.blockTime;
    if ((options.lookalikes ?? true) && CHAINS[chain as keyof typeof CHAINS]?.family === 'evm') report.lookalikes += store.detectLookalikes(chain).length;
  }
  return report;
}

async function ingestOne(
  store: TransferStore,
  file: string,
  format: ChainFileFormat,
  chain: string,
  options: FilesIngestOptions,
): Promise<{ result: FileIngestResult; touched: Map<string, TouchedRange> }> {
  const src = fileSource(file);
  const ctx: FileReadContext = {
    chain,
    notes: new Map(),
    tokenDecimals: (c, asset) => store.token(c, asset)?.decimals ?? null,
    onBytes: (bytes) => options.onBytes?.(file, bytes, src.size ?? 0),
  };
  const result: FileIngestResult = {
    file,
    format,
    chains: [],
    transfersRead: 0,
    written: { inserted: 0, enriched: 0, duplicates: 0, inputsInserted: 0 },
    blocks: 0,
    receiptsApplied: 0,
    receiptsUnmatched: 0,
    tokens: 0,
    notes: [],
  };
  const touched = new Map<string, TouchedRange>();
  const sources = new Map<string, number>();
  const sourceOf = (c: string) => {
    let id = sources.get(c);
    if (id === undefined) sources.set(c, (id = store.sourceId(c, 'files', file)));
    return id;
  };
  const batches: AsyncGenerator<FileBatch> =
    format === 'ethereum-etl-csv'
      ? readEthereumEtlCsv(src, ctx)
      : format === 'ethereum-etl-json'
        ? readEthereumEtlJson(src, ctx)
        : format === 'bitcoin-etl-json'
          ? readBitcoinEtlJson(src, ctx)
          : format === 'cryo-parquet'
            ? readCryoParquet(file, ctx)
            : readGenericTransfersCsv(src, ctx);

  await store.inTransaction(async () => {
    for await (const batch of batches) {
      result.transfersRead += transferCount(batch);
      const byChain = new Map<string, { transfers: Transfer[]; columns?: TransferColumns; inputs: UtxoInput[]; blocks: BlockRecord[] }>();
      const part = (c: string) => {
        let p = byChain.get(c);
        if (!p) byChain.set(c, (p = { transfers: [], inputs: [], blocks: [] }));
        return p;
      };
      for (const t of batch.transfers) part(t.chain).transfers.push(t);
      for (const columns of batch.columns) if (columns.length > 0) part(columns.chain).columns = columns;
      for (const i of batch.inputs) part(i.chain).inputs.push(i);
      for (const b of batch.blocks) part(b.chain).blocks.push(b);
      for (const [c, p] of byChain) {
        addWritten(result.written, store.write({ chain: c, sourceId: sourceOf(c), ...p }));
        result.blocks += p.blocks.length;
        if (p.blocks.length === 0) continue;
        const gaps = p.columns?.gaps();
        const own = transferGaps(p.transfers);
        const range: TouchedRange = {
          lo: p.blocks.reduce((lo, b) => Math.min(lo, b.number), Infinity),
          hi: p.blocks.reduce((hi, b) => Math.max(hi, b.number), -Infinity),
          lacksTxIndex: own.lacksTxIndex || (gaps?.lacksTxIndex ?? false),
          lacksBlockTime: own.lacksBlockTime || (gaps?.lacksBlockTime ?? false),
          lendsTxIndex: own.lendsTxIndex || (gaps?.lendsTxIndex ?? false),
          lendsBlockTime: p.blocks.some((b) => b.time !== null),
        };
        const t = touched.get(c);
        touched.set(c, t ? mergeTouched(t, range) : range);
      }
      if (batch.receipts.length) {
        const applied = store.applyReceiptStatus(chain, batch.receipts);
        result.receiptsApplied += applied;
        result.receiptsUnmatched += batch.receipts.length - applied;
      }
      if (batch.tokens.length) {
        store.upsertTokens(batch.tokens);
        result.tokens += batch.tokens.length;
      }
      for (const columns of batch.columns) columns.release();
    }
  });
  if (result.receiptsUnmatched > 0) ctx.notes.set('receipts whose transaction is not stored (import the transactions file too) were not applied', result.receiptsUnmatched);
  result.chains = [...sources.keys()];
  result.notes = [...ctx.notes].map(([text, n]) => `${n} × ${text}`);
  return { result, touched };
}

/** The blocks a file touched on a chain, and what its transfers and blocks lack or lend (see backfill). */
interface TouchedRange extends TransferGaps {
  lo: number;
  hi: number;
  lendsBlockTime: boolean;
}

function mergeTouched(a: TouchedRange, b: TouchedRange): TouchedRange {
  return {
    lo: Math.min(a.lo, b.lo),
    hi: Math.max(a.hi, b.hi),
    lacksTxIndex: a.lacksTxIndex || b.lacksTxIndex,
    lacksBlockTime: a.lacksBlockTime || b.lacksBlockTime,
    lendsTxIndex: a.lendsTxIndex || b.lendsTxIndex,
    lendsBlockTime: a.lendsBlockTime || b.lendsBlockTime,
  };
}

function orderOf(format: ChainFileFormat, head: string): number {
  if (format === 'ethereum-etl-csv' || format === 'ethereum-etl-json') {
    const kind = guessEthEtlKind(head);
    return kind ? ETH_ETL_KIND_ORDER.indexOf(kind) : ETH_ETL_KIND_ORDER.length;
  }
  if (format === 'bitcoin-etl-json') return /"merkle_root"/.test(head) ? 0 : 1;
  return ETH_ETL_KIND_ORDER.length + 1;
}

function expand(paths: readonly string[]): { file: string; explicit: boolean }[] {
  const out: { file: string; explicit: boolean }[] = [];
  const visit = (p: string, explicit: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      throw new InputError(p, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) visit(join(p, name), false);
    } else if (st.isFile()) out.push({ file: resolve(p), explicit });
  };
  for (const p of paths) visit(p, true);
  if (out.length === 0) throw new InputError(paths.join(', '), 'no files to import');
  return out;
}

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
