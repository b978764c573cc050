import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CounterflowError } from '../../errors.js';
import { parseTimeBound } from './time-bound.js';

const NOW = Date.parse('2026-06-08T12:00:00Z');

describe('audit time bounds', () => {
  it('reads dates, date-times and spans back from now', () => {
    expect(parseTimeBound('2026-06-01', 'since', NOW)).toBe('2026-06-01T00:00:00.000Z');
    expect(parseTimeBound('2026-06-01T10:30:00+02:00', 'since', NOW)).toBe('2026-06-01T08:30:00.000Z');
    expect(parseTimeBound('2026-06-01 10:30', 'since', NOW)).toBe('2026-06-01T10:30:00.000Z');
    expect(parseTimeBound('7d', 'since', NOW)).toBe('2026-06-01T12:00:00.000Z');
    expect(parseTimeBound('30m', 'since', NOW)).toBe('2026-06-08T11:30:00.000Z');
    expect(parseTimeBound('2w', 'since', NOW)).toBe('2026-05-25T12:00:00.000Z');
  });

  it('refuses anything else with an error naming the option, never an invalid date', () => {
    expect(() => parseTimeBound('2026-13-45', '--since', NOW)).toThrow(/--since: "2026-13-45" is not a date/);
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          expect(Number.isFinite(Date.parse(parseTimeBound(s, 'since', NOW)))).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(CounterflowError);
        }
      }),
    );
  });
});
