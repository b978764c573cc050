import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { TransferStore } from '../store/transfer-store.js';
import { ethEtlKindOfColumns } from './ethereum-etl-files.js';
import { ingestFiles } from './ingest-files.js';

const HEADER = 'token_address,from_address,to_address,value,transaction_hash,log_index,block_number';
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const row = (i: number) => `${addr(0xdac17)},${addr(i + 1)},${addr(i + 2)},${BigInt(i) * 10n ** 20n},${hash(i + 1)},${i},${17_000_000 + Math.floor(i / 3)}`;

describe('ethereum-etl files', () => {
  it('recognise each output by its header', () => {
    expect(ethEtlKindOfColumns(HEADER.split(','))).toBe('token_transfers');
    expect(ethEtlKindOfColumns('log_index,transaction_hash,transaction_index,block_hash,block_number,address,data,topics'.split(','))).toBe('logs');
    expect(ethEtlKindOfColumns('transaction_hash,transaction_index,block_hash,block_number,cumulative_gas_used,gas_used,contract_address,root,status,effective_gas_price'.split(','))).toBe('receipts');
    expect(ethEtlKindOfColumns(['address', 'symbol', 'name', 'decimals', 'total_supply', 'block_number'])).toBe('tokens');
    expect(ethEtlKindOfColumns(['a', 'b'])).toBeUndefined();
  });

  it('a malformed line anywhere stores nothing of that file and names file, line and column; earlier imports stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-etl-fuzz-'));
    const store = await TransferStore.open({ home: join(dir, 'home') });
    try {
      const good = join(dir, 'good.csv');
      writeFileSync(good, `${HEADER}\n${[0, 1, 2].map(row).join('\n')}\n`);
      await ingestFiles(store, [good], { lookalikes: false });
      const before = store.transfers();
      expect(before).toHaveLength(3);
      const damage = fc.record({
        rows: fc.integer({ min: 1, max: 40 }),
        at: fc.nat(),
        column: fc.integer({ min: 0, max: 6 }),
        value: fc.oneof(fc.constant(''), fc.constant('0x'), fc.constant('-5'), fc.constant('1.5'), fc.constant('0xZZ'), fc.string({ maxLength: 5 }).filter((s) => !s.includes(',') && !s.includes('"') && !s.includes('\n') && !s.includes('\r'))),
      });
      await fc.assert(
        fc.asyncProperty(damage, async ({ rows, at, column, value }) => {
          const lines = Array.from({ length: rows }, (_, i) => row(i + 100));
          const target = at % rows;
          const fields = lines[target]!.split(',');
          if (fields[column] === value) return;
          fields[column] = value;
          lines[target] = fields.join(',');
          const file = join(dir, 'bad.csv');
          writeFileSync(file, `${HEADER}\n${lines.join('\n')}\n`);
          const error = await ingestFiles(store, [file], { lookalikes: false }).then(
            () => undefined,
            (e: unknown) => e,
          );
          if ([3, 5, 6].includes(column) && /^\d{1,15}$/.test(value)) return; // another valid number: a legal file
          expect(error).toBeInstanceOf(InputError);
          const e = error as InputError;
          expect(e.source).toBe(file);
          expect(e.line).toBe(target + 2);
          expect(e.field).toBe(HEADER.split(',')[column]);
          expect(store.transfers()).toEqual(before);
        }),
        { numRuns: 80 },
      );
      // Wrong column count and a missing column name the line too.
      const short = join(dir, 'short.csv');
      writeFileSync(short, `${HEADER}\n${row(1)}\n${row(2).split(',').slice(0, 5).join(',')}\n`);
      await expect(ingestFiles(store, [short], {})).rejects.toThrow(`${short}:3: expected 7 columns as in the header, found 5`);
      const missing = join(dir, 'missing.csv');
      writeFileSync(missing, 'token_address,from_address,to_address,transaction_hash,log_index,block_number\n');
      await expect(ingestFiles(store, [missing], {})).rejects.toThrow(`${missing}:1: missing required column: value`);
      expect(store.transfers()).toEqual(before);
    } finally {
      await store.close();
    }
  });
});
