import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TransferStore } from '../store/transfer-store.js';
import { ingestFiles } from './ingest-files.js';

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';

/** Two transactions of block 100 (time 1700000000) and a token transfer inside the second. */
function exportFiles(): { tokens: string; transactions: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cf-ingest-files-'));
  const tokens = join(dir, 'token_transfers.csv');
  writeFileSync(tokens, `token_address,from_address,to_address,value,transaction_hash,log_index,block_number\n${USDT},${addr(1)},${addr(2)},5,${hash(2)},7,100\n`);
  const transactions = join(dir, 'transactions.csv');
  writeFileSync(
    transactions,
    `hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value,block_timestamp\n` +
      `${hash(1)},0,${hash(100)},100,0,${addr(1)},${addr(3)},0,1700000000\n${hash(2)},1,${hash(100)},100,1,${addr(1)},${USDT},0,1700000000\n`,
  );
  return { tokens, transactions };
}

describe('file ingest', () => {
  it('fills a token transfer’s transaction index and time from the transactions file of the same import', async () => {
    const { tokens, transactions } = exportFiles();
    const store = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-home-')) });
    try {
      const report = await ingestFiles(store, [tokens, transactions], { lookalikes: false });
      expect(report.backfilled).toEqual({ txIndex: 1, blockTime: 1 });
      expect(store.transfers({ kind: 'token' })[0]).toMatchObject({ txHash: hash(2), txIndex: 1, blockTime: 1_700_000_000, amount: 5n });
    } finally {
      await store.close();
    }
  });

  it('fills what an earlier import left open when a later one knows it, and skips the fills nothing can answer', async () => {
    const { tokens, transactions } = exportFiles();
    const store = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-home-')) });
    try {
      expect((await ingestFiles(store, [tokens], { lookalikes: false })).backfilled).toEqual({ txIndex: 0, blockTime: 0 });
      expect(store.transfers({ kind: 'token' })[0]).toMatchObject({ txIndex: null, blockTime: null });
      expect((await ingestFiles(store, [transactions], { lookalikes: false })).backfilled).toEqual({ txIndex: 1, blockTime: 1 });
      expect(store.transfers({ kind: 'token' })[0]).toMatchObject({ txIndex: 1, blockTime: 1_700_000_000 });
    } finally {
      await store.close();
    }
  });
});
