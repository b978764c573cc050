import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareTokens, editBudget, packedRule, packedScore, TokenComparer } from './token-similarity.js';
import { TokenTable } from './token-table.js';

const table = new TokenTable();
const cmp = (a: string, b: string) => compareTokens(table.info(table.intern(a)), table.info(table.intern(b)));

describe('compareTokens', () => {
  it('equal tokens are exact', () => {
    expect(cmp('kim', 'kim')).toEqual({ score: 1, rule: 'exact' });
  });

  it('short Korean tokens align by syllable and family, not by letters: Ri/Li, Jong/Jung', () => {
    expect(cmp('ri', 'li').score).toBeGreaterThanOrEqual(0.95);
    expect(cmp('jong', 'jung').score).toBeGreaterThanOrEqual(0.95); // also a family name: 정
    expect(cmp('chol', 'chul').rule).toBe('korean-syllable');
    expect(cmp('chol', 'cheol').rule).toBe('korean-syllable');
    expect(cmp('lee', 'ri').rule).toBe('korean-surname');
    expect(cmp('pak', 'park').score).toBeGreaterThanOrEqual(0.95);
    expect(cmp('choe', 'choi').score).toBeGreaterThanOrEqual(0.95);
  });

  it('different Korean syllables never pair, even one letter apart: Un/Il, Sik/Suk', () => {
    expect(cmp('un', 'il')).toEqual({ score: 0, rule: 'korean-different' });
    expect(cmp('sik', 'suk').score).toBe(0);
    expect(cmp('chol', 'chil').score).toBe(0);
  });

  it('typos: doubled letters, transpositions, one edit in a longer token', () => {
    expect(cmp('yyu', 'yu').rule).toBe('doubled-letter');
    expect(cmp('sko', 'sok').rule).toBe('transposition');
    expect(cmp('ibrahim', 'ibrahin')).toMatchObject({ rule: 'spelling', edits: 1 });
    expect(cmp('yevgenievich', 'evgenevich')).toMatchObject({ rule: 'spelling', edits: 2 });
    expect(cmp('abdulrahman', 'abdelrahmen').rule).toBe('phonetic'); // two edits, but they sound alike: 0.85 > 0.82
    expect(cmp('mohammed', 'muhammad').score).toBeGreaterThan(0.8);
  });

  it('keeps short non-Korean tokens and distant spellings apart', () => {
    expect(cmp('maria', 'martin').score).toBe(0);
    expect(cmp('ab', 'ac').score).toBe(0);
  });

  it('phonetic only with the same first letter: Smith/Smyth, not Ocean/Asian', () => {
    expect(cmp('smith', 'smyth').score).toBeGreaterThan(0.8);
    expect(cmp('ocean', 'asian').score).toBe(0);
  });

  it('numbers match only exactly; particles only their own class', () => {
    expect(cmp('110', '111')).toEqual({ score: 0, rule: 'number' });
    expect(cmp('bin', 'ibn').rule).toBe('particle');
    expect(cmp('al', 'bin').score).toBe(0);
  });

  it('compares words spelled like Object members as words: Constructor/Konstructor is a typo', () => {
    expect(cmp('constructor', 'konstructor')).toMatchObject({ rule: 'spelling', edits: 1 });
    expect(cmp('constructor', 'al').score).toBe(0);
  });

  it('is symmetric and bounded', () => {
    const word = fc.oneof(
      fc.string({ minLength: 1, maxLength: 9, unit: fc.constantFrom(...'aeioucghjklmnprsty') }),
      fc.constantFrom('__proto__', 'tostring', 'constructor', 'hasownproperty', 'valueof'),
    );
    fc.assert(
      fc.property(word, word, (a, b) => {
        const ab = cmp(a, b);
        const ba = cmp(b, a);
        expect(ab.score).toBe(ba.score);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('editBudget', () => {
  it('grows with length and allows nothing for three letters or fewer', () => {
    expect([1, 3, 4, 7, 8, 11, 12].map(editBudget)).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });
});

describe('TokenComparer', () => {
  it('memoises the same answer as compareTokens', () => {
    const comparer = new TokenComparer(table);
    const a = table.intern('byong');
    const b = table.intern('pyo');
    for (let i = 0; i < 3; i++) {
      const packed = comparer.packed(a, b);
      expect(packedScore(packed)).toBeCloseTo(compareTokens(table.info(a), table.info(b)).score, 3);
      expect(packedRule(packed)).toBe(compareTokens(table.info(a), table.info(b)).rule);
    }
    expect(comparer.score(table.intern('ri'), table.intern('lee'))).toBeCloseTo(0.95, 3);
    expect(comparer.match(a, a)).toEqual({ score: 1, rule: 'exact' });
  });

  it('survives a table trim (ids reused for new tokens)', () => {
    const t = new TokenTable();
    const comparer = new TokenComparer(t);
    t.freeze();
    const q1 = t.intern('zzz');
    const kim = t.intern('kimm');
    expect(comparer.score(q1, kim)).toBe(0);
    for (let i = 0; i < 100_001; i++) t.intern(`x${i}`);
    t.trim();
    const again = t.intern('kim');
    const other = t.intern('kimm');
    expect(comparer.score(again, other)).toBeGreaterThan(0.9);
  });
});
