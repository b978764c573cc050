import { rec } from '../test-support/records.js';
import { testRule } from '../test-support/rule-cases.js';
import { credentialHarvesting, dataExtortion, repoExfiltration, unauthorisedCardCharges } from './post-hire.js';

const event = (type: string, detail?: string) => [rec({ id: 'w1', security_events: [{ type, at: '2025-04-02', ...(detail ? { detail } : {}) }] })];

testRule(repoExfiltration, () => ({ fires: event('repo copied', 'pushed monorepo to personal GitHub'), nearMiss: event('credential-harvesting'), says: /repo-copied on 2025-04-02 \("pushed monorepo to personal GitHub"\)/ }));
testRule(credentialHarvesting, () => ({ fires: event('session cookie theft'), nearMiss: event('repo-exfiltration'), says: /session-cookie-theft/ }));
testRule(dataExtortion, () => ({ fires: event('extortion', 'threatened to leak source code unless paid in USDT'), nearMiss: event('card-charges'), says: /extortion on 2025-04-02/ }));
testRule(unauthorisedCardCharges, () => ({ fires: event('card charges', '30 small charges'), nearMiss: event('extortion'), says: /card-charges/ }));
