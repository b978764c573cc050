import type { WorkerRecord } from '../input/record.js';
import { claimedZones, localTime } from '../input/time-zones.js';
import { SOURCES } from '../sources.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText, pct } from './helpers.js';

/** Work-event times: `activity`, or login times when activity is too thin. */
function workTimes(r: WorkerRecord, minEvents: number): { times: number[]; what: string } {
  if (r.activity.length >= minEvents || r.logins.length < minEvents) return { times: r.activity, what: 'work events' };
  return { times: r.logins.map((l) => l.at), what: 'logins' };
}

function shareInHours(times: readonly number[], zone: string, from: number, to: number): number {
  let n = 0;
  for (const t of times) {
    const { hour } = localTime(zone, t);
    if (hour >= from && hour < to) n++;
  }
  return times.length ? n / times.length : 0;
}

/** The claimed zone in which the person's activity looks most like ordinary working hours. */
function mostFavourableZone(times: readonly number[], zones: readonly string[], from: number, to: number): { zone: string; share: number } {
  let best = { zone: zones[0]!, share: -1 };
  for (const zone of zones) {
    const share = shareInHours(times, zone, from, to);
    if (share > best.share) best = { zone, share };
  }
  return best;
}

export const koreanDaytime = defineRule({
  id: 'activity.korean-daytime',
  title: 'Work concentrated in Korean daytime while claiming a distant time zone',
  fields: ['activity', 'logins.timestamp', 'claimed_timezone', 'claimed_country'],
  parameters: { minEvents: 20, minKoreanShare: 0.6, maxLocalBusinessShare: 0.35, koreanStart: 9, koreanEnd: 18, localStart: 8, localEnd: 18 },
  severity: 'high',
  source: SOURCES.G22,
  seeAlso: [SOURCES.G22c, SOURCES.SEAL],
  evaluate(r, _ctx, p) {
    const zones = claimedZones(r);
    if (!zones.length) return noData('no claimed time zone or country');
    const { times, what } = workTimes(r, p.minEvents);
    if (times.length < p.minEvents) return noData(`fewer than ${p.minEvents} timed work events`);
    const korean = shareInHours(times, 'Asia/Seoul', p.koreanStart, p.koreanEnd);
    const local = mostFavourableZone(times, zones, p.localStart, p.localEnd);
    const detail = `${pct(korean)} of ${times.length} ${what} fall in Korean working hours (${p.koreanStart}:00–${p.koreanEnd}:00 KST) and ${pct(local.share)} in working hours of the claimed ${local.zone}`;
    if (korean >= p.minKoreanShare && local.share <= p.maxLocalBusinessShare) return fired(`${detail}.`);
    return clear(`${detail}${zones.length > 1 ? ` (the most favourable of ${listText([...zones])})` : ''}.`);
  },
});

export const offHours = defineRule({
  id: 'activity.off-hours',
  title: 'Rarely active during the claimed business hours',
  fields: ['activity', 'logins.timestamp', 'claimed_timezone', 'claimed_country'],
  parameters: { minEvents: 20, maxBusinessShare: 0.2, localStart: 9, localEnd: 17 },
  severity: 'low',
  source: SOURCES.G22c,
  seeAlso: [SOURCES.G22],
  evaluate(r, _ctx, p) {
    const zones = claimedZones(r);
    if (!zones.length) return noData('no claimed time zone or country');
    const { times, what } = workTimes(r, p.minEvents);
    if (times.length < p.minEvents) return noData(`fewer than ${p.minEvents} timed work events`);
    const local = mostFavourableZone(times, zones, p.localStart, p.localEnd);
    const detail = `${pct(local.share)} of ${times.length} ${what} fall in business hours (${p.localStart}:00–${p.localEnd}:00) of the claimed ${local.zone}`;
    if (local.share < p.maxBusinessShare) return fired(`Only ${detail}.`);
    return clear(`${detail}.`);
  },
});
