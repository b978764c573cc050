import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hangulRomanisations, looksLikeHangulPersonName, toLatin } from './transliterate.js';

describe('toLatin', () => {
  it.each([
    ['김정은', 'Kim Jong Un'],
    ['리병철', 'Ri Pyong Chol'],
    ['박봉주', 'Pak Pong Ju'],
    ['최룡해', 'Choe Ryong Hae'],
    ['金铁三', 'Jin Tiesan'],
    ['КУЗЬМЕНКО', "KUZ'MENKO"],
    ['Ζαχαρίας', 'Zacharias'],
    ['Kim Chŏng-ŭn', 'Kim Chŏng-ŭn'],
  ])('%s → %s', (input, expected) => {
    expect(toLatin(input)).toBe(expected);
  });

  it('romanises Hangul text that is not a name word by word', () => {
    expect(toLatin('조선광선은행', { personName: false })).toBe('Josongwangsonunhaeng');
    expect(toLatin('조선 광선 은행')).toBe('Joson Kwangson Unhaeng');
  });

  it('offers the other Hangul schemes', () => {
    expect(toLatin('김정은', { hangulScheme: 'rr' })).toBe('Gim Jeong-eun');
    expect(hangulRomanisations('리병철')).toEqual({
      rr: 'Ri Byeongcheol',
      mr: "Ri Pyŏng-ch'ŏl",
      mrAscii: "Ri Pyo'ng-ch'o'l",
      dprk: 'Ri Pyong Chol',
    });
  });

  it('reads each parenthesised writing of a name on its own', () => {
    expect(toLatin('Jin Tiesan (金铁三)')).toBe('Jin Tiesan (Jin Tiesan)');
    expect(toLatin('김정은 (金正恩)')).toBe('Kim Jong Un (Jin Zhengen)');
  });

  it('handles mixed scripts run by run', () => {
    expect(toLatin('KOMID 조선광업개발무역회사')).toBe('KOMID Josongwangopkaebalmuyokhoesa');
    expect(toLatin('Sergei Кузьменко')).toBe("Sergei Kuz'menko");
  });

  it('never throws and leaves no Hangul or Han behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        expect(toLatin(s)).not.toMatch(/[\uac00-\ud7a3\u4e00-\u9fff]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('looksLikeHangulPersonName', () => {
  it.each([
    ['김정은', true],
    ['남궁민수', true],
    ['조선광선은행', false],
    ['가나', false], // 가 is not a family name
    ['Kim', false],
  ])('%s → %s', (s, expected) => {
    expect(looksLikeHangulPersonName(s)).toBe(expected);
  });
});
