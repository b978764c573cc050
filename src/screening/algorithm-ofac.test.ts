import { describe, expect, it } from 'vitest';
import { OFAC_WEIGHTS, ofacPairScore, scoreOfac } from './algorithm-ofac.js';
import { subjectFromQuery } from './query.js';
import type { MatchQuery } from './types.js';

const person = (name: string, extra: Record<string, string[]> = {}): MatchQuery => ({ schema: 'Person', properties: { name: [name], ...extra } });

describe('OFAC Sanctions List Search emulation', () => {
  it('drops query words of two letters or fewer, as OFAC does: KIM JONG UN = KIM JONG SIK', () => {
    expect(ofacPairScore('kim jong un', 'kim jong sik')).toEqual({ score: 1, method: 'tokens' });
  });

  it('gates the whole-name comparison on the first letter', () => {
    expect(ofacPairScore('ab', 'ba').score).toBe(0);
    expect(ofacPairScore('martha', 'marhta').method).toBe('whole');
  });

  it('counts a best token pair under 0.5 as nothing', () => {
    const s = ofacPairScore('zzzz kim', 'kim abcd');
    expect(s.score).toBeCloseTo(0.5, 5);
  });

  it('applies its qualifiers and rounds to whole percent', () => {
    const q = subjectFromQuery(person('Kim Jong Un', { birthDate: ['1990-01-01'], nationality: ['kr'], gender: ['female'] }));
    const l = subjectFromQuery(person('KIM, Jong Un', { birthDate: ['1984-01-08'], nationality: ['kp'], gender: ['male'] }));
    const r = scoreOfac(q, l, true);
    const expected = 1 + OFAC_WEIGHTS.countryMismatch + OFAC_WEIGHTS.dobDayDisjoint + OFAC_WEIGHTS.dobYearDisjoint + OFAC_WEIGHTS.genderMismatch;
    expect(r.score).toBeCloseTo(expected, 2);
    expect(Object.keys(r.explanations).sort()).toEqual(['country_mismatch', 'dob_day_disjoint', 'dob_year_disjoint', 'gender_mismatch', 'ofac_name_score']);
    expect(Math.round(r.score * 100) / 100).toBe(r.score);
  });

  it('transliterates non-Latin input first and keeps schema and wallet rules', () => {
    expect(scoreOfac(subjectFromQuery(person('김정은')), subjectFromQuery(person('KIM, Jong Un')), false).score).toBe(1);
    expect(scoreOfac(subjectFromQuery(person('Korea')), subjectFromQuery({ schema: 'Company', properties: { name: ['Korea'] } }), false).score).toBe(0);
  });
});
