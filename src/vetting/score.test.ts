import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionOf, levelOf, scoreOf } from './score.js';

describe('scoreOf', () => {
  it('combines weights as independent evidence', () => {
    expect(scoreOf([])).toBe(0);
    expect(scoreOf([0.35, 0.2])).toBe(48);
    expect(scoreOf([0.1, 0.1, 0.1])).toBe(27);
    expect(scoreOf([0.9])).toBe(90);
  });

  it('never decreases when a rule fires and never exceeds 100', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (ws, w) => {
        const before = scoreOf(ws);
        const after = scoreOf([...ws, w]);
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('levels and actions', () => {
  it('map scores to levels and recommended actions', () => {
    expect([0, 24, 25, 49, 50, 74, 75].map(levelOf)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical']);
    expect(actionOf(10, false)).toBe('none');
    expect(actionOf(30, false)).toBe('verify');
    expect(actionOf(60, false)).toBe('escalate');
    expect(actionOf(85, false)).toBe('block');
    expect(actionOf(10, true)).toBe('block');
  });
});
