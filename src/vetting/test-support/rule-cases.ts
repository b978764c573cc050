import { describe, expect, it } from 'vitest';
import type { Rule } from '../rules/types.js';
import { check, type RuleCase } from './records.js';

/**
 * The standard test of a rule: the `fires` case fires with an explanation that says what it
 * should; the near miss is judged (the rule has the data it needs) and does not fire.
 */
export function testRule(rule: Rule, make: () => RuleCase): void {
  describe(rule.id, () => {
    it('fires on a record that shows the red flag, and explains why', () => {
      const c = make();
      const outcome = check(rule, c.fires, c.options);
      expect(outcome.fired, outcome.explanation).toBe(true);
      expect(outcome.explanation).toMatch(c.says);
    });
    it('does not fire on the near miss', () => {
      const c = make();
      const outcome = check(rule, c.nearMiss, c.nearMissOptions ?? c.options);
      expect(outcome.applicable, outcome.explanation).toBe(true);
      expect(outcome.fired, outcome.explanation).toBe(false);
    });
  });
}
