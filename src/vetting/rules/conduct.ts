import type { WorkerRecord } from '../input/record.js';
import type { SourceDocument } from '../sources.js';
import { SOURCES } from '../sources.js';
import type { Rule, Severity } from './types.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText, quote } from './helpers.js';

/**
 * Rules over staff reports (`reports[].type`) and the person's own messages: conduct the advisories
 * name that only people observe. Each report type maps to one rule; a message pattern can fire the
 * same rule when the text says it plainly.
 */
function reportRule(spec: {
  id: string;
  title: string;
  types: RegExp;
  messages?: RegExp;
  severity: Severity;
  source: SourceDocument;
  seeAlso?: SourceDocument[];
}): Rule<object> {
  return defineRule({
    id: spec.id,
    title: spec.title,
    fields: spec.messages ? ['reports.type', 'messages'] : ['reports.type'],
    parameters: {},
    severity: spec.severity,
    source: spec.source,
    ...(spec.seeAlso ? { seeAlso: spec.seeAlso } : {}),
    evaluate(r: WorkerRecord) {
      if (!r.reports.length && !(spec.messages && r.messages.length)) return noData(spec.messages ? 'no conduct reports or messages' : 'no conduct reports');
      const reports = r.reports.filter((x) => spec.types.test(x.type));
      const said = spec.messages ? r.messages.filter((m) => spec.messages!.test(m)) : [];
      if (!reports.length && !said.length) return clear(`None of ${r.reports.length} report(s)${spec.messages ? ` or ${r.messages.length} message(s)` : ''} says so.`);
      const parts = [
        ...reports.map((x) => `a ${x.type} report${x.at ? ` of ${new Date(x.at).toISOString().slice(0, 10)}` : ''}${x.note ? ` (${quote(x.note, 80)})` : ''}`),
        ...said.map((m) => `the message ${quote(m, 80)}`),
      ];
      return fired(`${listText(parts)}.`.replace(/^./, (c) => c.toUpperCase()));
    },
  });
}

export const offPlatformContact = reportRule({
  id: 'conduct.off-platform-contact',
  title: 'Insists on moving communication off the platform',
  types: /off-platform|move-communication/,
  messages: /\b(telegram|whats ?app|skype|signal|discord|wechat|contact me (directly|outside)|email me (directly|at)|my personal (e-?mail|number)|outside (of )?(this|the) platform)\b/i,
  severity: 'low',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.G22m],
});

export const borrowIdentity = reportRule({
  id: 'conduct.borrow-identity',
  title: "Asks others to lend their identity or personal data",
  types: /borrow-identity|borrow-personal-data|asks-for-personal-data|identity-request/,
  messages: /\b(use|borrow|lend me) your (identity|id|name|account|ssn|passport)\b/i,
  severity: 'medium',
  source: SOURCES.G22c,
});

export const coldOutreach = reportRule({
  id: 'conduct.cold-outreach',
  title: 'Cold messages from self-styled development-shop executives',
  types: /cold-outreach|cold-dm|unsolicited-offer/,
  severity: 'low',
  source: SOURCES.G22c,
});

export const subcontracting = reportRule({
  id: 'conduct.subcontracting',
  title: 'Subcontracts the work or recommends more workers after hire',
  types: /subcontract|recommends-workers/,
  severity: 'low',
  source: SOURCES.G22,
  seeAlso: [SOURCES.SEAL],
});

export const accountLending = reportRule({
  id: 'conduct.account-lending',
  title: 'Pays others to borrow their platform accounts',
  types: /account-lending|account-rental|borrowed-account|rents-account/,
  messages: /\b(rent|buy|borrow) (your|an?) (upwork|freelancer|fiverr|linkedin|github)? ?account\b/i,
  severity: 'high',
  source: SOURCES.ROK22,
});

export const paySplitting = reportRule({
  id: 'conduct.pay-splitting',
  title: 'Proposes working together and splitting the pay',
  types: /pay-split|co-work|revenue-share/,
  messages: /\b(split|share) the (pay|payment|earnings|money)\b/i,
  severity: 'medium',
  source: SOURCES.ROK22,
});

export const accountOwnerChange = defineRule({
  id: 'conduct.account-owner-change',
  title: 'Platform account changed hands',
  fields: ['platform.owner_changes'],
  parameters: {},
  severity: 'high',
  source: SOURCES.ROK22,
  evaluate(r) {
    const changes = r.platform?.ownerChanges;
    if (changes === undefined) return noData('no account ownership history');
    if (changes > 0) return fired(`The account's owner or KYC identity changed ${changes} time(s).`);
    return clear('The account has had one owner.');
  },
});

export const referralChain = defineRule({
  id: 'conduct.referral-chain',
  title: 'Part of a referral chain (refers several workers, or was referred by one who does)',
  fields: ['referred_by'],
  parameters: { minReferrals: 3 },
  severity: 'low',
  source: SOURCES.G22,
  seeAlso: [SOURCES.SEAL],
  evaluate(r, ctx, p) {
    const referred = ctx.referralsBy.get(r.id) ?? [];
    const siblings = r.referredBy ? (ctx.referralsBy.get(r.referredBy) ?? []) : [];
    if (!r.referredBy && !referred.length) return noData('no referrals');
    if (referred.length >= p.minReferrals) {
      const ids = referred.map((m) => ctx.graph.ids[m]!);
      return fired(`This worker referred ${listText(ids)}.`, { related: ids });
    }
    if (siblings.length >= p.minReferrals) {
      const ids = siblings.map((m) => ctx.graph.ids[m]!).filter((id) => id !== r.id);
      return fired(`Referred by ${r.referredBy}, who also referred ${listText(ids)}.`, { related: [r.referredBy!, ...ids] });
    }
    return clear(`${referred.length} referral(s) made${r.referredBy ? `; referred by ${r.referredBy}, who referred ${siblings.length}` : ''}.`);
  },
});
