import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Transfer } from '../chain/transfer.js';
import { TransferStore } from './transfer-store.js';

const t = (block: number, txIndex: number | null, txHash: string, position: string, amount: bigint): Transfer => ({
  chain: 'ethereum',
  blockNumber: block,
  blockTime: 1_700_000_000 + block,
  txHash,
  txIndex,
  position,
  kind: 'native',
  from: '0x0000000000000000000000000000000000000001',
  to: '0x0000000000000000000000000000000000000002',
  asset: 'native',
  amount,
  success: true,
  flags: 0,
});

describe('TransferStore.iterateTransfers / transferFingerprint', () => {
  it('streams a chain in execution order and the fingerprint changes when transfers are added', async () => {
    const store = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-iter-')) });
    try {
      const source = store.sourceId('ethereum', 'files', 'x.csv');
      const before = store.transferFingerprint('ethereum');
      store.write({ chain: 'ethereum', sourceId: source, transfers: [t(5, 1, '0xb', 'a', 3n), t(5, 0, '0xa', 'c11', 2n), t(5, 0, '0xa', 'a', 1n), t(4, null, '0xc', 'a', 4n)] });
      expect([...store.iterateTransfers('ethereum')].map((x) => x.amount)).toEqual([4n, 1n, 2n, 3n]);
      expect([...store.iterateTransfers('bitcoin')]).toEqual([]);
      expect(store.transferFingerprint('ethereum')).not.toBe(before);
    } finally {
      await store.close();
    }
  });
});
