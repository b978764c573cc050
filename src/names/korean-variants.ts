/**
 * Comparison keys that unify the romanisation variants of Korean name syllables.
 *
 * A romanised syllable is parsed as onset + nucleus + coda and each part mapped to a class;
 * the key is the concatenation, in upper case so it never equals a plain lower-case token:
 *
 * - onset: k/g/kh/k'/gh/kk → K; t/d/th/t'/tt → T; p/b/ph/p'/pp → P; ch/j/ch'/tch/jj/z → C;
 *   s/sh/ss → S; h, m → H, M; n → N; r/l/rh → N, and r/l/n are dropped before i and y-vowels
 *   (the North keeps the initial ㄹ/ㄴ the South drops: Ri/Li/Lee/I, Ryong/Yong, Rim/Im,
 *   Ro/No/Roh).
 * - nucleus: a → A; ae/ai/e → E (ㅐ/ㅔ merged in speech); o/ŏ/o'/eo → O; u/ŭ/u'/eu/oo/ou → U;
 *   i/ee/ui/ŭi/eui/yi → I (희 is Hui, Hee, Heui); ya → YA; yae/ye → YE; yo/yŏ/yeo → YO;
 *   yu/yoo/you → YU; wa → WA; oe/oi/we/wae/woe → WE (Choe/Choi/Chwe); wo/wŏ/weo → WO;
 *   wi → WI; wu/woo → U (Woo = U).
 * - coda: ng, n, m, l/r, k/g, p/b, t/d; a spelling `h` (Oh, Roh, Ahn, Bahk) and the `r` of
 *   Park are ignored.
 * - In a closed syllable O and U merge, and YO and YU: the South writes ㅓ as u before a final
 *   consonant (Chul, Jung, Sung, Young, Kyung, Hyun, Suk, Sub) and ㅡ as eu or u (Eun/Un), so
 *   Chol/Chul/Cheol, Jong/Jung/Chung/Jeong, Yong/Young, Kyong/Kyung, Un/Eun all share a key.
 *   Open syllables keep O and U apart (Jo ≠ Ju, So ≠ Su).
 *
 * Voicing (k/g, t/d, p/b, ch/j), aspiration marks and breves disappear in the classes, so the
 * alternations seen between primary names and aliases on the lists (Bom/Pom, Byong/Pyo'ng,
 * Jae/Chae, Jin/Chin, Gyu/Kyu) all key equal; different syllables (Un/Il, Kim/Ri) stay apart.
 *
 * Joined given names (`Jongun`, `Yongwon`) are split by a dynamic programme over parseable
 * syllables, preferring common given-name syllables (a table of Hangul syllables keyed with the
 * same function), keeping `ng` together as a final (MR and RR would write n'g / n-g for ㄴ+ㄱ),
 * reading kh/th/ph and doubled consonants across a boundary as final + onset (RR Seokhui,
 * Gappil), and preferring consonant-initial syllables after a final consonant.
 */
import { memoise } from './memo.js';
import { comparisonText } from './normalise.js';
import { romaniseWord } from './hangul.js';
import { surnameFamily } from './korean-surnames.js';

const foldToken = memoise((token: string): string => comparisonText(token).replace(/ /g, ''));

export { surnameFamily, surnameFamilies, hangulSurnameFamily } from './korean-surnames.js';

const ONSETS: ReadonlyArray<[string, string]> = [
  ['tch', 'C'], ['jj', 'C'], ['ch', 'C'], ['j', 'C'], ['z', 'C'],
  ['kk', 'K'], ['kh', 'K'], ['gh', 'K'], ['k', 'K'], ['g', 'K'],
  ['tt', 'T'], ['th', 'T'], ['t', 'T'], ['d', 'T'],
  ['pp', 'P'], ['ph', 'P'], ['bb', 'P'], ['p', 'P'], ['b', 'P'],
  ['ss', 'S'], ['sh', 'S'], ['s', 'S'],
  ['h', 'H'], ['m', 'M'], ['n', 'N'], ['rh', 'R'], ['r', 'R'], ['l', 'R'],
];

