import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

const PHVAZ = join(SHARED_DATA, 'chain/bybit-trace-phvaz');
const FBI = join(SHARED_DATA, 'chain/bybit/fbi_psa250226_tradertraitor_eth_addresses.txt');
const RECEIVER = '0x47666fab8bd0ac7003bce3f5c3585383f09486e2';
const COLLECTOR = '0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92';

describe('counterflow incidents', () => {
  it('lists the registry with per-year totals', async () => {
    const r = await runCli(['incidents', '--json']);
    expect(r.code).toBe(0);
    const { incidents, totals } = JSON.parse(r.out) as { incidents: { id: string; sources: { id: string }[]; usd: { source: string } | null }[]; totals: { year: string; usdHigh: number; unpriced: string[] }[] };
    expect(incidents.map((i) => i.id)).toEqual(expect.arrayContaining(['bybit-2025', 'dmm-bitcoin-2024', 'wazirx-2024', 'bingx-2024', 'phemex-2025']));
    // Every USD figure names a source the incident lists.
    for (const i of incidents) if (i.usd) expect(i.sources.map((s) => s.id)).toContain(i.usd.source);
    const y2025 = totals.find((t) => t.year === '2025')!;
    expect(y2025.usdHigh).toBe(1_500_000_000 + 85_000_000);
    expect(totals.find((t) => t.year === '2024')!.unpriced).toEqual(['bingx-2024']);
  });

  it('refuses an unknown category for a user label, naming the option', async () => {
    const r = await runCli(['--home', tempHome(), 'label', 'add', RECEIVER, '--category', 'bank', '--name', 'x']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--category: unknown category "bank"/);
  });
});

describe.skipIf(!HAS_SHARED)('counterflow trace / exposure / label on the real Bybit transfers', () => {
  it('traces the incident as JSON with exactly the documented keys, exports CSV and FtM, scores exposure', async () => {
    const home = tempHome('cf-trace-cli-');
    const hop1 = join(home, 'hop1.csv');
    const hop3 = join(home, 'hop3.csv');
    await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop1_legit_subset.csv'), '--from', RECEIVER, '-o', hop1]);
    await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop3_native_partial.csv'), '--from', COLLECTOR, '-o', hop3]);
    expect((await runCli(['--home', home, 'ingest', 'files', hop1, hop3])).code).toBe(0);
    expect((await runCli(['--home', home, 'label', 'import-fbi', FBI])).out).toBe(`imported 51 addresses from ${FBI}\n`);
    // A user label turns one of the 45 burst receivers into an exchange: the trace stops there and reports an exit.
    const burstReceiver = '0x' + readFileSync(join(PHVAZ, 'hop3_native_partial.csv'), 'utf8').split('\n')[20]!.split(',')[2]!.slice(2).toLowerCase();
    expect((await runCli(['--home', home, 'label', 'add', burstReceiver, '--category', 'exchange', '--name', 'Example Exchange'])).code).toBe(0);

    const csv = join(home, 'trace.csv');
    const ftm = join(home, 'trace.ftm.json');
    const r = await runCli(['--home', home, 'trace', '--incident', 'bybit-2025', '--asset', 'native', '--hops', '5', '--json', '--csv', csv, '--ftm', ftm]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(['addresses', 'edges', 'exits', 'patterns']);
    expect(Object.keys(report.addresses[0]).sort()).toEqual(['address', 'asset', 'hop', 'labels', 'tainted_balance', 'tainted_received']);
    expect(report.exits).toHaveLength(1);
    expect(report.exits[0]).toMatchObject({ service: 'Example Exchange', category: 'exchange', address: burstReceiver });
    expect(report.exits[0].share).toBeGreaterThan(0);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('from,to,tx_hash,position,block,time,asset,amount,taint');
    const entities = readFileSync(ftm, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { schema: string });
    expect(new Set(entities.map((e) => e.schema))).toEqual(new Set(['CryptoWallet', 'Payment']));
    expect(entities.filter((e) => e.schema === 'Payment')).toHaveLength(report.edges.length);

    const fifo = JSON.parse((await runCli(['--home', home, 'trace', '--from-address', COLLECTOR, '--model', 'fifo', '--json'])).out);
    expect(fifo.addresses.filter((a: { hop: number }) => a.hop === 1)).toHaveLength(9 + 30 - 0);

    const exp = JSON.parse((await runCli(['--home', home, 'exposure', RECEIVER, burstReceiver, '--json'])).out);
    expect(exp[0].risk).toBe('severe');
    expect(exp[0].explanation.join(' ')).toMatch(/ownership exposure to stolen_funds/);
    expect(exp[1].items.some((i: { category: string; exposure: string; direction: string }) => i.category === 'stolen_funds' && i.exposure === 'direct' && i.direction === 'incoming')).toBe(true);

    const bad = await runCli(['--home', home, 'trace', '--from-address', '0x0000000000000000000000000000000000000001']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--from-address: no stored transfer touches/);
  });
});
