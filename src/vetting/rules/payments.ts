import type { VetContext } from '../context.js';
import type { PaymentAccount, WorkerRecord } from '../input/record.js';
import { paymentKey } from '../links/identifiers.js';
import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { agreesWithAny, country, DAY_MS, listText, quote } from './helpers.js';

function describeAccount(p: PaymentAccount): string {
  const id = p.identifier ? (p.identifier.length > 14 ? `${p.identifier.slice(0, 6)}…${p.identifier.slice(-4)}` : p.identifier) : '';
  return `${p.type}${id ? ` ${id}` : ''}${p.bankName ? ` at ${p.bankName}` : ''}`;
}

export const payToOtherName = defineRule({
  id: 'payments.other-name',
  title: 'Pay routed to an account in another name',
  fields: ['payment_accounts.holder_name', 'names', 'aliases'],
  parameters: {},
  severity: 'high',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.G22m, SOURCES.PSA24],
  evaluate(r) {
    const named = r.paymentAccounts.filter((p) => p.holderName);
    const known = [...r.names, ...r.aliases];
    if (!named.length) return noData('no payout account holder names');
    if (!known.length) return noData('no names on the record to compare with');
    const other = named.filter((p) => !agreesWithAny(p.holderName!, known));
    if (other.length) return fired(`${listText(other.map((p) => `${describeAccount(p)} is held by ${quote(p.holderName!)}`))}, not ${quote(known[0]!)}.`);
    return clear(`Every payout account is in the worker's name (${listText(named.map((p) => quote(p.holderName!)))}).`);
  },
});

const CHINESE_BANKS = /bank of china|industrial and commercial bank|\bicbc\b|agricultural bank of china|china construction bank|\bccb\b|bank of communications|china merchants bank|china minsheng|ping ?an bank|china citic|hua ?xia bank|shanghai pudong|china everbright|postal savings bank of china|bank of dandong|bank of jilin|harbin bank|shengjing bank|bank of dalian/i;

function accountCountry(p: PaymentAccount): string | undefined {
  if (p.bankCountry) return p.bankCountry;
  if (p.bic && /^[A-Z]{6}/.test(p.bic)) return p.bic.slice(4, 6).toLowerCase();
  const iban = p.identifier?.replace(/\s/g, '').toUpperCase();
  if (iban && /^[A-Z]{2}\d{2}[A-Z0-9]{10,}$/.test(iban)) return iban.slice(0, 2).toLowerCase();
  if (p.bankName && CHINESE_BANKS.test(p.bankName)) return 'cn';
  return undefined;
}

export const chineseBank = defineRule({
  id: 'payments.chinese-bank',
  title: 'Pay routed to a bank in China while claiming another country',
  fields: ['payment_accounts.bank_country', 'payment_accounts.bic', 'payment_accounts.bank_name', 'claimed_country'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.G22],
  evaluate(r) {
    const located = r.paymentAccounts.filter((p) => accountCountry(p));
    if (!located.length) return noData('no payout account countries');
    const chinese = located.filter((p) => accountCountry(p) === 'cn' || accountCountry(p) === 'hk');
    if (!chinese.length) return clear(`Payout accounts are in ${listText([...new Set(located.map((p) => country(accountCountry(p))))])}.`);
    if (r.claimedCountry === 'cn' || r.claimedCountry === 'hk') return clear(`A payout account is in China and the worker claims to live in ${country(r.claimedCountry)}.`);
    return fired(`${listText(chinese.map(describeAccount))} is in ${country(accountCountry(chinese[0]!))} while the claimed country is ${country(r.claimedCountry)}.`);
  },
});

const PRC_SERVICES = /alipay|wechat|weixin|union ?pay|tenpay|lianlian|pingpong|airwallex cn|yeepay|kuaiqian/i;

export const prcPaymentService = defineRule({
  id: 'payments.prc-payment-service',
  title: 'PRC-linked digital payment service while claiming another country',
  fields: ['payment_accounts.type', 'payment_accounts.bank_name', 'claimed_country'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.G22c,
  evaluate(r) {
    if (!r.paymentAccounts.length) return noData('no payout accounts');
    const prc = r.paymentAccounts.filter((p) => PRC_SERVICES.test(p.type) || (p.bankName !== undefined && PRC_SERVICES.test(p.bankName)));
    if (!prc.length) return clear(`Payout services are ${listText([...new Set(r.paymentAccounts.map((p) => p.type))])}.`);
    if (r.claimedCountry === 'cn' || r.claimedCountry === 'hk') return clear(`A PRC payment service is used by a worker who claims to live in ${country(r.claimedCountry)}.`);
    return fired(`Payouts go through ${listText(prc.map(describeAccount))} while the claimed country is ${country(r.claimedCountry)}.`);
  },
});

export const cryptoPayment = defineRule({
  id: 'payments.crypto-payment',
  title: 'Payment requested in virtual currency',
  fields: ['payment_accounts.type', 'payment_accounts.identifier'],
  parameters: {},
  severity: 'medium',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.G22, SOURCES.OFSI24],
  evaluate(r) {
    if (!r.paymentAccounts.length) return noData('no payout accounts');
    const crypto = r.paymentAccounts.filter((p) => paymentKey(p)?.kind === 'wallet' || p.type === 'crypto');
    if (crypto.length) return fired(`Payouts go to ${listText(crypto.map((p) => `${p.currency ? `${p.currency} ` : ''}wallet ${p.identifier ?? ''}`.trim()))}.`);
    return clear(`No crypto payout among ${r.paymentAccounts.length} account(s).`);
  },
});

