import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder.js';
import { LabelBook } from '../tracing/labels/label.js';
import { chainExposureProvider } from './chain-exposure.js';
import { tableIpIntel } from './ip/ip-intel.js';
import { rec } from './test-support/records.js';
import { vetRecords } from './vet.js';

const LAZARUS = '0x098b716b8aaf21512996dc57eb0615e2383e2f96';
const MIXER = '0x1111111111111111111111111111111111111111';
const PAID_BY_LAZARUS = '0x2222222222222222222222222222222222222222';
const TWO_HOPS_AWAY = '0x3333333333333333333333333333333333333333';
const CLEAN = '0x4444444444444444444444444444444444444444';
const PAYER = '0x5555555555555555555555555555555555555555';
const EMPLOYER = '0x7777777777777777777777777777777777777777';
const UNSEEN = '0x6666666666666666666666666666666666666666';

function ethereum() {
  const b = new GraphBuilder('ethereum');
  const rows: [string, string, number][] = [
    [LAZARUS, PAID_BY_LAZARUS, 5],
    [PAID_BY_LAZARUS, MIXER, 1],
    [LAZARUS, PAYER, 10],
    [PAYER, TWO_HOPS_AWAY, 4],
    [EMPLOYER, CLEAN, 3],
  ];
  rows.forEach(([from, to, amount], i) => b.add({ from, to, asset: 'native', amount: amount * 1e18, flags: 0, time: 1000 + i, block: i + 1, txHash: `0x${i}`, position: 'a' }));
  const labels = new LabelBook([
    { address: LAZARUS, category: 'sanctioned', name: 'LAZARUS GROUP', origin: 'ofac', confidence: 100 },
    { address: MIXER, category: 'mixer', name: 'Example Mixer', origin: 'test', confidence: 100 },
  ]);
  return { graph: b.build(), labels };
}

describe('chainExposureProvider', () => {
  const data = ethereum();
  const provider = chainExposureProvider({ chains: ['ethereum'], graph: (chain) => (chain === 'ethereum' ? data : null) }, { hops: 3 });

  it('scores a wallet paid directly by a sanctioned address as severe, with the engine’s explanation', async () => {
    const e = await provider.exposure(PAID_BY_LAZARUS.toUpperCase().replace('0X', '0x'));
    expect(e).toMatchObject({ address: PAID_BY_LAZARUS, risk: 'severe' });
    expect(e!.exposure.sanctioned).toBe(1);
    expect(e!.explanation).toMatch(/^ethereum: .*severe: direct exposure to sanctioned/);
    expect(e!.exposure.mixer).toBe(1);
  });

  it('scores indirect exposure lower than direct, and a wallet with no labelled counterparty as none', async () => {
    const indirect = await provider.exposure(TWO_HOPS_AWAY);
    expect(indirect!.risk).toBe('high');
    expect(indirect!.explanation).toMatch(/indirect exposure to sanctioned/);
    const clean = await provider.exposure(CLEAN);
    expect(clean).toMatchObject({ risk: 'none', exposure: {} });
    expect(clean!.explanation).toMatch(/no labelled counterparty within 3 hops/);
    expect(await provider.exposure(UNSEEN)).toBeNull();
  });

  it('answers null for addresses of chains without data and for invalid addresses', async () => {
    expect(await provider.exposure('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toBeNull();
    expect(await provider.exposure('not an address')).toBeNull();
  });

  it('fires the vetting rule sanctions.wallet-exposure for a payout wallet the engine rates severe', async () => {
    const report = await vetRecords(
      [rec({ id: 'paid', payment_accounts: [{ type: 'crypto', identifier: PAID_BY_LAZARUS }] }), rec({ id: 'unseen', payment_accounts: [{ type: 'crypto', identifier: UNSEEN }] }, 2)],
      { ip: tableIpIntel({}), now: Date.UTC(2025, 5, 1), exposure: provider },
    );
    const [paid, unseen] = report.records;
    const rule = paid!.rules.find((r) => r.id === 'sanctions.wallet-exposure');
    expect(rule?.explanation).toMatch(/severe exposure.*LAZARUS|sanctioned/);
    expect(unseen!.rules.map((r) => r.id)).not.toContain('sanctions.wallet-exposure');
    expect(report.exposure).toMatch(/exposure engine over stored transfers \(ethereum/);
  });
});