const NUCLEI: ReadonlyArray<[string, string]> = [
  ['yeo', 'YO'], ['yae', 'YE'], ['yoo', 'YU'], ['you', 'YU'], ['yie', 'I'], ['wae', 'WE'], ['weo', 'WO'],
  ['woe', 'WE'], ['woo', 'U'], ['eui', 'I'],
  ['ae', 'E'], ['ai', 'E'], ['eo', 'O'], ['eu', 'U'], ['ee', 'I'], ['ie', 'I'], ['oe', 'WE'], ['oi', 'WE'],
  ['oo', 'U'], ['ou', 'U'], ['ui', 'I'], ['ya', 'YA'], ['ye', 'YE'], ['yo', 'YO'], ['yu', 'YU'], ['yi', 'I'],
  ['wa', 'WA'], ['we', 'WE'], ['wo', 'WO'], ['wi', 'WI'], ['wu', 'U'],
  ['a', 'A'], ['e', 'E'], ['i', 'I'], ['o', 'O'], ['u', 'U'],
];

const CODAS: ReadonlyArray<[string, string]> = [
  ['ng', 'NG'], ['n', 'N'], ['m', 'M'], ['l', 'L'], ['r', 'L'], ['k', 'K'], ['p', 'P'], ['b', 'P'], ['t', 'T'],
];

const ONSET_CLASS = new Map(ONSETS);
const NUCLEUS_CLASS = new Map(NUCLEI);
const CODA_CLASS = new Map(CODAS);

const alternation = (pairs: ReadonlyArray<[string, string]>): string => pairs.map(([s]) => s).join('|');

// One syllable: onset? nucleus (spelling h | r before k)? coda?
const SYLLABLE = new RegExp(
  `^(${alternation(ONSETS)})?(${alternation(NUCLEI)})(h|r(?=k))?(${alternation(CODAS)})?$`,
);

export interface RomanisedSyllable {
  onset: string;
  nucleus: string;
  coda: string;
  /** The key: onset + nucleus + coda classes, e.g. 'CONG' for Jong/Jung/Chŏng/Jeong. */
  key: string;
  /** Like `key` but with the written r/l/n onset kept (R, N): 닐 'nil' ≠ 일 'il' here. */
  writtenKey: string;
  /** True when the spelling used a filler h or r (Ahn, Park). */
  filler: boolean;
}

/**
 * Parses one romanised Korean syllable (any scheme, any case, with or without apostrophes and
 * breves). Returns null when the token is not a single Korean syllable.
 *
 * @example
 * parseRomanisedSyllable("Ch'o'l")?.key; // 'COL'
 * parseRomanisedSyllable('Tiesan'); // null
 */
export function parseRomanisedSyllable(token: string): Readonly<RomanisedSyllable> | null {
  return parseFolded(foldToken(token));
}

const parseFolded = memoise((t: string): Readonly<RomanisedSyllable> | null => {
  if (t.length === 0 || t.length > 8) return null;
  const m = SYLLABLE.exec(t);
  if (!m) return null;
  const [, onsetText = '', nucleusText = '', filler, codaText = ''] = m;
  const writtenOnset = ONSET_CLASS.get(onsetText) ?? '';
  let onset = writtenOnset;
  let nucleus = NUCLEUS_CLASS.get(nucleusText) ?? '';
  const coda = CODA_CLASS.get(codaText) ?? '';
  if (onset === 'R' || onset === 'N') {
    if (nucleus.startsWith('I') || nucleus.startsWith('Y')) onset = '';
    else onset = 'N';
  }
  if (coda) {
    if (nucleus === 'U') nucleus = 'O';
    else if (nucleus === 'YU') nucleus = 'YO';
  }
  return {
    onset,
    nucleus,
    coda,
    key: onset + nucleus + coda,
    writtenKey: writtenOnset + nucleus + coda,
    filler: filler !== undefined,
  };
});

