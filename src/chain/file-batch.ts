import type { BlockRecord, TokenRecord } from '../store/transfer-store.js';
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
  inputs: UtxoInput[];
  blocks: (BlockRecord & { chain: string })[];
  receipts: ReceiptStatus[];
  tokens: TokenRecord[];
}

export function emptyBatch(): FileBatch {
  return { transfers: [], inputs: [], blocks: [], receipts: [], tokens: [] };
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

  add(chain: string, number: number, hash: string | null, parentHash: string | null, time: number | null): void {
    let perChain = this.seen.get(chain);
    if (!perChain) this.seen.set(chain, (perChain = new Map()));
    const known = perChain.get(number);
    if (!known) {
      perChain.set(number, { chain, number, hash, parentHash, time });
      return;
    }
    known.hash ??= hash;
    known.parentHash ??= parentHash;
    known.time ??= time;
  }

  drain(): (BlockRecord & { chain: string })[] {
    const out = [...this.seen.values()].flatMap((m) => [...m.values()]);
    this.seen.clear();
    return out;
  }
}
