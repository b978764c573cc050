import { describe, expect, it } from 'vitest';
import type { XmlNode } from '../xml/xml-node.js';
import { birthDatesOf, isoDate } from './un-dates.js';

function dob(fields: Record<string, string>): XmlNode {
  const children = Object.entries(fields).map(([name, text]) => ({ name, text, attributes: {}, children: [], line: 1 }));
  return { name: 'INDIVIDUAL_DATE_OF_BIRTH', text: '', attributes: {}, children, line: 1 };
}

describe('isoDate', () => {
  it.each([
    ['2016-03-02', '2016-03-02'],
    ['1968', '1968'],
    ['1968-07', '1968-07'],
    ['2015-04-07-04:00', '2015-04-07'],
    ['2026-02-27T00:00:09.554Z', '2026-02-27'],
    [' 2011-12-07 ', '2011-12-07'],
  ])('reads %s as %s', (raw, iso) => {
    expect(isoDate(raw)).toBe(iso);
  });

  it.each(['Nov. 1973', '24/06/1402', '1968-13-01', '1968-02-32', '68', '', undefined])('refuses %s', (raw) => {
    expect(isoDate(raw)).toBeUndefined();
  });
});

describe('birthDatesOf', () => {
  it('keeps only the ends of a range longer than 20 years', () => {
    const result = birthDatesOf(dob({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1940', TO_YEAR: '1980' }));
    expect(result.dates).toEqual(['1940', '1980']);
    expect(result.notes).toEqual(['born between 1940 and 1980']);
    expect(result.problems).toHaveLength(1);
  });

  it('reports a range missing one end, keeping the other', () => {
    const result = birthDatesOf(dob({ TYPE_OF_DATE: 'BETWEEN', FROM_YEAR: '1970' }));
    expect(result).toEqual({
      dates: ['1970'],
      notes: ['born between 1970 and ?'],
      problems: ['incomplete or unreadable BETWEEN range "1970"..""'],
    });
  });

  it('reports an unknown TYPE_OF_DATE and keeps the date with the type in the notes', () => {
    const result = birthDatesOf(dob({ TYPE_OF_DATE: 'BEFORE', YEAR: '1960' }));
    expect(result).toEqual({ dates: ['1960'], notes: ['born 1960 (TYPE_OF_DATE BEFORE)'], problems: ['unknown TYPE_OF_DATE "BEFORE"'] });
  });

  it('attaches the source note to an exact date', () => {
    expect(birthDatesOf(dob({ TYPE_OF_DATE: 'EXACT', DATE: '1979-03-03', NOTE: 'from false passport' })).notes).toEqual([
      'born 1979-03-03 (from false passport)',
    ]);
  });

  it('reports a YEAR that is not four digits', () => {
    const result = birthDatesOf(dob({ TYPE_OF_DATE: 'EXACT', YEAR: 'c. 1960' }));
    expect(result.dates).toEqual([]);
    expect(result.notes).toEqual(['born c. 1960']);
    expect(result.problems).toEqual(['YEAR "c. 1960" is not a date; kept in notes']);
  });
});
