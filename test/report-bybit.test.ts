import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../src/reports/test-support/pdf-inspect.js';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

const PHVAZ = join(SHARED_DATA, 'chain/bybit-trace-phvaz');
const FBI = join(SHARED_DATA, 'chain/bybit/fbi_psa250226_tradertraitor_eth_addresses.txt');
const RECEIVER = '0x47666fab8bd0ac7003bce3f5c3585383f09486e2';
const COLLECTOR = '0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92';

describe.skipIf(!HAS_SHARED)('counterflow report incident on the real Bybit transfers', () => {
  it('traces the public extract into the report: fan-outs, dormancy, FBI labels, the published cash-out and totals', async () => {
    const home = tempHome('cf-report-bybit-');
    const hop1 = join(home, 'hop1.csv');
    const hop3 = join(home, 'hop3.csv');
    await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop1_legit_subset.csv'), '--from', RECEIVER, '-o', hop1]);
    await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop3_native_partial.csv'), '--from', COLLECTOR, '-o', hop3]);
    expect((await runCli(['--home', home, 'ingest', 'files', hop1, hop3])).code).toBe(0);
    expect((await runCli(['--home', home, 'label', 'import-fbi', FBI])).code).toBe(0);
    const html = join(home, 'bybit.html');
    const pdf = join(home, 'bybit.pdf');
    const r = await runCli(['--home', home, 'report', 'incident', 'bybit-2025', '--html', html, '--pdf', pdf]);
    expect([r.code, r.err]).toEqual([0, '']);

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('trace of the stored ethereum transfers: haircut model, up to 10 hops');
    expect(page).toMatch(/0x47666fab8bd0ac7003bce3f5c3585383f09486e2 split 40 × 10000 native to 40 addresses/);
    expect(page).toMatch(/0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92 split 9 × 10000 native to 9 addresses/);
    expect(page).toMatch(/dormancy then burst: 0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92 was quiet 10\.0 days, then sent 45 transfers/);
    expect(page).toContain('stolen_funds: FBI PSA I-022625-PSA');
    expect(page).toContain('<td class="">THORChain</td><td class="num">361,255</td>');
    const { pages, text } = inspectPdf(readFileSync(pdf));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('US$1,400,000,000 – US$1,500,000,000 (US$1.40–1.50 billion)');
    expect(text).toContain('401,346.768858404671846374 ETH');
  });
});
