import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { memorySource } from '../lists/source.js';
import type { FileReadContext } from './file-batch.js';
import { readGenericTransfersCsv } from './generic-transfers-csv.js';
import type { Transfer } from './transfer.js';

const HEADER = 'chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount';
const H = `0x${'ab'.repeat(32)}`;
const A = `0x${'11'.repeat(20)}`;
const B = `0x${'22'.repeat(20)}`;
const STETH = '0xae7ab96520de3a18e5e111b5eaab095312d7fe84';

async function read(text: string, known: Record<string, number> = {}): Promise<Transfer[]> {
  const ctx: FileReadContext = { chain: 'ethereum', notes: new Map(), tokenDecimals: (_c, a) => known[a] ?? null };
  const out: Transfer[] = [];
  for await (const b of readGenericTransfersCsv(memorySource('g.csv', text), ctx)) for (const c of b.columns) out.push(...c.toTransfers());
  return out;
}

describe('generic transfers CSV', () => {
  it('converts whole units exactly with the asset decimals, times in ISO-8601 or Unix seconds', async () => {
    const rows = await read(
      `${HEADER}\neth,${H},21895451,2025-02-21T14:56:11Z,7,0,${A},${B},native,10000.0\n` +
        `ethereum,${H},21895451,1740149771,7,3,${A},${B},${STETH},30375.54791768\n` +
        `ethereum,${H},21895451,2025-02-21 14:56:11,,2,${A},${B},native,0.5\n` +
        `btc,${'cd'.repeat(32)},50001,2010-04-10T16:31:40+00:00,1,0,,1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ,native,100\n`,
    );
    expect(rows.map((t) => [t.chain, t.kind, t.position, t.blockTime, t.txIndex, t.amount, t.success])).toEqual([
      ['ethereum', 'native', 'a', 1740149771, 7, 10_000n * 10n ** 18n, null],
      ['ethereum', 'token', 'g13', 1740149771, 7, 30_375_547_917_680_000_000_000n, true],
      ['ethereum', 'internal', 'g12', 1740149771, null, 5n * 10n ** 17n, null],
      ['bitcoin', 'utxo', 'o10', 1270917100, 1, 10_000_000_000n, null],
    ]);
  });

  it('uses the source log index or trace address when given, so node data of the same movement is not stored twice', async () => {
    const rows = await read(`${HEADER},kind,log_index,trace_address\nethereum,${H},1,1,0,5,${A},${B},${STETH},1,token,57,\nethereum,${H},1,1,0,6,${A},${B},native,1,internal,,0.12\n`);
    expect(rows.map((t) => t.position)).toEqual(['c257', 'b10.212']);
  });

  it('asks for decimals of a token it does not know, and checks stated decimals against known ones', async () => {
    const fake = `0x${'ee'.repeat(20)}`;
    await expect(read(`${HEADER}\nethereum,${H},1,1,0,1,${A},${B},${fake},5\n`)).rejects.toThrow(
      new InputError('g.csv', `decimals of token ${fake} are unknown: add a "decimals" column (amounts are in whole units)`, 2, 'decimals'),
    );
    expect((await read(`${HEADER},decimals\nethereum,${H},1,1,0,1,${A},${B},${fake},5.5,6\n`))[0]!.amount).toBe(5_500_000n);
    await expect(read(`${HEADER},decimals\nethereum,${H},1,1,0,1,${A},${B},${STETH},5,6\n`)).rejects.toThrow(`g.csv:2 (decimals): the row says 6 decimals but ${STETH} has 18`);
  });

  it('reads each row’s chain, whichever the rows before it named', async () => {
    const btc = `btc,${'cd'.repeat(32)},5,1,0,0,,1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ,native,1`;
    const rows = await read(`${HEADER}\nethereum,${H},1,1,0,0,${A},${B},native,1\n${btc}\neth,${H},2,1,0,0,${A},${B},native,1\nethereum,${H},3,1,0,0,${A},${B},native,1\n`);
    expect(rows.map((t) => [t.chain, t.blockNumber])).toEqual([
      ['ethereum', 1],
      ['ethereum', 2],
      ['ethereum', 3],
      ['bitcoin', 5],
    ]);
    await expect(read(`${HEADER}\nethereum,${H},1,1,0,0,${A},${B},native,1\nethereuM,${H},1,1,0,1,${A},${B},native,1\netherium,${H},1,1,0,2,${A},${B},native,1\n`)).rejects.toThrow(
      'g.csv:4 (chain): unknown chain "etherium" (known: ethereum, bitcoin)',
    );
  });

  it('names file, line and column of every kind of bad value', async () => {
    const bad = async (row: string) => read(`${HEADER}\n${row}\n`).then(() => 'accepted', (e: InputError) => `${e.line} ${e.field}: ${e.detail}`);
    expect(await bad(`solana,${H},1,1,0,0,${A},${B},native,1`)).toBe('2 chain: unknown chain "solana" (known: ethereum, bitcoin)');
    expect(await bad(`ethereum,0x12,1,1,0,0,${A},${B},native,1`)).toBe('2 tx_hash: expected a 0x-prefixed 32-byte hash, got "0x12"');
    expect(await bad(`ethereum,${H},1,yesterday,0,0,${A},${B},native,1`)).toBe('2 timestamp: expected ISO-8601 (2025-02-21T14:29:47Z) or Unix seconds, got "yesterday"');
    expect(await bad(`ethereum,${H},1,1,0,0,${A},${B},native,1e18`)).toBe('2 amount: "1e18" is in exponent notation; write the amount out in full');
    expect(await bad(`ethereum,${H},1,1,0,0,${A},${B},native,0.0000000000000000001`)).toBe('2 amount: "0.0000000000000000001" has 19 decimal places; the asset has only 18');
    expect(await bad(`ethereum,${H},1,1,0,0,${A},0xnope,native,1`)).toBe('2 to: expected a 0x-prefixed 20-byte address, got "0xnope"');
  });
});
