import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../ftm/entity.js';
import { Screener } from '../../screening/index.js';
import type { WalletExposure } from '../exposure.js';
import { screenerSanctions } from '../sanctions.js';
import { check, rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { sanctionsNameMatch, sanctionsNameReview, sanctionsWalletMatch, walletExposure } from './sanctions.js';

const provenance = { list: 'us_ofac_sdn', programs: ['DPRK3'], publishedAt: '2024-05-03' };
const listed: FtmEntity[] = [
  { id: 'ofac-20157', schema: 'Person', caption: 'KIM, Jong Un', target: true, datasets: ['us_ofac_sdn'], properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'], nationality: ['kp'] }, provenance: { ...provenance, entryId: '20157' } },
  { id: 'ofac-27307', schema: 'Organization', caption: 'LAZARUS GROUP', target: true, datasets: ['us_ofac_sdn'], properties: { name: ['LAZARUS GROUP'] }, provenance: { ...provenance, entryId: '27307' } },
  {
    id: 'ofac-27307-wallet',
    schema: 'CryptoWallet',
    caption: '0x098b716b8aaf21512996dc57eb0615e2383e2f96',
    target: true,
    datasets: ['us_ofac_sdn'],
    properties: { publicKey: ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'], holder: ['ofac-27307'] },
    provenance: { ...provenance, entryId: '27307' },
  },
];
const sanctions = screenerSanctions(Screener.build(listed), 'us_ofac_sdn@1');
const options = { sanctions };

testRule(sanctionsNameMatch, () => ({
  fires: [rec({ id: 'w1', names: ['Jong-un Kim'], birth_date: '1984-01-08' })],
  nearMiss: [rec({ id: 'w1', names: ['Min-jun Park'], birth_date: '1990-02-02' })],
  options,
  says: /matched "KIM, Jong Un" \(us_ofac_sdn entry 20157, DPRK3; score/,
}));

testRule(sanctionsWalletMatch, () => ({
  fires: [rec({ id: 'w1', payment_accounts: [{ type: 'crypto', identifier: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }] })],
  nearMiss: [rec({ id: 'w1', payment_accounts: [{ type: 'crypto', identifier: '0x1111111111111111111111111111111111111111' }] })],
  options,
  says: /0x098B716B8Aaf21512996dC57EB0615e2383E2f96 is listed as "0x098b716b8aaf21512996dc57eb0615e2383e2f96" \(us_ofac_sdn entry 27307/,
}));

const fakeReview = {
  description: 'test list',
  screenPerson: ({ names }: { names: string[] }) =>
    names.includes('Jon Kimm') ? [{ entityId: 'x-1', caption: 'KIM, Jong Un', schema: 'Person', score: 0.6, match: false, review: true, programs: ['DPRK3'], explanation: 'names partly agree' }] : [],
  screenWallet: () => [],
};

testRule(sanctionsNameReview, () => ({
  fires: [rec({ id: 'w1', names: ['Jon Kimm'] })],
  nearMiss: [rec({ id: 'w1', names: ['Jane Doe'] })],
  options: { sanctions: fakeReview },
  says: /candidates to review: "KIM, Jong Un" \(x-1, DPRK3; score 0\.60: names partly agree\)/,
}));

const wallet = '0x2222222222222222222222222222222222222222';
const exposure = (risk: WalletExposure['risk']): Map<string, WalletExposure | null> =>
  new Map([[wallet, { address: wallet, risk, exposure: { stolen: 0.4 }, explanation: '40% of inflows trace within 2 hops to the Bybit hack' }]]);

testRule(walletExposure, () => ({
  fires: [rec({ id: 'w1', payment_accounts: [{ type: 'crypto', identifier: wallet }] })],
  nearMiss: [rec({ id: 'w1', payment_accounts: [{ type: 'crypto', identifier: wallet }] })],
  options: { exposures: exposure('severe') },
  nearMissOptions: { exposures: exposure('medium') },
  says: /severe exposure: 40% of inflows trace within 2 hops to the Bybit hack/,
}));

describe('sanctions rules without data', () => {
  it('say they were not evaluated when no lists are loaded or no exposure engine is connected', () => {
    const r = [rec({ id: 'w1', names: ['Kim Jong Un'], payment_accounts: [{ type: 'crypto', identifier: wallet }] })];
    expect(check(sanctionsNameMatch, r)).toMatchObject({ fired: false, applicable: false, explanation: 'no sanctions lists loaded' });
    expect(check(walletExposure, r).applicable).toBe(false);
  });

  it('weighs low exposure as clear and severe exposure as critical', () => {
    const r = [rec({ id: 'w1', payment_accounts: [{ type: 'crypto', identifier: wallet }] })];
    expect(check(walletExposure, r, { exposures: exposure('low') }).fired).toBe(false);
    expect(check(walletExposure, r, { exposures: exposure('severe') }).weight).toBe(0.6);
    expect(check(walletExposure, r, { exposures: exposure('high') }).weight).toBe(0.35);
  });
});
