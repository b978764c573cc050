import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { accountLending, accountOwnerChange, borrowIdentity, coldOutreach, offPlatformContact, paySplitting, referralChain, subcontracting } from './conduct.js';

const reported = (type: string, note?: string) => [rec({ id: 'w1', reports: [{ type, at: '2025-03-02', ...(note ? { note } : {}) }] })];

testRule(offPlatformContact, () => ({
  fires: [rec({ id: 'w1', messages: ['Thanks! Please contact me on Telegram, it is faster.'] })],
  nearMiss: [rec({ id: 'w1', messages: ['Thanks, see you at the stand-up on Zoom.'] })],
  says: /^The message "Thanks! Please contact me on Telegram/,
}));

testRule(borrowIdentity, () => ({ fires: reported('borrow identity', 'asked a colleague for his SSN to apply to another contract'), nearMiss: reported('cold-outreach'), says: /borrow-identity report of 2025-03-02/ }));
testRule(coldOutreach, () => ({ fires: reported('cold_outreach'), nearMiss: reported('borrow-identity'), says: /cold-outreach report/ }));
testRule(subcontracting, () => ({ fires: reported('subcontracting'), nearMiss: reported('pay-splitting'), says: /subcontracting report/ }));
testRule(accountLending, () => ({
  fires: [rec({ id: 'w1', messages: ['I will pay $200 a month to rent your Upwork account'] })],
  nearMiss: [rec({ id: 'w1', messages: ['My Upwork account is verified'] })],
  says: /rent your Upwork account/,
}));
testRule(paySplitting, () => ({ fires: reported('pay-split'), nearMiss: reported('subcontracting'), says: /pay-split report/ }));

testRule(accountOwnerChange, () => ({
  fires: [rec({ id: 'w1', platform: { owner_changes: 2 } })],
  nearMiss: [rec({ id: 'w1', platform: { owner_changes: 0 } })],
  says: /changed 2 time\(s\)/,
}));

testRule(referralChain, () => ({
  fires: [rec({ id: 'r' }), ...['a', 'b', 'c'].map((id, i) => rec({ id, referred_by: 'r' }, i + 2))],
  nearMiss: [rec({ id: 'r' }), ...['a', 'b'].map((id, i) => rec({ id, referred_by: 'r' }, i + 2))],
  says: /This worker referred a, b and c/,
}));
