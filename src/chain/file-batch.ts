import type { BlockRecord, TokenRecord } from '../store/transfer-store.js';
import { TransferColumns } from './transfer-columns.js';
import type { Transfer, UtxoInput } from './transfer.js';

/** A receipt read from a file: sets the success (and created contract) of a stored transaction. */
export interface ReceiptStatus {
  chain: string;
  blockNumber: number;
  txHash: string;
  status: boolean | null;
  contractAddress: string | null;
}

/** What a file reader produces per chunk of records; the ingest writes it in the file's transaction. */
export interface FileBatch {
  transfers: Transfer[];
  /** Transfers read straight into the store's form (the CSV readers), at most one entry per chain. */
  columns: TransferColumns[];
  inputs: UtxoInput[];
  blocks: (BlockRecord & { chain: string })[];
  receipts: ReceiptStatus[];
  tokens: TokenRecord[];
}

export function emptyBatch(): FileBatch {
  return { transfers: [], columns: [], inputs: [], blocks: [], receipts: [], tokens: [] };
}

/**
 * The batch's columns for a chain (added on first use, for about `capacity` rows).
 *
 * @example
 * columnsOf(out, 'ethereum', chunk.count).blockNumber.push(17_000_000);
 */
export function columnsOf(batch: FileBatch, chain: string, capacity?: number): TransferColumns {
  for (const c of batch.columns) if (c.chain === chain) return c;
  const added = new TransferColumns(chain, capacity);
  batch.columns.push(added);
  return added;
}

/**
 * Transfers in a batch, both forms.
 *
 * @example
 * result.transfersRead += transferCount(batch);
 */
export function transferCount(batch: FileBatch): number {
  return batch.columns.reduce((n, c) => n + c.length, batch.transfers.length);
}

/** Shared by every file reader: where to count what was read but not stored, and what is known already. */
export interface FileReadContext {
  /** Chain of files that do not name one (ethereum-etl, bitcoin-etl, cryo). */
  chain: string;
  /** Notes for the user: things read but not stored, with counts. */
  notes: Map<string, number>;
  /** Decimals of a token known to the allowlist or the store (generic CSV amounts are in whole units). */
  tokenDecimals(chain: string, asset: string): number | null;
  onBytes?: (bytes: number) => void;
}

export function note(ctx: FileReadContext, text: string, count = 1): void {
  ctx.notes.set(text, (ctx.notes.get(text) ?? 0) + count);
}

/** Remembers each block once per batch, keeping whatever hash/parent/time a row knew. */
export class BlockCollector {
  private readonly seen = new Map<string, Map<number, BlockRecord & { chain: string }>>();
  /** The record added last: rows of one block come together, and need no map look-up then. */
  private last: (BlockRecord & { chain: string }) | undefined;

  add(chain: string, number: number, hash: string | null, parentHash: string | null, time: number | null): void {
    const last = this.last;
    if (last !== undefined && last.number === number && last.chain === chain) {
      last.hash ??= hash;
      last.parentHash ??= parentHash;
      last.time ??= time;
      return;
    }
    let perChain = this.seen.get(chain);
    if (!perChain) this.seen.set(chain, (perChain = new Map()));
    const known = perChain.get(number);
    if (!known) {
      perChain.set(number, (this.last = { chain, number, hash, parentHash, time }));
      return;
    }
    this.last = known;
    known.hash ??= hash;
    known.parentHash ??= parentHash;
    known.time ??= time;
  }

  /** Whether the block has been collected with its hash since the last drain. */
  knowsHash(chain: string, number: number): boolean {
    const last = this.last;
    const known = last !== undefined && last.number === number && last.chain === chain ? last : this.seen.get(chain)?.get(number);
    return (known?.hash ?? null) !== null;
  }

  drain(): (BlockRecord & { chain: string })[] {
    const out = [...this.seen.values()].flatMap((m) => [...m.values()]);
    this.seen.clear();
    this.last = undefined;
    return out;
  }
}
