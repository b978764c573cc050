import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { TransferStore } from '../store/transfer-store.js';
import { memorySource } from '../lists/source.js';
import { ethEtlKindOfColumns, ethEtlKindOfObject, readEthereumEtlCsv, readEthereumEtlJson } from './ethereum-etl-files.js';
import type { FileBatch, FileReadContext } from './file-batch.js';
import { ingestFiles } from './ingest-files.js';
import type { Transfer } from './transfer.js';

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
      let before = store.transfers();
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
          if ([3, 5, 6].includes(column) && /^\d{1,15}$/.test(value)) {
            expect(error).toBeUndefined(); // another valid number: a legal file, now stored too
            before = store.transfers();
            return;
          }
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

describe('ethereum-etl CSV read from bytes', () => {
  const ctx = (): FileReadContext => ({ chain: 'ethereum', notes: new Map(), tokenDecimals: () => null });
  const hex = (digits: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: digits, maxLength: digits }).map((h) => `0x${h}`);
  const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: '' as const });
  const integer = fc.oneof(fc.nat({ max: 400 }), fc.integer({ min: 17_000_000, max: 17_000_003 })).map(String);
  const amount = fc.oneof(fc.constant('0'), fc.constant('000'), fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }).map(String), fc.bigInt({ min: 0n, max: 999n }).map((v) => `00${v}`));
  const token = fc.oneof(fc.constant('0xdAC17F958D2ee523a2206206994597C13D831ec7'), fc.constant('0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2'), hex(40));
  const KINDS = {
    token_transfers: {
      stream: 'token_transfer',
      columns: ['token_address', 'from_address', 'to_address', 'value', 'transaction_hash', 'log_index', 'block_number', 'block_timestamp', 'block_hash', 'transaction_index'],
      row: fc.tuple(token, hex(40), hex(40), amount, hex(64), integer, integer, optional(integer), optional(hex(64)), optional(integer)),
    },
    transactions: {
      stream: 'transaction',
      columns: ['hash', 'nonce', 'block_hash', 'block_number', 'transaction_index', 'from_address', 'to_address', 'value', 'block_timestamp', 'receipt_status', 'receipt_contract_address'],
      row: fc.tuple(hex(64), integer, optional(hex(64)), integer, integer, hex(40), optional(hex(40)), amount, optional(integer), fc.constantFrom('', '0', '1', 'True', 'false'), optional(hex(40))),
    },
  } as const;
  const damage = fc.option(fc.record({ at: fc.nat(), column: fc.nat(), value: fc.constantFrom('', '0x', '1.5', '-1', 'x', '0xZZ', '٣', `0x${'g'.repeat(40)}`) }), { nil: undefined });

  async function read(reader: AsyncGenerator<FileBatch>) {
    const transfers: Transfer[] = [];
    const blocks = new Map<number, unknown>();
    for await (const b of reader) {
      transfers.push(...b.transfers, ...b.columns.flatMap((c) => c.toTransfers()));
      for (const { number, hash, parentHash, time } of b.blocks) {
        const known = blocks.get(number) as { hash: string | null; parentHash: string | null; time: number | null } | undefined;
        blocks.set(number, known ? { hash: known.hash ?? hash, parentHash: known.parentHash ?? parentHash, time: known.time ?? time } : { hash, parentHash, time });
      }
    }
    return { transfers, blocks };
  }
  const failure = (e: unknown) => (e instanceof InputError ? `${e.field}: ${e.detail}` : String(e));

  for (const [kind, spec] of Object.entries(KINDS)) {
    it(`gives the transfers, blocks and errors the string reader gives for ${kind} (JSON lines)`, () =>
      fc.assert(
        fc.asyncProperty(fc.array(spec.row as fc.Arbitrary<readonly string[]>, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 1500 }), damage, async (rows, repeat, broken) => {
          // Repeated rows make files bigger than a chunk's first allocation (hashes repeat: the file is still readable).
          const all = Array.from({ length: Math.min(repeat, 1100) }, (_, i) => [...rows[i % rows.length]!]);
          if (broken) all[broken.at % all.length]![broken.column % spec.columns.length] = broken.value;
          const csv = `${spec.columns.join(',')}\n${all.map((r) => r.join(',')).join('\n')}\n`;
          const json = all.map((r) => JSON.stringify({ type: spec.stream, ...Object.fromEntries(spec.columns.map((c, i) => [c, r[i]])) })).join('\n');
          const fromBytes = await read(readEthereumEtlCsv(memorySource('x.csv', csv), ctx())).catch(failure);
          const fromStrings = await read(readEthereumEtlJson(memorySource('x.json', json), ctx())).catch(failure);
          expect(fromBytes).toEqual(fromStrings);
        }),
        { numRuns: 60 },
      ));
  }
});

describe('ethEtlKindOfObject with Object member names', () => {
  it('does not take "constructor" or "toString" for a stream type', () => {
    for (const type of ['constructor', 'toString', '__proto__']) expect(ethEtlKindOfObject({ type })).toBeUndefined();
  });
});
