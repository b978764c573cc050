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
  it('stores every row of a file read in many batches exactly, the batches reusing each other’s column memory', async () => {
    // About 4 MB: four or more chunks of 1 MiB. Ethereum rows (hashes as bytes) mixed with Bitcoin rows (text in
    // the same columns), amounts of growing length, so that later batches need more room than earlier ones.
    const rows: string[] = ['chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount'];
    const expected = new Map<string, { from: string; to: string; asset: string; amount: bigint }>();
    for (let i = 0; i < 20_000; i++) {
      const block = 1_000 + Math.floor(i / 50);
      const digits = '9'.repeat(1 + Math.floor(i / 1_000));
      if (i % 7 === 3) {
        const tx = (i * 7919).toString(16).padStart(64, '0');
        rows.push(`bitcoin,${tx},${block},${1_600_000_000 + block},${i % 50},${i % 3},bc1qsender${String(i).padStart(8, '0')},bc1qreceiver${String(i).padStart(8, '0')},native,${digits}.5`);
        expected.set(`bitcoin ${tx}`, { from: `bc1qsender${String(i).padStart(8, '0')}`, to: `bc1qreceiver${String(i).padStart(8, '0')}`, asset: 'native', amount: BigInt(digits) * 100_000_000n + 50_000_000n });
      } else {
        const token = i % 2 === 0;
        rows.push(`ethereum,${hash(i)},${block},${1_600_000_000 + block},${i % 50},${i % 3},${addr(i)},${addr(i + 1)},${token ? USDT : 'native'},${digits}.25`);
        expected.set(`ethereum ${hash(i)}`, {
          from: addr(i),
          to: addr(i + 1),
          asset: token ? USDT : 'native',
          amount: BigInt(digits) * (token ? 1_000_000n : 10n ** 18n) + (token ? 250_000n : 25n * 10n ** 16n),
        });
      }
    }
    const file = join(mkdtempSync(join(tmpdir(), 'cf-ingest-files-')), 'transfers.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const store = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-home-')) });
    try {
      const report = await ingestFiles(store, [file], { lookalikes: false });
      expect(report.files[0]!.written.inserted).toBe(20_000);
      const stored = store.transfers();
      expect(stored).toHaveLength(20_000);
      for (const t of stored) expect({ from: t.from, to: t.to, asset: t.asset, amount: t.amount }).toEqual(expected.get(`${t.chain} ${t.txHash}`));
    } finally {
      await store.close();
    }
  });

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
