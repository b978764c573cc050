import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { lowWinRate, ratingRing, taskFailures } from './platform.js';

testRule(lowWinRate, () => ({
  fires: [rec({ id: 'w1', platform: { bids: 420, wins: 3 } })],
  nearMiss: [rec({ id: 'w1', platform: { bids: 420, bids_won: 30 } })],
  says: /420 bids won 3 jobs \(1%\)/,
}));

const rated = (id: string, client: string, day: number, score = 5, line = 1) => rec({ id, platform: { ratings: [{ client, score, at: `2025-03-${String(day).padStart(2, '0')}` }] } }, line);

testRule(ratingRing, () => ({
  fires: [rated('w1', 'client-x', 1), rated('w2', 'client-x', 3, 5, 2), rated('w3', 'client-x', 5, 4.8, 3), rated('w4', 'client-x', 9, 10, 4)],
  nearMiss: [rated('w1', 'client-x', 1), rated('w2', 'client-x', 3, 5, 2), rated('w3', 'client-x', 5, 5, 3), rated('w4', 'client-x', 9, 2, 4)],
  says: /Client client-x rated 4 accounts highly within 30 days/,
}));

testRule(taskFailures, () => ({
  fires: [rec({ id: 'w1', platform: { tasks_completed: 6, tasks_failed: 4 } })],
  nearMiss: [rec({ id: 'w1', platform: { tasks_completed: 40, tasks_failed: 4 } })],
  says: /4 of 10 tasks \(40%\) were not completed/,
}));
