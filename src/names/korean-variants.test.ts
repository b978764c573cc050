import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isCommonGivenSyllable,
  isLikelyKoreanName,
  koreanSyllableKey,
  koreanTokenKeys,
  parseRomanisedSyllable,
  splitKoreanGivenName,
  surnameFamily,
} from './korean-variants.js';
import { romaniseWord, ROMANISATION_SCHEMES } from './hangul.js';

describe('koreanSyllableKey: spellings of one syllable share a key', () => {
  // Each group: spellings of one Hangul syllable found on the UN/OFAC lists or in ROK usage.
  const groups: [string, string[]][] = [
    ['병', ['Byong', 'Pyong', "Pyo'ng", 'Pyo’ng', 'Pyŏng', 'Phyong', 'Byeong']],
    ['철', ['Chol', "Ch'o'l", 'Ch’o’l', 'Ch’ŏl', 'Chul', 'Cheol', 'CH’O’L']],
    ['은', ['Un', 'Eun', "U'n", 'Ŭn', 'U’N']],
    ['정', ['Jong', 'Jung', 'Chung', 'Jeong', 'Chong', "Cho'ng", 'Cheong', 'Joung']],
    ['영', ['Yong', 'Young', "Yo'ng", 'Yeong', 'Ryong']],
    ['경', ['Kyong', 'Kyung', "Kyo'ng", "KY'ONG", 'Gyeong']],
    ['리', ['Ri', 'Li', 'Lee', 'I', 'Yi', 'Rhee', 'Ee']],
    ['림', ['Rim', 'Im', 'Lim', 'Yim']],
    ['로', ['Ro', 'No', 'Roh', 'Noh']],
    ['류', ['Ryu', 'Yu', 'Yoo', 'You']],
    ['최', ['Choe', "Ch'oe", 'Choi', 'Chwe']],
    ['박', ['Pak', 'Park', 'Bak', 'Bahk']],
    ['범', ['Bom', 'Pom', 'Beom']],
    ['봉', ['Bong', 'Pong']],
    ['도', ['Do', 'To', "To'"]],
    ['규', ['Gyu', 'Kyu']],
    ['광', ['Gwang', 'Kwang']],
    ['국', ['Guk', 'Kuk', "Ku'k"]],
    ['재', ['Jae', 'Chae']],
    ['진', ['Jin', 'Chin', 'Zin']],
    ['주', ['Ju', 'Chu', 'Joo']],
    ['우', ['U', 'Woo', 'Wu']],
    ['희', ['Hui', 'Hee', 'Heui', "Hu'i"]],
    ['필', ['Pil', "P'il", 'Phil']],
    ['태', ['Tae', 'Thae', "T'ae"]],
    ['섭', ['Sop', "So'p", 'Sub', 'Seop']],
    ['승', ['Sung', "Su'ng", 'Seung']],
    ['석', ['Sok', "So'k", 'Seok', 'Suk']],
    ['훈', ['Hun', 'Hoon']],
    ['신', ['Sin', 'Shin']],
    ['오', ['O', 'Oh']],
  ];
  for (const [hangul, spellings] of groups) {
    it(`${hangul}: ${spellings.join(' / ')}`, () => {
      const keys = new Set(spellings.map(koreanSyllableKey));
      expect(keys.size).toBe(1);
      expect(keys.has(koreanSyllableKey(romaniseWord(hangul, 'dprk')))).toBe(true);
    });
  }
});

describe('koreanSyllableKey: different syllables stay apart', () => {
  it.each([
    ['Un', 'Il'], // 김정은 vs 김정일
    ['Kim', 'Ri'],
    ['Jo', 'Ju'],
    ['So', 'Su'],
    ['Pak', 'Paek'],
    ['Chol', 'Chal'],
    ['Hui', 'Hwi'],
    ['Song', 'Sok'],
    ['Nam', 'Am'],
    ['Ho', 'Hwa'],
  ])('%s ≠ %s', (a, b) => {
    expect(koreanSyllableKey(a)).not.toBe(koreanSyllableKey(b));
  });
});

