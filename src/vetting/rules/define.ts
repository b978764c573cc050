import type { Rule, RuleOutcome, RuleSpec } from './types.js';
import { SEVERITY_WEIGHTS } from './types.js';

const specs = new WeakMap<Rule<object>, RuleSpec<object>>();

/**
 * Makes a rule from its spec: the family is the id's prefix, the weight defaults to the
 * severity's, and `evaluate` is bound to the rule's parameters.
 *
 * @example
 * const rule = defineRule({ id: 'payments.crypto-payment', title: '…', fields: ['payment_accounts'], parameters: {},
 *   severity: 'medium', source: SOURCES.G22c, evaluate: (r) => clear('…') });
 */
export function defineRule<P extends object>(spec: RuleSpec<P>): Rule<P> {
  const rule: Rule<P> = {
    id: spec.id,
    family: spec.id.split('.')[0] ?? spec.id,
    title: spec.title,
    fields: spec.fields,
    parameters: Object.freeze({ ...spec.parameters }),
    severity: spec.severity,
    weight: spec.weight ?? SEVERITY_WEIGHTS[spec.severity],
    source: spec.source,
    seeAlso: spec.seeAlso ?? [],
    blocking: spec.blocking ?? false,
    phase: spec.phase ?? 'record',
    evaluate: (record, context) => spec.evaluate(record, context, rule.parameters),
  };
  specs.set(rule as Rule<object>, spec as RuleSpec<object>);
  return rule;
}

/**
 * A copy of a rule with some parameters changed.
 *
 * @example
 * const strict = withParameters(koreanDaytime, { minEvents: 50 });
 */
export function withParameters<P extends object>(rule: Rule<P>, overrides: Partial<P>): Rule<P> {
  const spec = specs.get(rule as Rule<object>) as RuleSpec<P> | undefined;
  if (!spec) throw new Error(`rule ${rule.id} was not made by defineRule`);
  return defineRule({ ...spec, parameters: { ...rule.parameters, ...overrides } });
}

/** Outcome helpers: every outcome carries a sentence. */
export const fired = (explanation: string, extra: Partial<RuleOutcome> = {}): RuleOutcome => ({ fired: true, applicable: true, explanation, ...extra });
export const clear = (explanation: string, extra: Partial<RuleOutcome> = {}): RuleOutcome => ({ fired: false, applicable: true, explanation, ...extra });
export const noData = (explanation: string): RuleOutcome => ({ fired: false, applicable: false, explanation });
