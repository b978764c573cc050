import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from './support.js';

const THIEF = '0x00000000000000000000000000000000000000a1';
const MULE = '0x00000000000000000000000000000000000000a2';
const ROUTER = '0xd37bbe5744d730a1d98d8dc97c42f0ca46ad7146';
const VAULT = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const RECEIVER = 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh';
const OTHER = '1BoatSLRHtKNngkdXEeobR76b53LETtpyT';
const hex64 = (n: number, prefix = '') => `${prefix}${n.toString(16).padStart(64, '0')}`;

describe('counterflow trace links THORChain legs when Ethereum and Bitcoin are both ingested', () => {
  it('reports the BTC payout of the traced ETH deposit on the bridge exit, with confidence and basis', async () => {
    const home = tempHome('cf-trace-bridge-');
    const transfers = join(home, 'transfers.csv');
    // 300 ETH at $2,700 into the router; 8.3984 BTC at $95,000 out of a vault 15 minutes later (1.5% fees).
    writeFileSync(
      transfers,
      [
        'chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount',
        `ethereum,${hex64(1, '0x')},100,2025-02-22T10:00:00Z,0,0,${THIEF},${MULE},native,300`,
        `ethereum,${hex64(2, '0x')},101,2025-02-22T10:10:00Z,0,0,${MULE},${ROUTER},native,300`,
        `bitcoin,${hex64(3)},880000,2025-02-22T10:25:00Z,0,0,${VAULT},${RECEIVER},native,8.39842105`,
        `bitcoin,${hex64(4)},880001,2025-02-22T10:40:00Z,0,0,${VAULT},${OTHER},native,2.5`,
      ].join('\n'),
    );
    const prices = join(home, 'prices.csv');
    writeFileSync(prices, 'date,chain,asset,usd\n2025-02-22,ethereum,native,2700\n2025-02-22,bitcoin,native,95000\n');
    expect((await runCli(['--home', home, 'ingest', 'files', transfers])).code).toBe(0);
    expect((await runCli(['--home', home, 'prices', 'load', prices])).code).toBe(0);
    expect((await runCli(['--home', home, 'label', 'add', VAULT, '--category', 'bridge', '--name', 'THORChain'])).code).toBe(0);

    const r = await runCli(['--home', home, 'trace', '--from-address', THIEF, '--json']);
    expect(r.err).toBe('');
    const exit = JSON.parse(r.out).exits.find((x: { service: string }) => x.service === 'THORChain');
    expect(exit).toMatchObject({ category: 'bridge', address: ROUTER, amount: 300, unlinked: [] });
    expect(exit.links).toEqual([expect.objectContaining({ deposit_tx: hex64(2, '0x'), chain: 'bitcoin', tx_hash: hex64(3), to: RECEIVER.toLowerCase(), confidence: 'high' })]);
    expect(exit.links[0].basis).toMatch(/900 s after the deposit.*1\.50% kept by the bridge/);
  });
});
