import { describe, expect, it } from 'vitest';
import { hanjaNameToHangul, hanjaReading } from './hanja.js';

describe('hanjaNameToHangul', () => {
  it.each([
    ['金铁三', '김철삼'], // simplified: UN KPi.035 KIM CHOL SAM a.k.a. Jin Tiesan (金铁三)
    ['金鐵三', '김철삼'], // traditional
    ['金正恩', '김정은'],
    ['金正日', '김정일'],
    ['李炳哲', '리병철'], // Northern reading keeps the initial ㄹ
    ['崔龍海', '최룡해'],
    ['朴奉珠', '박봉주'],
    ['金與正', '김여정'],
    ['南宮民秀', '남궁민수'],
  ])('%s → %s', (han, hangul) => {
    expect(hanjaNameToHangul(han)).toBe(hangul);
  });

  it('reads 金 as 김 only in the family-name position', () => {
    expect(hanjaNameToHangul('李金')).toBe('리금');
  });

  it('gives no reading when a character is unknown', () => {
    expect(hanjaNameToHangul('金𠀋')).toBeNull();
    expect(hanjaNameToHangul('Kim')).toBeNull();
  });

  it('reads single characters', () => {
    expect(hanjaReading('鐵')).toBe('철');
    expect(hanjaReading('x')).toBeUndefined();
  });
});
