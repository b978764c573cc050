import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyInitialSoundRule,
  composeSyllable,
  decomposeSyllable,
  isHangulSyllable,
  jamoOf,
  romaniseName,
  romaniseSyllables,
  romaniseWord,
  splitHangulName,
  type RomanisationScheme,
} from './hangul.js';

const FIRST = 0xac00;
const LAST = 0xd7a3;

describe('decomposeSyllable / composeSyllable', () => {
  it('splits syllables into their jamo', () => {
    expect(jamoOf('김')).toEqual(['ㄱ', 'ㅣ', 'ㅁ']);
    expect(jamoOf('정')).toEqual(['ㅈ', 'ㅓ', 'ㅇ']);
    expect(jamoOf('은')).toEqual(['ㅇ', 'ㅡ', 'ㄴ']);
    expect(jamoOf('최')).toEqual(['ㅊ', 'ㅚ', '']);
    expect(jamoOf('닭')).toEqual(['ㄷ', 'ㅏ', 'ㄺ']);
  });

  it('round-trips every precomposed syllable', () => {
    for (let c = FIRST; c <= LAST; c++) {
      const ch = String.fromCharCode(c);
      const j = decomposeSyllable(ch);
      expect(j).not.toBeNull();
      if (j) expect(composeSyllable(j)).toBe(ch);
    }
  });

  it('rejects anything that is not a precomposed syllable', () => {
    for (const ch of ['a', 'ㄱ', '金', '', '김정']) {
      expect(isHangulSyllable(ch)).toBe(false);
      expect(decomposeSyllable(ch)).toBeNull();
    }
  });
});

describe('romaniseName', () => {
  // DPRK = as on UN/OFAC listings and KCNA; MR after ALA-LC; RR after the 2000 rules.
  const cases: [string, Record<RomanisationScheme, string>][] = [
    ['김정은', { dprk: 'Kim Jong Un', mr: 'Kim Chŏng-ŭn', 'mr-ascii': "Kim Cho'ng-u'n", rr: 'Gim Jeong-eun' }],
    ['김정일', { dprk: 'Kim Jong Il', mr: 'Kim Chŏng-il', 'mr-ascii': "Kim Cho'ng-il", rr: 'Gim Jeong-il' }],
    ['리병철', { dprk: 'Ri Pyong Chol', mr: "Ri Pyŏng-ch'ŏl", 'mr-ascii': "Ri Pyo'ng-ch'o'l", rr: 'Ri Byeongcheol' }],
    ['최선희', { dprk: 'Choe Son Hui', mr: "Ch'oe Sŏn-hŭi", 'mr-ascii': "Ch'oe So'n-hu'i", rr: 'Choe Seonhui' }],
    ['박봉주', { dprk: 'Pak Pong Ju', mr: 'Pak Pong-ju', 'mr-ascii': 'Pak Pong-ju', rr: 'Bak Bongju' }],
    ['김여정', { dprk: 'Kim Yo Jong', mr: 'Kim Yŏ-jŏng', 'mr-ascii': "Kim Yo'-jo'ng", rr: 'Gim Yeojeong' }],
    ['최룡해', { dprk: 'Choe Ryong Hae', mr: "Ch'oe Ryong-hae", 'mr-ascii': "Ch'oe Ryong-hae", rr: 'Choe Ryonghae' }],
    ['장성택', { dprk: 'Jang Song Thaek', mr: "Chang Sŏng-t'aek", 'mr-ascii': "Chang So'ng-t'aek", rr: 'Jang Seongtaek' }],
    ['이승만', { dprk: 'I Sung Man', mr: 'Yi Sŭng-man', 'mr-ascii': "Yi Su'ng-man", rr: 'I Seungman' }],
    ['김대중', { dprk: 'Kim Tae Jung', mr: 'Kim Tae-jung', 'mr-ascii': 'Kim Tae-jung', rr: 'Gim Daejung' }],
    ['남궁민수', { dprk: 'Namgung Min Su', mr: 'Namgung Min-su', 'mr-ascii': 'Namgung Min-su', rr: 'Namgung Minsu' }],
  ];
  for (const [hangul, expected] of cases) {
    for (const [scheme, text] of Object.entries(expected) as [RomanisationScheme, string][]) {
      it(`${hangul} in ${scheme} → ${text}`, () => {
        expect(romaniseName(hangul, scheme)?.text).toBe(text);
      });
    }
  }

  it('returns the given-name syllables as the scheme writes them', () => {
    expect(romaniseName('김정은', 'dprk')).toEqual({ family: 'Kim', given: ['Jong', 'Un'], text: 'Kim Jong Un' });
    expect(romaniseName('박봉주', 'mr')?.given).toEqual(['pong', 'ju']);
  });

  it('hyphenates an RR given name where the joined form is ambiguous', () => {
    expect(romaniseName('한선아', 'rr')?.text).toBe('Han Seon-a');
    expect(romaniseName('김전길', 'rr')?.text).toBe('Gim Jeon-gil');
    expect(romaniseName('한복남', 'rr')?.text).toBe('Han Boknam');
  });

  it('returns null for text that is not a Hangul name', () => {
    expect(romaniseName('Kim', 'dprk')).toBeNull();
    expect(romaniseName('', 'rr')).toBeNull();
  });
});

