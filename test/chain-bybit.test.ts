import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSFER_FLAGS } from '../src/chain/transfer-flags.js';
import { TransferStore } from '../src/store/transfer-store.js';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

const PHVAZ = join(SHARED_DATA, 'chain/bybit-trace-phvaz');
const RECEIVER = '0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2';
const COLLECTOR = '0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92';
const CONSOLIDATOR = '0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e';
const LOOKALIKE = '0xa4b24033f4c6d70133e4557c2c32a3fb693e449e';
const STETH = '0xae7ab96520de3a18e5e111b5eaab095312d7fe84';
const ETH = 10n ** 18n;

describe.skipIf(!HAS_SHARED)('Bybit 2025 transfers (phvaz trace) through the generic transfers CSV', () => {
  it('converts with `ingest convert-phvaz`, imports, flags the poisoning and values in USD only where priced', async () => {
    const home = tempHome('cf-bybit-');
    const hop1 = join(home, 'hop1-generic.csv');
    const hop3 = join(home, 'hop3-generic.csv');
    const c1 = await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop1_legit_subset.csv'), '--from', RECEIVER, '-o', hop1]);
    const c3 = await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop3_native_partial.csv'), '--from', COLLECTOR, '-o', hop3]);
    expect([c1.code, c3.code]).toEqual([0, 0]);
    expect(c1.err).toBe(`wrote 54 transfers to ${hop1}\n`);
    expect(readFileSync(hop1, 'utf8').split('\n')[0]).toBe('chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount,kind,success,decimals');

    const ingest = await runCli(['--home', home, 'ingest', 'files', hop1, hop3, '--json']);
    expect(ingest.code).toBe(0);
    const report = JSON.parse(ingest.out);
    expect(report.files.map((f: { format: string; written: { inserted: number } }) => [f.format, f.written.inserted])).toEqual([
      ['generic-csv', 54],
      ['generic-csv', 54],
    ]);
    expect(report.lookalikes).toBe(1);
    // Importing the same files again stores nothing twice.
    const again = JSON.parse((await runCli(['--home', home, 'ingest', 'files', hop1, hop3, '--json'])).out);
    expect(again.files.map((f: { written: { duplicates: number } }) => f.written.duplicates)).toEqual([54, 54]);

    const store = await TransferStore.open({ home });
    try {
      const fromReceiver = store.transfers({ address: RECEIVER.toLowerCase() });
      expect(fromReceiver).toHaveLength(54);
      const tenK = fromReceiver.filter((t) => t.asset === 'native' && t.amount === 10_000n * ETH);
      expect(tenK).toHaveLength(40);
      const steth = fromReceiver.filter((t) => t.asset === STETH);
      expect(steth.reduce((s, t) => s + t.amount, 0n)).toBe(90_375_547_917_680_000_000_000n);
      expect(steth.every((t) => (t.flags & TRANSFER_FLAGS.unverifiedToken) === 0)).toBe(true);
      // The first-level split wallets against the FBI list: 39 of 40 (the first split is not listed).
      const fbi = new Set(readFileSync(join(SHARED_DATA, 'chain/bybit/fbi_psa250226_tradertraitor_eth_addresses.txt'), 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean));
      expect(tenK.filter((t) => fbi.has(t.to!))).toHaveLength(39);
      const hop3Total = store.transfers({ address: COLLECTOR }).filter((t) => t.from === COLLECTOR).reduce((s, t) => s + t.amount, 0n);
      expect(hop3Total).toBe(98_055_362_128_512_580_799_300n);

      // Zero-value real stETH sent to 0xa4b24033…449e, the look-alike of the consolidator 0xa4b2fd68…449e.
      expect(store.lookalikes('ethereum')).toEqual([{ chain: 'ethereum', address: LOOKALIKE, resembles: CONSOLIDATOR, counterparty: RECEIVER.toLowerCase() }]);
      const poisoned = store.transfers({ address: LOOKALIKE });
      expect(poisoned).toHaveLength(3);
      expect(poisoned.every((t) => t.flags === (TRANSFER_FLAGS.zeroValue | TRANSFER_FLAGS.lookalike))).toBe(true);
      expect(store.transfers({ address: CONSOLIDATOR }).every((t) => (t.flags & TRANSFER_FLAGS.lookalike) === 0)).toBe(true);
    } finally {
      await store.close();
    }

    // Prices: a user file with one day of ETH (a test figure, not a market price); nothing else is valued.
    const prices = join(home, 'prices.csv');
    writeFileSync(prices, 'date,chain,asset,usd\n2025-02-21,ethereum,native,2700.50\n');
    expect((await runCli(['--home', home, 'prices', 'load', prices])).out).toBe(`loaded 1 daily prices for 1 asset(s) from ${prices}\n`);
    const listed = JSON.parse((await runCli(['--home', home, 'chain', 'transfers', '--address', RECEIVER, '--limit', '1000', '--json'])).out) as {
      asset: string;
      value: string;
      usd: string | null;
      symbol: string | null;
    }[];
    const firstTenK = listed.find((t) => t.asset === 'native' && t.value === '10000')!;
    expect(firstTenK.usd).toBe('27005000.00');
    expect(listed.filter((t) => t.asset === STETH).every((t) => t.usd === null && t.symbol === 'stETH')).toBe(true);
    const march = JSON.parse((await runCli(['--home', home, 'chain', 'transfers', '--address', COLLECTOR, '--limit', '1000', '--json'])).out) as { time: string; usd: string | null }[];
    expect(march.filter((t) => t.time.startsWith('2025-03-03')).every((t) => t.usd === null)).toBe(true);
    expect(march.filter((t) => t.time.startsWith('2025-02-21')).every((t) => t.usd !== null)).toBe(true);
  });

  it('points a phvaz file given to `ingest files` at the converter', async () => {
    const r = await runCli(['--home', tempHome('cf-bybit-'), 'ingest', 'files', join(PHVAZ, 'hop1_legit_subset.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/hop1_legit_subset\.csv:1: this is a phvaz trace CSV: convert it to the generic transfers CSV first with `counterflow ingest convert-phvaz`/);
  });
});
