import { describe, expect, it } from 'vitest';
import { describeNameMatch, formatWeight } from './explain.js';
import { alignReadings } from './name-alignment.js';
import { nameReadings } from './name-readings.js';
import { TokenComparer } from './token-similarity.js';
import { TokenTable } from './token-table.js';

const table = new TokenTable();
const comparer = new TokenComparer(table);
function sentence(q: string, c: string): string {
  const [qr] = nameReadings(q, 'person', table);
  const [cr] = nameReadings(c, 'person', table);
  if (!qr || !cr) throw new Error('no reading');
  return describeNameMatch(alignReadings(qr, cr, comparer, true), qr, cr, table, () => 'listed name');
}

describe('explanations a reviewer can read', () => {
  it('names the variant rule that made two parts equal', () => {
    const s = sentence('Lee Byeongcheol', 'RI PYONG CHUL');
    expect(s).toBe(
      "query name 'Lee Byeongcheol' met listed name 'RI PYONG CHUL': LEE ~ RI (one Korean family name 리; family name); " +
        'BYEONG ~ PYONG (the same Korean syllable in another romanisation); CHEOL ~ CHUL (the same Korean syllable in another romanisation)',
    );
  });

  it('says which parts are left over and why they did not pair', () => {
    const s = sentence('Kim Jong Il', 'KIM, Jong Un');
    expect(s).toMatch(/query part IL has no counterpart \(IL and UN are different Korean syllables\)/);
    expect(s).toMatch(/listed part UN is missing from the query/);
  });

  it('describes typos', () => {
    expect(sentence('CHOOE SONG IL', 'CHOE SONG IL')).toMatch(/CHOOE ~ CHOE \(a doubled letter; family name\)/);
    expect(sentence('KIM SKO CHOL', 'KIM SOK CHOL')).toMatch(/SKO ~ SOK \(two letters swapped\)/);
  });

  it('says how a non-Latin query was read', () => {
    expect(sentence('김정은', 'KIM, Jong Un')).toMatch(/\(query Hangul 김정은 romanised \(DPRK scheme\) as Kim Jong Un\)/);
  });

  it('formats signed weights', () => {
    expect(formatWeight(-0.2)).toBe('−0.20');
    expect(formatWeight(0.85)).toBe('+0.85');
  });
});
