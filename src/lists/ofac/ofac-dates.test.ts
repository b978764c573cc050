import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandRange, isoDate, MAX_YEAR_RANGE, parseOfacDate, parseSingleDate } from './ofac-dates.js';

describe('parseSingleDate', () => {
  it.each([
    ['07 Jan 1930', '1930-01-07'],
    ['7 Sept 1965', '1965-09-07'],
    ['30 July 1966', '1966-07-30'],
    ['Jun 1968', '1968-06'],
    ['1968', '1968'],
    ['1968-06-15', '1968-06-15'],
    ['12/19/2018', '2018-12-19'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseSingleDate(text)).toBe(iso);
  });

  it.each(['31 Feb 1968', '1968-13', 'Ju 1968', 'Junk 1968', '13/01/2018', 'soon', '968'])('refuses %s', (text) => {
    expect(parseSingleDate(text)).toBeNull();
  });
});

describe('parseOfacDate', () => {
  it('marks approximate dates', () => {
    expect(parseOfacDate('circa 1947')).toEqual({ values: ['1947'], approximate: true, range: false });
    expect(parseOfacDate('approximately Mar 1960')).toEqual({ values: ['1960-03'], approximate: true, range: false });
  });

  it('keeps every year of a year range', () => {
    expect(parseOfacDate('1962 to 1964')).toEqual({ values: ['1962', '1963', '1964'], approximate: false, range: true });
    expect(parseOfacDate('circa 1979 - 1982')?.values).toEqual(['1979', '1980', '1981', '1982']);
  });

  it('keeps both ends of a range between days', () => {
    expect(parseOfacDate('05 Mar 1962 to 01 Apr 1962')?.values).toEqual(['1962-03-05', '1962-04-01']);
  });

  it('returns null for text that is not a date', () => {
    expect(parseOfacDate('unknown')).toBeNull();
    expect(parseOfacDate('1962 to soon')).toBeNull();
  });
});

describe('expandRange', () => {
  it('reads a whole-year window as the year and a whole-month window as the month', () => {
    expect(expandRange('1947-01-01', '1947-12-31')).toEqual(['1947']);
    expect(expandRange('1968-06-01', '1968-06-30')).toEqual(['1968-06']);
    expect(expandRange('1960-01-01', '1961-12-31')).toEqual(['1960', '1961']);
  });

  it('keeps the ends of ranges longer than the expansion limit', () => {
    expect(expandRange('1900', String(1900 + MAX_YEAR_RANGE))).toEqual(['1900', String(1900 + MAX_YEAR_RANGE)]);
  });

  it('lists each year of any short year range exactly once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2900 }), fc.integer({ min: 0, max: MAX_YEAR_RANGE - 1 }), (from, span) => {
        const years = expandRange(String(from), String(from + span));
        expect(years).toHaveLength(span + 1);
        expect(years[0]).toBe(String(from));
        expect(years[years.length - 1]).toBe(String(from + span));
      }),
    );
  });
});

describe('isoDate', () => {
  it('agrees with the calendar on every day it accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = isoDate(y, m, d);
        const real = new Date(Date.UTC(y, m - 1, d));
        const exists = real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
        expect(iso !== null).toBe(exists);
        if (iso) expect(iso).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }),
    );
  });
});
