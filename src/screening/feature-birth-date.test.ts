import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BIRTH_DATE_WEIGHTS, birthDateFeature, parsePartialDate, relateDates, type PartialDate } from './feature-birth-date.js';

const d = (s: string): PartialDate => {
  const p = parsePartialDate(s);
  if (!p) throw new Error(`bad date ${s}`);
  return p;
};

describe('parsePartialDate', () => {
  it('reads year, month and day precision, padding unpadded parts', () => {
    expect(parsePartialDate('1969-7-16')).toEqual({ year: 1969, month: 7, day: 16, text: '1969-07-16' });
    expect(parsePartialDate('1948')).toEqual({ year: 1948, text: '1948' });
    expect(parsePartialDate('1984-01')).toEqual({ year: 1984, month: 1, text: '1984-01' });
    expect(parsePartialDate('1984-01-08T00:00:00Z')?.text).toBe('1984-01-08');
  });

  it('rejects what is not a date, and impossible days unless lenient', () => {
    expect(parsePartialDate('born 1948')).toBeNull();
    expect(parsePartialDate('1974-02-30')).toBeNull();
    expect(parsePartialDate('1974-13-01')).toBeNull();
    expect(parsePartialDate('1974-01-32', true)?.text).toBe('1974-01');
    expect(parsePartialDate('1974-13-01', true)?.text).toBe('1974');
  });

  it('round-trips every valid ISO date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parsePartialDate(iso)?.text).toBe(iso);
      }),
    );
  });
});

describe('relateDates', () => {
  it('respects precision and tells the relations apart', () => {
    expect(relateDates(d('1948-01-08'), d('1948'))).toBe('match');
    expect(relateDates(d('1984-01-08'), d('1984-01-08'))).toBe('match');
    expect(relateDates(d('1984-08-01'), d('1984-01-08'))).toBe('day_month_swapped');
    expect(relateDates(d('1984-01-09'), d('1984-01-08'))).toBe('day_disjoint');
    expect(relateDates(d('1985-01-08'), d('1984-01-08'))).toBe('year_near');
    expect(relateDates(d('1990'), d('1984'))).toBe('year_disjoint');
  });
});

describe('birthDateFeature', () => {
  it('is null when either side has no date', () => {
    expect(birthDateFeature([], [d('1948')], true)).toBeNull();
    expect(birthDateFeature([d('1948')], [], true)).toBeNull();
  });

  it('takes the most favourable pair over ranges and alternatives', () => {
    const listed = [d('1967'), d('1968'), d('1969')];
    expect(birthDateFeature([d('1968-05-01')], listed, false)?.relation).toBe('match');
    expect(birthDateFeature([d('1970')], listed, false)?.relation).toBe('year_near');
  });

  it('lowers mildly for one year, strongly for more, and says so', () => {
    const near = birthDateFeature([d('1949')], [d('1948')], true);
    expect(near?.weight).toBe(BIRTH_DATE_WEIGHTS.year_near);
    expect(near?.detail).toMatch(/one year from the listed 1948/);
    const far = birthDateFeature([d('1990')], [d('1948')], true);
    expect(far?.weight).toBe(BIRTH_DATE_WEIGHTS.year_disjoint);
    expect(far?.weight).toBeLessThan(near?.weight ?? 0);
    expect(far?.detail).toMatch(/42 years/);
  });
});
