import { describe, expect, it } from 'vitest';
import { subjectFromQuery } from './query.js';
import { scoreLogic } from './score.js';
import { TokenComparer } from './token-similarity.js';
import { TokenTable } from './token-table.js';
import type { MatchQuery } from './types.js';

const table = new TokenTable();
const ctx = { comparer: new TokenComparer(table) };
const person = (name: string, extra: Record<string, string[]> = {}): MatchQuery => ({ schema: 'Person', properties: { name: [name], ...extra } });
const score = (q: MatchQuery, l: MatchQuery, explain = true) => scoreLogic(subjectFromQuery(q), subjectFromQuery(l), ctx, explain);

describe('scoreLogic', () => {
  const kim = person('KIM, Jong Un', { birthDate: ['1984-01-08'], nationality: ['kp'], gender: ['male'] });

  it('a name match with agreeing facts scores the name score, agreements reported at weight 0', () => {
    const r = score(person('Kim Jong-un', { birthDate: ['1984'], nationality: ['kp'] }), kim);
    expect(r.score).toBe(1);
    expect(r.explanations['name_match']?.weight).toBe(1);
    expect(r.explanations['dob_match']?.weight).toBe(0);
    expect(r.explanations['country_match']?.weight).toBe(0);
  });

  it('qualifiers lower a name match: year far off, other country, other gender', () => {
    const r = score(person('Kim Jong Un', { birthDate: ['1990'], nationality: ['kr'], gender: ['female'] }), kim);
    expect(r.score).toBeCloseTo(1 - 0.2 - 0.2 - 0.2, 4);
    expect(Object.keys(r.explanations).sort()).toEqual(['country_mismatch', 'dob_year_disjoint', 'gender_mismatch', 'name_match']);
  });

  it('qualifiers alone never make a score', () => {
    const r = score(person('John Smith', { birthDate: ['1984-01-08'], nationality: ['kp'] }), kim);
    expect(r.score).toBe(0);
  });

  it('a person never matches an organisation', () => {
    const r = score(person('Korea Mining'), { schema: 'Organization', properties: { name: ['Korea Mining'] } });
    expect(r.score).toBe(0);
    expect(r.explanations['schema_mismatch']).toBeDefined();
  });

  it('an identifier match carries the score without the name', () => {
    const r = score(person('Someone Else', { passportNumber: ['645120378'] }), person('KIM CHOL SAM', { passportNumber: ['645120378'] }));
    expect(r.score).toBeCloseTo(0.85, 4);
    expect(r.explanations['identifier_match']?.detail).toMatch(/passport number 645120378/);
  });

  it('a wallet hit decides alone', () => {
    const w = (k: string): MatchQuery => ({ schema: 'CryptoWallet', properties: { publicKey: [k] } });
    const r = score(w('0xB6F5EC1A0A9CD1526536D3F0426C429529471F40'), w('0xb6f5ec1a0a9cd1526536d3f0426c429529471f40'));
    expect(r.score).toBe(1);
    expect(Object.keys(r.explanations)).toEqual(['crypto_wallet_match']);
  });

  it('without explain, gives the same score and no explanations', () => {
    const q = person('Lee Byeongcheol', { birthDate: ['1949'] });
    const l = person('RI PYONG CHUL', { birthDate: ['1948'] });
    const a = score(q, l, true);
    const b = score(q, l, false);
    expect(b.score).toBe(a.score);
    expect(b.explanations).toEqual({});
  });

  it('is clamped to [0, 1]', () => {
    const r = score(person('Kim Jong Ul', { birthDate: ['1950'], nationality: ['us'], gender: ['female'] }), kim);
    expect(r.score).toBeGreaterThanOrEqual(0);
  });
});
