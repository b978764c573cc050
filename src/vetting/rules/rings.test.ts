import { describe, expect, it } from 'vitest';
import { tableIpIntel } from '../ip/ip-intel.js';
import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { vetRecords } from '../vet.js';
import { flaggedRingMember, ringMember } from './rings.js';

const iban = 'GB33BUKB20201555555555';

testRule(ringMember, () => ({
  fires: [rec({ id: 'w1', payment_accounts: [{ identifier: iban }], logins: [{ timestamp: '2025-04-01T10:00:00Z', ip: '73.15.1.10' }] }), rec({ id: 'w2', payment_accounts: [{ identifier: iban }] }, 2)],
  nearMiss: [rec({ id: 'w1', logins: [{ timestamp: '2025-04-01T10:00:00Z', ip: '73.15.1.10' }] }), rec({ id: 'w2', logins: [{ timestamp: '2025-04-01T11:00:00Z', ip: '73.15.1.10' }] }, 2)],
  says: /Member of ring-w1 with 2 records: linked to w2 \(payout account iban:GB33BUKB20201555555555; strength 85%\)/,
}));

describe(flaggedRingMember.id, () => {
  const flagged = { names: ['John Roe'], identity_check: { stolen_identity: true }, documents: [{ type: 'passport', number: 'X7777777', verification: 'forged' }], interviews: [{ flags: ['different-person'] }] };
  const options = { ip: tableIpIntel({}), now: Date.UTC(2025, 5, 1) };

  it("fires on a clean record whose ring peer is flagged, naming the peer and what they share", async () => {
    const report = await vetRecords([rec({ id: 'clean', names: ['Jane Doe'], payment_accounts: [{ identifier: iban }] }), rec({ id: 'bad', ...flagged, payment_accounts: [{ identifier: iban }] }, 2)], options);
    const clean = report.records[0]!;
    const rule = clean.rules.find((f) => f.id === flaggedRingMember.id);
    expect(rule?.explanation).toMatch(/Ring peer bad scores \d+ on its own \(.*\), sharing payout account iban:GB33BUKB20201555555555/);
    expect(clean.score).toBeGreaterThan(report.records.find((r) => r.id === 'bad')!.score / 2);
  });

  it('does not fire when no ring peer is flagged on its own', async () => {
    const report = await vetRecords([rec({ id: 'a', names: ['Jane Doe'], payment_accounts: [{ identifier: iban }] }), rec({ id: 'b', names: ['John Roe'], payment_accounts: [{ identifier: iban }] }, 2)], options);
    expect(report.records[0]!.ring).toBe('ring-a');
    expect(report.records[0]!.rules.map((f) => f.id)).not.toContain(flaggedRingMember.id);
  });
});