/**
 * A comparison key for one romanised Korean syllable: equal for the spellings of the same
 * syllable across RR, MR, the DPRK scheme and customary Southern spellings. A token that is not
 * a Korean syllable comes back as its lower-case comparison form (which no key can equal).
 *
 * @example
 * koreanSyllableKey('Pyo’ng') === koreanSyllableKey('Byong'); // true
 * koreanSyllableKey('Un') === koreanSyllableKey('Eun'); // true
 * koreanSyllableKey('Un') === koreanSyllableKey('Il'); // false
 */
export function koreanSyllableKey(token: string): string {
  return syllableKeyOfRaw(token);
}

const syllableKeyOfRaw = memoise((token: string): string => {
  const folded = foldToken(token);
  return parseFolded(folded)?.key ?? folded;
});

/**
 * Common syllables of Korean given names (North and South), keyed to weight the splitting of
 * joined given names and to recognise Korean names. Collected from the DPRK entries of the UN
 * and OFAC lists and common ROK given-name syllables.
 */
const COMMON_GIVEN_SYLLABLES =
  '가각간갑강개건걸겸경계고곤공관광교구국군권귀규균근금기길' +
  '나남녀년노능니다단달담대덕도돈동두득라란래량려력련렬렴령례로록룡루류륜률륭름리린림립' +
  '마만매맹면명모목무묵문미민박반방배백범벽변병보복봉부분비빈빙' +
  '사산삼상새색생서석선설섬섭성세소속손송수숙순술숭슬습승시식신실심' +
  '아악안암애야약양어억언엄여역연열염엽영예오옥온완왕요욱용우운웅원월위유육윤율은을음응의이익인일임입' +
  '자작잠장재적전절점정제조종좌주준중즙증지직진질집징' +
  '차착찬찰참창채책처천철첨청초촌총최추축춘출충취측치칠침' +
  '탁태택토통파판팔패평포표풍필' +
  '하학한할함합항해핵행향허헌혁현협형혜호혹혼홍화확환활황회효후훈휘흠흥희';

// Written keys (onset r/l/n kept) so that the n of Chun-il is not read as a syllable 닐.
const COMMON_KEYS: ReadonlySet<string> = new Set(
  [...COMMON_GIVEN_SYLLABLES].flatMap((h) =>
    (['dprk', 'rr'] as const).map((scheme) => parseFolded(romaniseWord(h, scheme))?.writtenKey ?? ''),
  ),
);

/**
 * True when the romanised syllable is a common given-name syllable.
 *
 * @example
 * isCommonGivenSyllable('Chol'); // true
 */
export function isCommonGivenSyllable(token: string): boolean {
  const parsed = parseRomanisedSyllable(token);
  return parsed !== null && COMMON_KEYS.has(parsed.writtenKey);
}

const VOWEL_START = /^[aeiouwy]/;
const MAX_SYLLABLE_LENGTH = 8;
const MAX_JOINED_LENGTH = 40;

/**
 * Splits a joined romanised given name into syllables: `Jongun` → ['jong', 'un'],
 * `Yongwon` → ['yong', 'won'], `Sunam` → ['su', 'nam']. A single syllable comes back as a
 * one-element array; a token that cannot be read as Korean syllables gives null.
 * `strict` only accepts common given-name syllables and no vowel-initial syllable after an open
 * one (used to decide whether a name is Korean at all).
 *
 * @example
 * splitKoreanGivenName('Jongun'); // ['jong', 'un']
 * splitKoreanGivenName('Smith'); // null
 */
export function splitKoreanGivenName(token: string, strict = false): readonly string[] | null {
  return (strict ? splitStrict : splitLenient)(foldToken(token));
}

const splitLenient = memoise((t: string) => splitFolded(t, false));
const splitStrict = memoise((t: string) => splitFolded(t, true));

