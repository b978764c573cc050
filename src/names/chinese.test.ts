import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chineseNameForms, chineseNameParts, hanToPinyin, isHanChar, pinyinToWadeGiles } from './chinese.js';

describe('hanToPinyin', () => {
  it.each([
    ['金铁三', ['jin', 'tie', 'san']], // UN KPi.035: KIM CHOL SAM a.k.a. Jin Tiesan (金铁三)
    ['曾荫权', ['zeng', 'yin', 'quan']], // 曾 read as the family name Zeng, not ceng
    ['单雄信', ['shan', 'xiong', 'xin']],
    ['习近平', ['xi', 'jin', 'ping']],
    ['A金B', ['jin']],
    ['', []],
  ])('%s → %j', (han, expected) => {
    expect(hanToPinyin(han)).toEqual(expected);
  });
});

describe('chineseNameParts', () => {
  it('puts the family name first and splits compound family names', () => {
    expect(chineseNameParts('金铁三')).toEqual({ familyHan: '金', givenHan: '铁三', family: ['jin'], given: ['tie', 'san'] });
    expect(chineseNameParts('欧阳修')).toMatchObject({ familyHan: '欧阳', family: ['ou', 'yang'], given: ['xiu'] });
    expect(chineseNameParts('Kim')).toBeNull();
  });
});

describe('chineseNameForms', () => {
  it('gives joined, separate, reversed and Wade–Giles forms', () => {
    const forms = chineseNameForms('金铁三');
    for (const f of ['jin tiesan', 'jin tie san', 'tiesan jin', 'chin tieh san', 'chin tiehsan']) expect(forms).toContain(f);
  });

  it('writes ü as u and yu', () => {
    expect(chineseNameForms('吕布')).toEqual(expect.arrayContaining(['lu bu', 'lyu bu']));
  });

  it('links the OFAC pinyin/Wade–Giles alias pair HUANG Wang-gen / Wang-Ken', () => {
    expect(pinyinToWadeGiles('gen')).toBe('ken');
  });
});

describe('pinyinToWadeGiles', () => {
  it.each([
    ['mao', 'mao'], ['ze', 'tse'], ['dong', 'tung'], ['jiang', 'chiang'], ['jie', 'chieh'], ['shi', 'shih'],
    ['xi', 'hsi'], ['jin', 'chin'], ['ping', "p'ing"], ['xiang', 'hsiang'], ['zhi', 'chih'], ['chi', "ch'ih"],
    ['ri', 'jih'], ['zi', 'tzu'], ['ci', "tz'u"], ['si', 'ssu'], ['guo', 'kuo'], ['zhuo', 'cho'], ['gui', 'kuei'],
    ['yan', 'yen'], ['yong', 'yung'], ['ye', 'yeh'], ['you', 'yu'], ['yu', 'yü'], ['yue', 'yüeh'], ['yi', 'i'],
    ['ju', 'chü'], ['qiong', "ch'iung"], ['ge', 'ko'], ['he', 'ho'], ['er', 'erh'], ['tie', "t'ieh"],
  ])('%s → %s', (py, wg) => {
    expect(pinyinToWadeGiles(py)).toBe(wg);
  });

  it('never throws and always returns text, even for names of Object.prototype members', () => {
    for (const s of ['__proto__', 'constructor', 'toString']) expect(typeof pinyinToWadeGiles(s)).toBe('string');
    fc.assert(fc.property(fc.string({ maxLength: 10 }), (s) => typeof pinyinToWadeGiles(s) === 'string'));
  });
});

describe('isHanChar', () => {
  it('recognises ideographs only', () => {
    expect(isHanChar('金')).toBe(true);
    expect(isHanChar('김')).toBe(false);
    expect(isHanChar('a')).toBe(false);
  });
});
