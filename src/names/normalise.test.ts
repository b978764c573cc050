import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparisonText, detectScript, normaliseText, repairSpacedApostrophes, tokenise } from './normalise.js';

describe('normaliseText', () => {
  it.each([
    // spellings as they occur on the UN and OFAC lists
    ["CH'OE SO’K MIN", "ch'oe so'k min"],
    ['YUN HO-JIN', 'yun ho jin'],
    ['RI, U‘n-so`ng', "ri u'n so'ng"],
    ["KIM TONG MY’’ONG", "kim tong my'ong"],
    ['  Kim\tJong\u00a0Un  ', 'kim jong un'],
    ['ＫＩＭ　ＪＯＮＧ', 'kim jong'], // full-width letters and space (NFKC)
    ['STRASSE Straße', 'strasse strasse'],
    ["'quoted' name", "quoted' name"],
    ['Jin Tiesan (金铁三)', 'jin tiesan 金铁三'],
    ['КУЗЬМЕНКО', 'кузьменко'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['APT-C-26', 'apt c 26'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const once = normaliseText(s);
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on name-like strings with apostrophes and hyphens', () => {
    const nameChar = fc.constantFrom(..."abcoOuU'’‘`ʼ´- ,.ŏŭ김金Ж".split(''));
    fc.assert(
      fc.property(fc.array(nameChar, { maxLength: 30 }), (chars) => {
        const once = normaliseText(chars.join(''));
        expect(normaliseText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('comparisonText', () => {
  it.each([
    ["CH'OE SO’K MIN", 'choe sok min'],
    ['Kim Chŏng-ŭn', 'kim chong un'],
    ["PISKLIN, Mikhail Yur'evich", 'pisklin mikhail yurevich'],
    ['Müller-Lüdenscheidt', 'muller ludenscheidt'],
    ['Łódź Ærø', 'lodz aero'],
    ['İstanbul', 'istanbul'],
    ['김정은', '김정은'],
  ])('%j → %j', (input, expected) => {
    expect(comparisonText(input)).toBe(expected);
  });

  it('maps the McCune–Reischauer ASCII breve o\'/u\' to o/u', () => {
    expect(comparisonText("Pyo'ng-ch'o'l")).toBe(comparisonText('Pyŏng-ch’ŏl'));
    expect(comparisonText("U'n")).toBe('un');
  });

  it('is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const once = comparisonText(s);
        expect(comparisonText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('repairSpacedApostrophes', () => {
  it('joins a syllable split after its apostrophe (OFAC: CHANG, Myo\' ng-ch\'o\' l)', () => {
    expect(repairSpacedApostrophes("CHANG, Myo' ng-ch'o' l")).toBe("CHANG, Myo'ng-ch'o'l");
  });

  it('leaves an apostrophe before a comma or a capital alone', () => {
    expect(repairSpacedApostrophes("HO', Yo'ng-il")).toBe("HO', Yo'ng-il");
    expect(repairSpacedApostrophes("O' Neil")).toBe("O' Neil");
  });
});

describe('tokenise', () => {
  it.each([
    ["CHANG, Myo' ng-ch'o' l", ['chang', 'myong', 'chol']],
    ['RI, U’n-so’ng', ['ri', 'un', 'song']],
    ['Cho Yongwon', ['cho', 'yongwon']],
    ['', []],
    [' - , ', []],
  ])('%j → %j', (input, expected) => {
    expect(tokenise(input)).toEqual(expected);
  });
});

describe('detectScript', () => {
  it.each([
    ['KIM JONG UN', 'latin'],
    ['Kim Chŏng-ŭn', 'latin'],
    ['김정은', 'hangul'],
    ['金铁三', 'han'],
    ['КУЗЬМЕНКО', 'cyrillic'],
    ['Ζαχαρίας', 'greek'],
    ['محمد', 'arabic'],
    ['ひらがな', 'other'],
    ['Jin Tiesan (金铁三)', 'mixed'],
    ['김 金', 'mixed'],
    ['12-34 !', 'other'],
    ['', 'other'],
  ])('%j → %s', (input, expected) => {
    expect(detectScript(input)).toBe(expected);
  });
});
