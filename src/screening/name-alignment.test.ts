import { describe, expect, it } from 'vitest';
import { alignReadings, ALIGNMENT_WEIGHTS } from './name-alignment.js';
import { nameReadings, type NameKind } from './name-readings.js';
import { TokenComparer } from './token-similarity.js';
import { TokenTable } from './token-table.js';

const table = new TokenTable();
const comparer = new TokenComparer(table);
function best(a: string, b: string, kind: NameKind = 'person') {
  let top = { score: -1 } as ReturnType<typeof alignReadings>;
  for (const q of nameReadings(a, kind, table)) for (const c of nameReadings(b, kind, table)) {
    const al = alignReadings(q, c, comparer, true);
    if (al.score > top.score) top = al;
  }
  return top;
}

describe('alignReadings', () => {
  it('identical names score 1, in any order of family and given name', () => {
    expect(best('KIM Jong Un', 'KIM, Jong Un').score).toBe(1);
    expect(best('Jong Un KIM', 'KIM, Jong Un').score).toBe(1);
    expect(best('YONG CHOL, JO', 'JO YONG CHOL').score).toBe(1);
  });

  it('romanisation variants stay high: Lee Byeongcheol = RI PYONG CHUL', () => {
    expect(best('Lee Byeongcheol', 'RI PYONG CHUL').score).toBeGreaterThanOrEqual(0.9);
    expect(best('Choi Ryong Hae', 'CHOE, Ryong Hae').score).toBeGreaterThanOrEqual(0.9);
  });

  it('Kim Jong Il and Kim Jong Un stay apart, as do different given names under one surname', () => {
    const al = best('Kim Jong Il', 'KIM, Jong Un');
    expect(al.score).toBeLessThan(0.6);
    expect(al.extraQuery).toHaveLength(1);
    expect(al.extraCandidate).toHaveLength(1);
    expect(best('Kim Jong Sik', 'KIM, Jong Un').score).toBeLessThan(0.6);
  });

  it('a Korean given name is one unit: a missing syllable costs fully', () => {
    expect(best('Kim Jong', 'KIM, Jong Un').score).toBeLessThan(0.75);
  });

  it('Korean given-name syllables in another order make another name', () => {
    const al = best('KIM CHOL SONG', 'KIM SONG CHOL');
    expect(al.syllableOrder).toBe(true);
    expect(al.score).toBeCloseTo(ALIGNMENT_WEIGHTS.syllableOrder, 5);
    expect(best('KIM NAM Chol', 'KIM CHOL NAM').syllableOrder).toBe(true);
  });

  it('a family name moved to the end is not a change of given-name order', () => {
    expect(best('O, Yong Ho', 'Yong Ho O').score).toBeGreaterThan(0.9);
    expect(best('yong ho O', 'O, Yong Ho').score).toBeGreaterThan(0.9);
  });

  it('joins a token spelled as two: Jiadong = Jia Dong', () => {
    const al = best('Li Jiadong', 'LI, Jia Dong');
    expect(al.parts.some((p) => p.rule === 'joined')).toBe(true);
    expect(al.score).toBeGreaterThan(0.9);
  });

  it('same letters spaced differently score at least 0.97', () => {
    const al = best('CHANG MYONGC-HIN', 'CHANG MYONG-CHIN');
    expect(al.score).toBeGreaterThanOrEqual(0.97);
  });

  it('organisations sharing only generic words and legal forms are capped', () => {
    const al = best('Trading Co., Ltd.', 'ALPHA TRADING COMPANY LIMITED', 'org');
    expect(al.capped).toBe('generic-only');
    expect(al.score).toBe(ALIGNMENT_WEIGHTS.genericOnlyCap);
    expect(best('ALPHA Trading Co., Ltd.', 'OMEGA TRADING COMPANY LIMITED', 'org').score).toBeLessThan(0.5);
    expect(best('BELLETECH CORP', '11420 CORP.', 'org').score).toBeLessThan(0.5);
  });

  it('an organisation name equal but for its legal form matches', () => {
    expect(best('Korea Mining Development Trading Corp', 'KOREA MINING DEVELOPMENT TRADING CORPORATION', 'org').score).toBe(1);
  });

  it('extra listed middle names cost less than extra query names', () => {
    const listedExtra = best('Sergei Ivanov', 'IVANOV, Sergei Borisovich').score;
    const queryExtra = best('IVANOV, Sergei Borisovich', 'Sergei Ivanov').score;
    expect(listedExtra).toBeGreaterThan(queryExtra);
    expect(listedExtra).toBeGreaterThan(0.8);
  });
});