describe('koreanSyllableKey properties', () => {
  it('agrees across RR, MR and DPRK for every Hangul syllable, word-initial and voiced', () => {
    for (let c = 0xac00; c <= 0xd7a3; c++) {
      const ch = String.fromCharCode(c);
      const keys = new Set<string>();
      for (const scheme of ROMANISATION_SCHEMES) {
        keys.add(koreanSyllableKey(romaniseWord(ch, scheme)));
        // the same syllable after a vowel: voiced initial in MR/DPRK
        keys.add(koreanSyllableKey(romaniseWord('아' + ch, scheme).slice(1).replace(/^'/, '')));
      }
      if (keys.size !== 1) throw new Error(`${ch}: ${[...keys].join(', ')}`);
    }
  });

  it('is insensitive to case, apostrophe style and breves', () => {
    const syllable = fc.constantFrom('chol', 'pyong', 'un', 'song', 'kyong', 'choe', 'hyok', 'sok', 'kwon');
    const apostrophe = fc.constantFrom("'", '’', '‘', '`', 'ʼ', '´', '');
    fc.assert(
      fc.property(syllable, apostrophe, fc.boolean(), (s, a, upper) => {
        const marked = s.replace(/o/, `o${a}`).replace(/^(ch|k|p|t)/, `$1${a}`);
        const cased = upper ? marked.toUpperCase() : marked;
        expect(koreanSyllableKey(cased)).toBe(koreanSyllableKey(s));
        expect(koreanSyllableKey(s.replace('o', 'ŏ'))).toBe(koreanSyllableKey(s));
      }),
    );
  });

  it('never throws on arbitrary Unicode and keys non-syllables as their lower-case text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => {
        const key = koreanSyllableKey(s);
        expect(typeof key).toBe('string');
        splitKoreanGivenName(s);
        splitKoreanGivenName(s, true);
        koreanTokenKeys(s);
        surnameFamily(s);
        isLikelyKoreanName([s, s]);
      }),
      { numRuns: 1000 },
    );
    expect(koreanSyllableKey('Smith')).toBe('smith');
  });
});

describe('parseRomanisedSyllable', () => {
  it('reads onset, nucleus and coda classes', () => {
    expect(parseRomanisedSyllable("Ch'o'l")).toMatchObject({ onset: 'C', nucleus: 'O', coda: 'L', key: 'COL' });
    expect(parseRomanisedSyllable('Ryong')).toMatchObject({ onset: '', key: 'YONG', writtenKey: 'RYONG' });
    expect(parseRomanisedSyllable('Ahn')).toMatchObject({ key: 'AN', filler: true });
  });

  it('rejects strings that are not one Korean syllable', () => {
    for (const s of ['Tiesan', 'Jongun', 'xyz', '', 'strength']) expect(parseRomanisedSyllable(s)).toBeNull();
  });
});

describe('splitKoreanGivenName', () => {
  it.each([
    ['Jongun', ['jong', 'un']],
    ['Yongwon', ['yong', 'won']], // UN: Cho Yongwon = JO YONG-WON
    ['Unjong', ['un', 'jong']], // OFAC: CHOE, Unjong = Un Jong
    ['Sangman', ['sang', 'man']], // OFAC: KIM, Sangman
    ['Sunam', ['su', 'nam']], // OFAC: PANG, Sunam = Su Nam
    ['Chunil', ['chun', 'il']],
    ['Hongri', ['hong', 'ri']],
    ['Jeongeun', ['jeong', 'eun']],
    ['Byeongcheol', ['byeong', 'cheol']],
    ["Pyo'ngch'o'l", ['pyong', 'chol']],
    ['Chol', ['chol']],
  ])('%s → %j', (token, expected) => {
    expect(splitKoreanGivenName(token)).toEqual(expected);
  });

  it('returns null when the token cannot be read as Korean syllables', () => {
    expect(splitKoreanGivenName('Smith')).toBeNull();
    expect(splitKoreanGivenName('')).toBeNull();
    expect(splitKoreanGivenName('a'.repeat(100))).toBeNull();
  });

  it('accepts only common syllables in strict mode', () => {
    expect(splitKoreanGivenName('Tiesan', true)).toBeNull(); // Jin Tiesan (金铁三), a Chinese reading
    expect(splitKoreanGivenName('Jiadong', true)).toBeNull(); // LI, Jiadong
    expect(splitKoreanGivenName('Yongwon', true)).toEqual(['yong', 'won']);
  });

  it('gives keys for joined and separate spellings alike', () => {
    expect(koreanTokenKeys('Yongwon')).toEqual([koreanSyllableKey('Yong'), koreanSyllableKey('Won')]);
    expect(koreanTokenKeys('Smith')).toEqual(['smith']);
  });
});

describe('isLikelyKoreanName', () => {
  it.each([
    [['Ri', 'Pyong', 'Chol'], true],
    [['KIM', 'Jong', 'Un'], true],
    [['Cho', 'Yongwon'], true],
    [['Chang', 'Su', 'Han'], true], // UN: Chang-Su Han = HAN JANG SU
    [['Min', "Pyo'ng", "ch'o'l"], true],
    [['Jin', 'Tiesan'], false], // Chinese reading of 金铁三
    [['Li', 'Cheng', 'He'], false], // Chinese reading for RI SONG HYOK
    [['Lui', 'Wai', 'Ming'], false], // Cantonese alias of PAK BONG NAM
    [['Jiang', 'Wen', 'ji'], false],
    [['Li', 'Jiadong'], false],
    [['Tian', 'Yinyin'], false],
    [['John', 'Smith'], false],
    [['Kim'], false],
    [['Kim', 'A', 'B', 'C', 'D'], false],
  ])('%j → %s', (tokens, expected) => {
    expect(isLikelyKoreanName(tokens)).toBe(expected);
  });

  it('knows the common given-name syllables', () => {
    expect(isCommonGivenSyllable('Chol')).toBe(true);
    expect(isCommonGivenSyllable('Tie')).toBe(false);
  });
});
