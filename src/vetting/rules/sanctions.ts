import type { VetContext } from '../context.js';
import type { WorkerRecord } from '../input/record.js';
import { paymentKey } from '../links/identifiers.js';
import type { ExposureRisk } from '../exposure.js';
import type { SanctionsHit } from '../sanctions.js';
import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText, quote } from './helpers.js';
import { SEVERITY_WEIGHTS } from './types.js';

function describeHit(h: SanctionsHit): string {
  const where = [h.list, h.entryId ? `entry ${h.entryId}` : ''].filter(Boolean).join(' ');
  return `${quote(h.caption)} (${where || h.entityId}${h.programs.length ? `, ${h.programs.join('/')}` : ''}; score ${h.score.toFixed(2)}${h.explanation ? `: ${h.explanation}` : ''})`;
}

function personHits(r: WorkerRecord, ctx: VetContext): SanctionsHit[] | null {
  const names = [...r.names, ...r.aliases];
  if (!ctx.sanctions || !names.length) return null;
  const query: { names: string[]; birthDate?: string; nationality?: string } = { names };
  if (r.birthDate) query.birthDate = r.birthDate;
  if (r.nationality) query.nationality = r.nationality;
  return ctx.sanctions.screenPerson(query);
}

export const sanctionsNameMatch = defineRule({
  id: 'sanctions.name-match',
  title: 'Name matches a sanctioned person',
  fields: ['names', 'aliases', 'birth_date', 'nationality'],
  parameters: {},
  severity: 'critical',
  weight: 0.9,
  blocking: true,
  source: SOURCES.G22,
  seeAlso: [SOURCES.OFSI24],
  evaluate(r, ctx) {
    if (!ctx.sanctions) return noData('no sanctions lists loaded');
    const hits = personHits(r, ctx);
    if (!hits) return noData('no names');
    const matches = hits.filter((h) => h.match);
    if (matches.length) return fired(`Screening ${listText([...r.names, ...r.aliases].map((n) => quote(n)))} against ${ctx.sanctions.description} matched ${listText(matches.map(describeHit), 2)}.`, { related: matches.map((h) => h.entityId) });
    return clear(`No match for ${listText([...r.names, ...r.aliases].map((n) => quote(n)))} in ${ctx.sanctions.description}.`);
  },
});

export const sanctionsNameReview = defineRule({
  id: 'sanctions.name-review',
  title: 'Name resembles a sanctioned person (needs review)',
  fields: ['names', 'aliases', 'birth_date', 'nationality'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.G22,
  seeAlso: [SOURCES.OFSI24],
  evaluate(r, ctx) {
    if (!ctx.sanctions) return noData('no sanctions lists loaded');
    const hits = personHits(r, ctx);
    if (!hits) return noData('no names');
    if (hits.some((h) => h.match)) return clear('A full match is reported by sanctions.name-match.');
    const review = hits.filter((h) => h.review);
    if (review.length) return fired(`Screening found candidates to review: ${listText(review.map(describeHit), 2)}.`, { related: review.map((h) => h.entityId) });
    return clear(`No candidate above the review threshold in ${ctx.sanctions.description}.`);
  },
});

function wallets(r: WorkerRecord): string[] {
  return r.paymentAccounts.filter((p) => p.identifier && paymentKey(p)?.kind === 'wallet').map((p) => p.identifier!);
}

export const sanctionsWalletMatch = defineRule({
  id: 'sanctions.wallet-match',
  title: 'Payout wallet is on a sanctions list',
  fields: ['payment_accounts.identifier'],
  parameters: {},
  severity: 'critical',
  weight: 0.9,
  blocking: true,
  source: SOURCES.G22c,
  seeAlso: [SOURCES.OFSI24],
  evaluate(r, ctx) {
    if (!ctx.sanctions) return noData('no sanctions lists loaded');
    const addresses = wallets(r);
    if (!addresses.length) return noData('no crypto payout wallets');
    const hits = addresses.flatMap((a) => ctx.sanctions!.screenWallet(a).filter((h) => h.match).map((h) => ({ a, h })));
    if (hits.length) return fired(`Payout wallet ${listText(hits.map(({ a, h }) => `${a} is listed as ${describeHit(h)}`), 2)}.`, { related: hits.map(({ h }) => h.entityId) });
    return clear(`${addresses.length} payout wallet(s) are not on ${ctx.sanctions.description}.`);
  },
});

const RISK_ORDER: ExposureRisk[] = ['none', 'low', 'medium', 'high', 'severe'];

export const walletExposure = defineRule({
  id: 'sanctions.wallet-exposure',
  title: 'Payout wallet exposed to stolen or sanctioned funds',
  fields: ['payment_accounts.identifier'],
  parameters: { minRisk: 'high' as ExposureRisk },
  severity: 'critical',
  source: SOURCES.OFSI24,
  seeAlso: [SOURCES.G22c],
  evaluate(r, ctx, p) {
    const addresses = wallets(r);
    if (!addresses.length) return noData('no crypto payout wallets');
    if (!ctx.exposures) return noData('no wallet exposure data loaded (exposure engine not connected)');
    const floor = RISK_ORDER.indexOf(ctx.exposureFloor ?? p.minRisk);
    const known = addresses.map((a) => ctx.exposures!.get(a)).filter((e): e is NonNullable<typeof e> => !!e);
    if (!known.length) return noData('the exposure data has nothing on these wallets');
    const risky = known.filter((e) => RISK_ORDER.indexOf(e.risk) >= floor).sort((a, b) => RISK_ORDER.indexOf(b.risk) - RISK_ORDER.indexOf(a.risk));
    if (risky.length) {
      const worst = risky[0]!.risk;
      return fired(`${listText(risky.map((e) => `wallet ${e.address} has ${e.risk} exposure: ${e.explanation}`), 2)}.`.replace(/^./, (c) => c.toUpperCase()), {
        weight: worst === 'severe' ? SEVERITY_WEIGHTS.critical : SEVERITY_WEIGHTS.high,
      });
    }
    return clear(`Exposure of ${known.length} wallet(s) is at most ${known.map((e) => e.risk).sort((a, b) => RISK_ORDER.indexOf(b) - RISK_ORDER.indexOf(a))[0]}.`);
  },
});
