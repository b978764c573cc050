import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { DAY_MS, listText, pct } from './helpers.js';

export const lowWinRate = defineRule({
  id: 'platform.low-win-rate',
  title: 'Extensive bidding with a very low win rate',
  fields: ['platform.bids', 'platform.wins'],
  parameters: { minBids: 50, maxWinRate: 0.02 },
  severity: 'low',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.G22m],
  evaluate(r, _ctx, p) {
    const bids = r.platform?.bids;
    if (bids === undefined) return noData('no bid counts');
    const wins = r.platform?.wins ?? 0;
    const rate = bids ? wins / bids : 0;
    if (bids >= p.minBids && rate <= p.maxWinRate) return fired(`${bids} bids won ${wins} jobs (${pct(rate)}).`);
    return clear(`${bids} bids, ${wins} won (${pct(rate)}).`);
  },
});

/** A rating counts as high at or above this share of the scale (4 of 5, 8 of 10, 0.8 of 1). */
function isHigh(score: number): boolean {
  const scale = score <= 1 ? 1 : score <= 5 ? 5 : score <= 10 ? 10 : 100;
  return score / scale >= 0.8;
}

export const ratingRing = defineRule({
  id: 'platform.rating-ring',
  title: 'Rated highly by a client that rated many accounts highly in a short time',
  fields: ['platform.ratings'],
  parameters: { minAccounts: 4, windowDays: 30 },
  severity: 'high',
  source: SOURCES.G22p,
  seeAlso: [SOURCES.G22m],
  evaluate(r, ctx, p) {
    const ratings = r.platform?.ratings.filter((x) => x.client) ?? [];
    if (!ratings.length) return noData('no ratings with client ids');
    const me = ctx.indexOf(r);
    for (const mine of ratings.filter((x) => isHigh(x.score))) {
      const all = (ctx.ratingsByClient.get(mine.client) ?? []).filter((x) => isHigh(x.score));
      const near = all.filter((x) => mine.at === undefined || x.at === undefined || Math.abs(x.at - mine.at) <= p.windowDays * DAY_MS);
      const accounts = [...new Set(near.map((x) => x.record))];
      if (accounts.length >= p.minAccounts) {
        const others = accounts.filter((m) => m !== me).map((m) => ctx.graph.ids[m]!);
        return fired(`Client ${mine.client} rated ${accounts.length} accounts highly within ${p.windowDays} days (${listText(others)} besides this one).`, { related: others });
      }
    }
    return clear(`No client that rated this account rated ${p.minAccounts} or more accounts highly within ${p.windowDays} days.`);
  },
});

export const taskFailures = defineRule({
  id: 'platform.task-failures',
  title: 'Often fails to complete tasks',
  fields: ['platform.tasks_completed', 'platform.tasks_failed'],
  parameters: { minFailed: 3, minShare: 0.3 },
  severity: 'low',
  source: SOURCES.G22c,
  evaluate(r, _ctx, p) {
    const failed = r.platform?.tasksFailed;
    if (failed === undefined) return noData('no task outcomes');
    const total = failed + (r.platform?.tasksCompleted ?? 0);
    const share = total ? failed / total : 0;
    if (failed >= p.minFailed && share >= p.minShare) return fired(`${failed} of ${total} tasks (${pct(share)}) were not completed.`);
    return clear(`${failed} of ${total} tasks were not completed.`);
  },
});
