import type { TransferStore, WriteResult } from '../store/transfer-store.js';
import { ReorgTooDeepError } from './chain-errors.js';
import { sleep } from './sleep.js';

/** What a node ingest does at each turn of its loop (see runBlockLoop). */
export interface BlockLoop {
  /** First block to fetch: where the last run of this source stopped (TransferStore.firstMissingBlock). */
  start: number;
  /** Last block (inclusive); without it, the node's head (once, or at every turn with `follow`). */
  to?: number;
  /** After reaching the head, keep polling for new blocks until `signal` aborts. */
  follow?: boolean;
  pollMs: number;
  signal?: AbortSignal;
  /** The node's head block, less the confirmations asked for. */
  head(): Promise<number>;
  /** Runs before each turn fetches blocks (Ethereum compares its stored tip with the node); returns where to go on. */
  check?(next: number, last: number): Promise<number>;
  /** Fetches and stores blocks from `next` up to at most `last`, each batch with its checkpoint; returns the next block to fetch. */
  ingest(next: number, last: number): Promise<number>;
}

/**
 * The loop of every node ingest: from the checkpoint on, ingest up to the head; then stop, or with `follow`
 * wait for new blocks (an abort ends the wait and the loop).
 *
 * @example
 * await runBlockLoop({ start: store.firstMissingBlock(chain, sourceId, from), pollMs: 4000, head, ingest: (next, last) => ingestBatch(next, last) });
 */
export async function runBlockLoop(loop: BlockLoop): Promise<void> {
  let next = loop.start;
  // Without --follow the run ends at the head seen when it started.
  const fixedLast = loop.follow ? undefined : (loop.to ?? (await loop.head()));
  for (;;) {
    if (loop.signal?.aborted) return;
    const last = fixedLast ?? Math.min(loop.to ?? Number.MAX_SAFE_INTEGER, await loop.head());
    if (next > last && !loop.follow) return;
    if (loop.check) next = await loop.check(next, last);
    if (next > last) {
      if (!loop.follow || (loop.to !== undefined && next > loop.to)) return;
      await sleep(loop.pollMs, loop.signal);
      continue;
    }
    next = await loop.ingest(next, last);
  }
}

export interface Reorg {
  detectedAt: number;
  commonAncestor: number;
  dropped: { transfers: number; inputs: number; blocks: number };
}

/**
 * After a block that does not extend the stored chain: walks back from `detectedAt` to the highest block where
 * the stored hash agrees with the node's (or none is stored), and forgets everything of the chain above it.
 * Refuses (ReorgTooDeepError) to walk back more than `maxDepth` blocks.
 *
 * @example
 * const reorg = await rollBackToCommonAncestor(store, 'ethereum', 21_000_005, 64, (n) => nodeBlockHash(n));
 * next = reorg.commonAncestor + 1;
 */
export async function rollBackToCommonAncestor(
  store: TransferStore,
  chain: string,
  detectedAt: number,
  maxDepth: number,
  nodeHash: (block: number) => Promise<string | null>,
): Promise<Reorg> {
  for (let k = detectedAt - 1; k >= Math.max(0, detectedAt - 1 - maxDepth); k--) {
    const stored = store.storedBlockHash(chain, k);
    if (stored === null || stored === (await nodeHash(k))) return { detectedAt, commonAncestor: k, dropped: store.rollbackAbove(chain, k) };
  }
  throw new ReorgTooDeepError(chain, detectedAt, maxDepth);
}

/**
 * Adds what one write did to a running total.
 *
 * @example
 * addWritten(report.written, store.write(batch));
 */
export function addWritten(total: WriteResult, w: WriteResult): void {
  total.inserted += w.inserted;
  total.enriched += w.enriched;
  total.duplicates += w.duplicates;
  total.inputsInserted += w.inputsInserted;
}
