import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyTransfer } from '../chain/test-support/transfer-arbitrary.js';
import { TransferColumns } from '../chain/transfer-columns.js';
import type { Transfer } from '../chain/transfer.js';
import { TransferStore } from './transfer-store.js';

/** Rows as imports deliver them: blocks of consecutive rows, counting transaction indexes, repeated values. */
const fileLike = fc
  .record({
    blocks: fc.array(fc.integer({ min: 1, max: 150 }), { minLength: 1, maxLength: 6 }),
    template: anyTransfer,
    counting: fc.boolean(),
    varying: fc.subarray(['amount', 'asset', 'to', 'flags', 'blockTime', 'success'] as const),
  })
  .map(({ blocks, template, counting, varying }) => {
    const rows: Transfer[] = [];
    blocks.forEach((size, b) => {
      for (let i = 0; i < size; i++) {
        const n = rows.length;
        rows.push({
          ...template,
          blockNumber: 1000 + b,
          txIndex: counting ? i : template.txIndex,
          amount: varying.includes('amount') ? BigInt(n * 7) : template.amount,
          asset: varying.includes('asset') && n % 3 === 0 ? 'native' : template.asset,
          to: varying.includes('to') && n % 5 === 0 ? null : template.to,
          flags: varying.includes('flags') ? n % 4 : template.flags,
          blockTime: varying.includes('blockTime') ? (n % 2 ? null : 1_700_000_000 + b) : template.blockTime,
          success: varying.includes('success') ? (n % 3 === 0 ? null : n % 3 === 1) : template.success,
        });
      }
    });
    return rows;
  });

/** Gives each row its own key (its transaction), as a 0x-hash or, for some, as other text. */
function distinct(rows: Transfer[]): Transfer[] {
  return rows.map((t, i) => ({ ...t, txHash: i % 7 === 3 ? `tx-${i}` : `0x${i.toString(16).padStart(64, '0')}` }));
}

const byKey = (a: Transfer, b: Transfer) => a.blockNumber - b.blockNumber || (a.txHash < b.txHash ? -1 : a.txHash > b.txHash ? 1 : 0) || (a.position < b.position ? -1 : 1);
const plain = (t: Transfer & { sourceId?: number }) => {
  const { sourceId: _source, scriptType, ...rest } = t;
  return scriptType === null || scriptType === undefined ? rest : { ...rest, scriptType };
};

describe('multi-row upserts of transfer columns', () => {
  let store: TransferStore;
  beforeAll(async () => {
    store = await TransferStore.open({ home: mkdtempSync(join(tmpdir(), 'cf-insert-')) });
  });
  afterAll(async () => {
    await store.close();
  });

  it('store exactly the rows given, whichever values are bound once, packed, counted or row by row, and store each once', async () => {
    let run = 0;
    fc.assert(
      fc.property(fc.oneof(fileLike, fc.array(anyTransfer, { minLength: 1, maxLength: 150 })), (generated) => {
        const chain = `test-${run++}`;
        const rows = distinct(generated).map((t) => ({ ...t, chain }));
        const columns = new TransferColumns(chain);
        for (const t of rows) columns.push(t);
        const source = store.sourceId(chain, 'files', 'x');
        expect(store.write({ chain, sourceId: source, transfers: [], columns })).toEqual({ inserted: rows.length, enriched: 0, duplicates: 0, inputsInserted: 0 });
        expect(store.transfers({ chain }).map(plain).sort(byKey)).toEqual([...rows].sort(byKey));
        expect(store.write({ chain, sourceId: source, transfers: rows, columns })).toEqual({ inserted: 0, enriched: 0, duplicates: 2 * rows.length, inputsInserted: 0 });
      }),
      { numRuns: 120 },
    );
    // Texts bound packed (cut out of one blob) are stored as text, as texts bound one by one are.
    const { rows: types } = await sql<{ a: string; p: string }>`SELECT DISTINCT typeof(amount) AS a, typeof(position) AS p FROM chain_transfers`.execute(store.db);
    expect(types).toEqual([{ a: 'text', p: 'text' }]);
  });
});
