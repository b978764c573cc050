import type { Rule } from './types.js';
import * as activity from './activity.js';
import * as conduct from './conduct.js';
import * as devices from './devices.js';
import * as identity from './identity.js';
import * as interviews from './interviews.js';
import * as network from './network.js';
import * as payments from './payments.js';
import * as platform from './platform.js';
import * as postHire from './post-hire.js';
import * as rings from './rings.js';
import * as sanctions from './sanctions.js';
import * as shipping from './shipping.js';

function rulesOf(module: Record<string, unknown>): Rule[] {
  return Object.values(module).filter((v): v is Rule => typeof v === 'object' && v !== null && 'evaluate' in v && 'id' in v);
}

/** Every vetting rule, by family. */
export const ALL_RULES: readonly Rule[] = [
  ...rulesOf(sanctions),
  ...rulesOf(identity),
  ...rulesOf(network),
  ...rulesOf(devices),
  ...rulesOf(shipping),
  ...rulesOf(payments),
  ...rulesOf(activity),
  ...rulesOf(interviews),
  ...rulesOf(conduct),
  ...rulesOf(platform),
  ...rulesOf(postHire),
  ...rulesOf(rings),
];

/**
 * A rule by id.
 *
 * @example
 * ruleById('network.vpn-or-hosting')?.title; // 'Logins through VPN, hosting or anonymity networks'
 */
export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}

export type { Rule, RuleOutcome, Severity } from './types.js';