export const accountChurn = defineRule({
  id: 'payments.account-churn',
  title: 'Frequent changes of payout account',
  fields: ['payment_accounts.added', 'payment_accounts.identifier'],
  parameters: { minAccounts: 3, windowDays: 180, minAccountsUndated: 4 },
  severity: 'medium',
  source: SOURCES.PSA25,
  seeAlso: [SOURCES.G22p],
  evaluate(r, _ctx, p) {
    const accounts = r.paymentAccounts.filter((a) => a.identifier);
    if (!accounts.length) return noData('no payout accounts');
    const dated = accounts.filter((a) => a.addedAt !== undefined).sort((a, b) => a.addedAt! - b.addedAt!);
    const window = p.windowDays * DAY_MS;
    for (let i = 0; i + p.minAccounts - 1 < dated.length; i++) {
      const last = dated[i + p.minAccounts - 1]!;
      if (last.addedAt! - dated[i]!.addedAt! <= window) {
        const days = Math.round((last.addedAt! - dated[i]!.addedAt!) / DAY_MS);
        return fired(`${p.minAccounts} payout accounts were added within ${days} days (${listText(dated.slice(i, i + p.minAccounts).map(describeAccount))}).`);
      }
    }
    if (accounts.length >= p.minAccountsUndated && dated.length < accounts.length) return fired(`${accounts.length} different payout accounts are on file.`);
    return clear(`${accounts.length} payout account(s), not ${p.minAccounts} within ${p.windowDays} days.`);
  },
});

function sharedPayoutGroups(r: WorkerRecord, ctx: VetContext) {
  const me = ctx.indexOf(r);
  return { me, groups: ctx.graph.groupsOf(me).filter((g) => g.kind === 'bank' || g.kind === 'wallet') };
}

export const sharedPayoutAccount = defineRule({
  id: 'payments.shared-account',
  title: 'Payout account shared with other workers',
  fields: ['payment_accounts.identifier'],
  parameters: {},
  severity: 'high',
  source: SOURCES.PSA24,
  seeAlso: [SOURCES.G22p, SOURCES.PSA25],
  evaluate(r, ctx) {
    if (!r.paymentAccounts.some((p) => p.identifier)) return noData('no payout account identifiers');
    const { me, groups } = sharedPayoutGroups(r, ctx);
    const workers = groups.map((g) => ({ g, others: g.members.filter((m) => m !== me && ctx.records[m]!.role !== 'client') })).filter((x) => x.others.length);
    if (!workers.length) return clear('No other worker is paid into these accounts.');
    const related = [...new Set(workers.flatMap((x) => x.others))].map((m) => ctx.graph.ids[m]!);
    return fired(`Payout account ${listText(workers.map((x) => ctx.graph.valueOf(x.g)))} also pays ${listText(related)}.`, { related });
  },
});

export const sharedWithClient = defineRule({
  id: 'payments.shared-with-client',
  title: 'Worker and client accounts share a payment account (self-paying for ratings)',
  fields: ['payment_accounts.identifier', 'role'],
  parameters: {},
  severity: 'high',
  source: SOURCES.G22p,
  evaluate(r, ctx) {
    if (!r.paymentAccounts.some((p) => p.identifier)) return noData('no payment account identifiers');
    const { me, groups } = sharedPayoutGroups(r, ctx);
    const mixed = groups
      .map((g) => ({ g, others: g.members.filter((m) => m !== me && ctx.records[m]!.role !== r.role) }))
      .filter((x) => x.others.length);
    if (!mixed.length) return clear(`No ${r.role === 'client' ? 'worker' : 'client'} account uses these payment accounts.`);
    const related = [...new Set(mixed.flatMap((x) => x.others))].map((m) => ctx.graph.ids[m]!);
    return fired(`Payment account ${listText(mixed.map((x) => ctx.graph.valueOf(x.g)))} is used by ${r.role === 'client' ? 'worker' : 'client'} account ${listText(related)} as well.`, { related });
  },
});

export const prepaymentRequests = defineRule({
  id: 'payments.prepayment-requests',
  title: 'Repeated requests for payment before milestones',
  fields: ['platform.prepayment_requests', 'reports.type'],
  parameters: { minRequests: 2 },
  severity: 'low',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.PSA23],
  evaluate(r, _ctx, p) {
    const reported = r.reports.filter((x) => /prepay|advance-payment|payment-before/.test(x.type)).length;
    const counted = r.platform?.prepaymentRequests;
    if (counted === undefined && !r.reports.length) return noData('no prepayment counts or conduct reports');
    const total = Math.max(counted ?? 0, reported);
    if (total >= p.minRequests) return fired(`${total} requests for payment before milestones were recorded.`);
    return clear(`${total} prepayment request(s) recorded.`);
  },
});
