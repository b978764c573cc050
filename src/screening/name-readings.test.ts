import { describe, expect, it } from 'vitest';
import { nameReadings, TOKEN_WEIGHTS } from './name-readings.js';
import { TokenTable } from './token-table.js';

const table = new TokenTable();
const forms = (name: string, kind: 'person' | 'org' | 'object' = 'person') => nameReadings(name, kind, table).map((r) => r.form);

describe('nameReadings: persons', () => {
  it('tags the family name of "FAMILY, Given" and of Korean names, and weighs it', () => {
    const [r] = nameReadings('KIM, Jong-un', 'person', table);
    expect(r?.form).toBe('kim jong un');
    expect(r?.family).toEqual([1, 0, 0]);
    expect(r?.weights[0]).toBe(TOKEN_WEIGHTS.family);
    expect(r?.korean).toBe(true);
  });

  it('splits joined Korean given names into syllables', () => {
    expect(forms('Cho Yongwon')).toEqual(['cho yong won']);
    expect(forms('Kim Jongun')).toEqual(['kim jong un']);
  });

  it('reads Hangul in the DPRK, McCune–Reischauer and Revised schemes, North and South spellings', () => {
    const all = forms('리병철');
    expect(all).toContain('ri pyong chol');
    expect(all).toContain('i byeong cheol');
    const [first] = nameReadings('김정은', 'person', table);
    expect(first?.via).toMatch(/Hangul 김정은 romanised \(DPRK scheme\) as Kim Jong Un/);
  });

  it('reads Han in pinyin, Wade–Giles and as Korean hanja; parenthesised parts on their own', () => {
    const all = forms('Jin Tiesan (金铁三)');
    expect(all).toEqual(expect.arrayContaining(['jin tiesan', 'chin tieh san', 'kim chol sam']));
  });

  it('transliterates other scripts', () => {
    expect(forms('КУЗЬМЕНКО Сергей')).toEqual(['kuzmenko sergey']);
  });

  it('weighs name particles low', () => {
    const [r] = nameReadings('ABU MOHAMMED AL-JAWLANI', 'person', table);
    expect(r?.weights).toEqual([1, 1, TOKEN_WEIGHTS.particle, 1]);
  });
});

describe('nameReadings: organisations and objects', () => {
  it('drops legal forms and marks generic words', () => {
    const [r] = nameReadings('Korea Mining Development Trading Corporation', 'org', table);
    expect(r?.form).toBe('korea mining development trading');
    expect(r?.core).toEqual([0, 1, 0, 0]);
    expect(r?.genericOnly).toBe(false);
  });

  it('flags a name made of generic words only', () => {
    const [r] = nameReadings('Trading Co., Ltd.', 'org', table);
    expect(r?.genericOnly).toBe(true);
  });

  it('romanises Hangul organisation names after stripping 조선 … 은행', () => {
    expect(forms('조선광선은행', 'org')).toEqual(['kwangson']);
  });

  it('keeps vessel names as plain tokens', () => {
    expect(forms('CHON MA SAN', 'object')).toEqual(['chon ma san']);
  });

  it('gives nothing for an empty name', () => {
    expect(nameReadings('  ', 'person', table)).toEqual([]);
  });
});
