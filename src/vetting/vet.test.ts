import { describe, expect, it } from 'vitest';
import { tableIpIntel } from './ip/ip-intel.js';
import { reportHtml } from './report/html.js';
import { rec } from './test-support/records.js';
import { vetRecords } from './vet.js';

const ip = tableIpIntel({ '58.16.1.10': { country: 'cn', asn: 4837, org: 'CHINA UNICOM China169 Backbone' } });
const now = Date.UTC(2025, 5, 1);

describe('vetRecords', () => {
  it('scores each record from its fired rules, with explanations, sources, an action and its ring', async () => {
    const report = await vetRecords(
      [
        rec({ id: 'ok', names: ['Jane Doe'], claimed_country: 'us', interviews: [{ camera_on: true }] }),
        rec({ id: 'bad', names: ['John Roe'], claimed_country: 'us', interviews: [{ camera_on: false }], payment_accounts: [{ identifier: 'GB33BUKB20201555555555', holder_name: 'Christina Chapman' }], logins: [0, 1, 2].map((d) => ({ timestamp: `2025-04-0${d + 1}T02:00:00Z`, ip: '58.16.1.10' })) }, 2),
        rec({ id: 'peer', names: ['Ann Lee'], payment_accounts: [{ identifier: 'GB33 BUKB 2020 1555 5555 55' }] }, 3),
      ],
      { ip, now },
    );
    const [ok, bad, peer] = report.records;
    expect(ok).toMatchObject({ id: 'ok', score: 0, level: 'low', action: 'none', ring: null, rules: [] });
    expect(ok!.not_evaluated).toContain('network.vpn-or-hosting');
    expect(bad!.rules.map((f) => f.id)).toEqual(expect.arrayContaining(['payments.other-name', 'interviews.camera-avoided', 'network.ip-country-mismatch', 'payments.shared-account', 'rings.member']));
    expect(bad!.ring).toBe('ring-bad');
    expect(bad!.level).toMatch(/high|critical/);
    const rule = bad!.rules.find((f) => f.id === 'payments.other-name')!;
    expect(rule).toMatchObject({ severity: 'high', weight: 0.35, source: { tag: 'G22c', date: '2022-05-16' }, explanation: expect.stringContaining('"Christina Chapman"') });
    expect(peer!.ring).toBe('ring-bad');
    expect(report.rings).toEqual([
      { id: 'ring-bad', members: ['bad', 'peer'], max_score: bad!.score, links: [{ a: 'bad', b: 'peer', strength: 0.85, shared: [{ kind: 'bank', label: 'payout account', value: 'iban:GB33BUKB20201555555555', weight: 0.85 }] }] },
    ]);
    expect(report.summary).toMatchObject({ records: 3, rings: 1, records_in_rings: 2 });
    expect(report.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^no sanctions lists loaded/), expect.stringMatching(/^no wallet exposure provider/)]));
  });

  it('asks the exposure provider about each payout wallet once and fires on a severe exposure', async () => {
    const asked: string[] = [];
    const wallet = '0x3333333333333333333333333333333333333333';
    const report = await vetRecords([rec({ id: 'a', payment_accounts: [{ type: 'crypto', identifier: wallet }] }), rec({ id: 'b', payment_accounts: [{ type: 'crypto', identifier: wallet }] }, 2)], {
      ip,
      now,
      exposure: {
        description: 'test exposure',
        exposure: async (address) => {
          asked.push(address);
          return { address, risk: 'severe', exposure: { sanctioned: 0.8 }, explanation: '80% of inflows from a listed Lazarus address' };
        },
      },
    });
    expect(asked).toEqual([wallet]);
    expect(report.exposure).toBe('test exposure');
    expect(report.records[0]!.rules.map((f) => f.id)).toContain('sanctions.wallet-exposure');
  });

  it('renders an HTML report that escapes input text', async () => {
    const report = await vetRecords([rec({ id: '<script>x</script>', names: ['Jane'], interviews: [{ camera_on: false, notes: '<img src=x onerror=alert(1)>' }] })], { ip, now });
    const html = reportHtml(report);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Unwilling or unable to be on camera');
    expect(html).toContain('https://www.ic3.gov/PSA/2023/PSA231018');
  });
});