describe('romaniseWord', () => {
  it.each([
    ['평양', 'mr', "p'yŏngyang"],
    ['평양', 'dprk', 'phyongyang'],
    ['평양', 'rr', 'pyeongyang'],
    ['한국', 'mr', "han'guk"],
    ['한국', 'rr', 'hanguk'],
    ['부산', 'mr', 'pusan'],
    ['대구', 'mr', 'taegu'],
    ['신의주', 'mr', 'sinŭiju'],
    ['발전', 'mr', 'palchŏn'],
    ['쉬', 'mr', 'shwi'],
    ['빨리', 'rr', 'ppalli'],
  ] as const)('%s in %s → %s', (word, scheme, expected) => {
    expect(romaniseWord(word, scheme)).toBe(expected);
  });

  it('writes separate syllables in their word-initial form', () => {
    expect(romaniseWord('봉주', 'mr', { separateSyllables: true })).toBe('pong chu');
    expect(romaniseSyllables(['봉', '주'], 'mr')).toEqual(['pong', 'ju']);
  });

  it('keeps the DPRK breves on request', () => {
    expect(romaniseWord('정은', 'dprk', { separateSyllables: true, breves: true })).toBe('jŏng ŭn');
  });

  it('copies non-Hangul characters through as word breaks', () => {
    expect(romaniseWord('조선-광선', 'dprk')).toBe('joson-kwangson');
  });

  it('never throws and always yields ASCII for DPRK/RR/MR-ASCII on random syllable strings', () => {
    const syllable = fc.integer({ min: FIRST, max: LAST }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 1, maxLength: 6 }), (chars) => {
        for (const scheme of ['dprk', 'rr', 'mr-ascii'] as const) {
          expect(romaniseWord(chars.join(''), scheme)).toMatch(/^[a-z']+$/);
        }
      }),
    );
  });
});

describe('splitHangulName', () => {
  it.each([
    ['김정은', '김', ['정', '은']],
    ['남궁민수', '남궁', ['민', '수']],
    ['황보영', '황보', ['영']],
    ['남궁', '남', ['궁']],
    ['김 정은', '김', ['정', '은']],
    ['선우 용녀', '선우', ['용', '녀']],
  ])('%s → %s + %j', (name, family, given) => {
    expect(splitHangulName(name)).toEqual({ family, given });
  });

  it('returns null for non-Hangul input', () => {
    expect(splitHangulName('Kim Jong Un')).toBeNull();
    expect(splitHangulName('')).toBeNull();
  });
});

describe('applyInitialSoundRule', () => {
  it.each([
    ['리', '이'],
    ['류', '유'],
    ['림', '임'],
    ['로', '노'],
    ['량', '양'],
    ['렴', '염'],
    ['라', '나'],
    ['녀', '여'],
    ['룡해', '용해'],
    ['리병철', '이병철'],
    ['김', '김'],
    ['남', '남'],
    ['', ''],
  ])('%s → %s', (north, south) => {
    expect(applyInitialSoundRule(north)).toBe(south);
  });
});
