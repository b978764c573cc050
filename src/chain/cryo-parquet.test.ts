import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { readCryoParquet } from './cryo-parquet.js';
import type { FileReadContext } from './file-batch.js';
import { writeParquet, type ParquetColumn } from './test-support/parquet-writer.js';
import type { Transfer } from './transfer.js';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const word = (n: bigint) => bytes(n.toString(16).padStart(64, '0'));
const TX1 = 'aa'.repeat(32);
const TX2 = 'bb'.repeat(32);
const A = '11'.repeat(20);
const B = '22'.repeat(20);
const C = '33'.repeat(20);
const USDT = 'dac17f958d2ee523a2206206994597c13d831ec7';

function ctx(): FileReadContext {
  return { chain: 'ethereum', notes: new Map(), tokenDecimals: () => null };
}

async function read(columns: ParquetColumn[], codec?: 'LZ4_RAW', context = ctx()): Promise<Transfer[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'cf-cryo-')), 'data.parquet');
  writeFileSync(file, writeParquet(columns, { codec }));
  const out: Transfer[] = [];
  for await (const b of readCryoParquet(file, context)) out.push(...b.transfers);
  return out;
}

describe('cryo parquet', () => {
  it('reads erc20_transfers with binary hashes and addresses and a binary u256 value (LZ4_RAW pages, as cryo writes)', async () => {
    const big = 2n ** 200n + 7n;
    const rows = await read(
      [
        { name: 'block_number', type: 'UINT32', values: [17000000, 17000001] },
        { name: 'transaction_index', type: 'UINT32', values: [3, 0] },
        { name: 'log_index', type: 'UINT32', values: [10, 2] },
        { name: 'transaction_hash', type: 'BINARY', values: [bytes(TX1), bytes(TX2)] },
        { name: 'erc20', type: 'BINARY', values: [bytes(USDT), bytes(C)] },
        { name: 'from_address', type: 'BINARY', values: [bytes(A), word(BigInt(`0x${B}`))] },
        { name: 'to_address', type: 'BINARY', values: [bytes(B), bytes(A)] },
        { name: 'value_binary', type: 'BINARY', values: [word(1_000_000n), word(big)] },
        { name: 'chain_id', type: 'UINT64', values: [1n, 1n] },
      ],
      'LZ4_RAW',
    );
    expect(rows.map((t) => [t.blockNumber, t.txIndex, t.position, t.kind, t.from, t.to, t.asset, t.amount, t.flags])).toEqual([
      [17000000, 3, 'c210', 'token', `0x${A}`, `0x${B}`, `0x${USDT}`, 1_000_000n, 0],
      // An address written as a 32-byte topic (older cryo) is read from its last 20 bytes; an unknown token is unverified.
      [17000001, 0, 'c12', 'token', `0x${B}`, `0x${A}`, `0x${C}`, big, 1],
    ]);
  });

  it('reads native_transfers: the first row of a transaction is its own value, later rows with value are internal', async () => {
    const context = ctx();
    const rows = await read(
      [
        { name: 'block_number', type: 'UINT32', values: [5, 5, 5, 5] },
        { name: 'transaction_index', type: 'UINT32', values: [0, 0, 0, 1] },
        { name: 'transfer_index', type: 'UINT32', values: [0, 1, 2, 3] },
        { name: 'transaction_hash', type: 'BINARY', values: [bytes(TX1), bytes(TX1), bytes(TX1), bytes(TX2)] },
        { name: 'from_address', type: 'BINARY', values: [bytes(A), bytes(B), bytes(B), bytes(C)] },
        { name: 'to_address', type: 'BINARY', values: [bytes(B), bytes(C), bytes(A), bytes(A)] },
        { name: 'value_string', type: 'STRING', values: ['500', '0', '200', '0'] },
        { name: 'chain_id', type: 'UINT64', values: [1n, 1n, 1n, 1n] },
      ],
      undefined,
      context,
    );
    expect(rows.map((t) => [t.txHash.slice(0, 4), t.position, t.kind, t.amount])).toEqual([
      ['0xaa', 'a', 'native', 500n],
      ['0xaa', 'n12', 'internal', 200n],
      ['0xbb', 'a', 'native', 0n],
    ]);
    expect([...context.notes]).toEqual([['cryo native_transfers zero-value calls inside transactions were not stored (they move nothing)', 1]]);
  });

  it('refuses files without an exact value, and files that are not cryo transfers', async () => {
    await expect(
      read([
        { name: 'block_number', type: 'UINT32', values: [1] },
        { name: 'transaction_index', type: 'UINT32', values: [0] },
        { name: 'transfer_index', type: 'UINT32', values: [0] },
        { name: 'transaction_hash', type: 'BINARY', values: [bytes(TX1)] },
        { name: 'from_address', type: 'BINARY', values: [bytes(A)] },
        { name: 'to_address', type: 'BINARY', values: [bytes(B)] },
        { name: 'chain_id', type: 'UINT64', values: [1n] },
      ]),
    ).rejects.toThrow(/row 0: no exact u256 value column \(value_string, value_binary or value\); value_f64 alone is lossy$/);
    await expect(read([{ name: 'something', type: 'UINT32', values: [1] }])).rejects.toThrow(InputError);
  });
});
