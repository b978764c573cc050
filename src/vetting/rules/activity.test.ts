import { dailyAt, rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { koreanDaytime, offHours } from './activity.js';

const start = Date.UTC(2025, 2, 3);
// UTC 01:00–07:00 is 10:00–16:00 in Seoul and 20:00–02:00 in New York (EST/EDT).
const seoulDaytime = dailyAt(start, 30, [1, 3, 5, 7]);
const newYorkDaytime = dailyAt(start, 30, [14, 16, 18, 20]);

testRule(koreanDaytime, () => ({
  fires: [rec({ id: 'w1', claimed_timezone: 'America/New_York', activity: seoulDaytime })],
  nearMiss: [rec({ id: 'w1', claimed_timezone: 'JST', activity: seoulDaytime })],
  says: /100% of 30 work events fall in Korean working hours .* and 0% in working hours of the claimed America\/New_York/,
}));

testRule(offHours, () => ({
  fires: [rec({ id: 'w1', claimed_country: 'United Kingdom', activity: seoulDaytime })],
  nearMiss: [rec({ id: 'w1', claimed_country: 'United States', logins: newYorkDaytime.map((t) => ({ timestamp: t })) })],
  says: /Only 0% of 30 work events fall in business hours \(9:00–17:00\) of the claimed Europe\/London/,
}));