function splitFolded(t: string, strict: boolean): string[] | null {
  const n = t.length;
  if (n === 0 || n > MAX_JOINED_LENGTH || !/^[a-z]+$/.test(t)) return null;
  const cost: number[] = new Array<number>(n + 1).fill(Infinity);
  const from: number[] = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const base = cost[i] ?? Infinity;
    if (base === Infinity) continue;
    const previousChar = i > 0 ? t[i - 1] : undefined;
    for (let j = Math.min(n, i + MAX_SYLLABLE_LENGTH); j > i; j--) {
      const piece = t.slice(i, j);
      const step = pieceCost(piece, previousChar, strict);
      if (step === Infinity) continue;
      if (base + step < (cost[j] ?? Infinity)) {
        cost[j] = base + step;
        from[j] = i;
      }
    }
  }
  if (cost[n] === Infinity) return null;
  const pieces: string[] = [];
  for (let j = n; j > 0; j = from[j] ?? 0) pieces.unshift(t.slice(from[j] ?? 0, j));
  return pieces;
}

function pieceCost(piece: string, previousChar: string | undefined, strict: boolean): number {
  const parsed = parseFolded(piece);
  if (!parsed) return Infinity;
  const common = COMMON_KEYS.has(parsed.writtenKey);
  if (strict && (!common || parsed.filler)) return Infinity;
  let cost = common ? 1 : 3;
  if (parsed.filler) cost += 1;
  if (previousChar !== undefined) {
    const vowelStart = VOWEL_START.test(piece);
    const previousOpen = /[aeiouy]/.test(previousChar);
    if (vowelStart && previousOpen && strict) return Infinity;
    if (vowelStart) cost += 0.5;
    if (previousChar === 'n' && piece.startsWith('g')) cost += 2;
    // k+h, t+h, p+h across a boundary (RR Seokhui) rather than DPRK kh/th/ph inside a word, and
    // p+p, k+k … (RR Gappil) rather than tense onsets, which Sino-Korean names do not have.
    if (/^([ktp]h|kk|tt|pp|ss|jj)/.test(piece)) cost += 1;
  }
  return cost;
}

/**
 * Keys for every syllable of a romanised name token, splitting joined given names:
 * `Jongun` → ['CONG', 'ON']. A token that is not Korean gives its comparison form alone.
 *
 * @example
 * koreanTokenKeys('Yongwon'); // ['YONG', 'WON']
 */
export function koreanTokenKeys(token: string): string[] {
  const pieces = splitKoreanGivenName(token);
  if (!pieces) return [foldToken(token)];
  return pieces.map(koreanSyllableKey);
}

/**
 * True when the tokens read as a Korean personal name: a known Korean family name at the start
 * or the end, and every other token made of 1–3 common given-name syllables (3 in all at most).
 * Chinese readings such as `Jin Tiesan`, `Li Cheng He` or `Lui Wai Ming` are rejected.
 *
 * @example
 * isLikelyKoreanName(['Ri', 'Pyong', 'Chol']); // true
 * isLikelyKoreanName(['Li', 'Cheng', 'He']); // false
 */
export function isLikelyKoreanName(tokens: readonly string[]): boolean {
  const folded = tokens.map(foldToken).filter(Boolean);
  if (folded.length < 2 || folded.length > 4) return false;
  const first = folded[0] ?? '';
  const last = folded[folded.length - 1] ?? '';
  if (surnameFamily(first) !== null && givenSyllablesOk(folded.slice(1))) return true;
  return surnameFamily(last) !== null && givenSyllablesOk(folded.slice(0, -1));
}

function givenSyllablesOk(given: readonly string[]): boolean {
  let total = 0;
  for (const token of given) {
    const pieces = splitStrict(token);
    if (!pieces) return false;
    total += pieces.length;
  }
  return total >= 1 && total <= 3;
}

