/**
 * Hangul syllable decomposition and romanisation in three schemes, with our own tables.
 *
 * Decomposition is Unicode arithmetic (The Unicode Standard, ch. 3.12 "Conjoining Jamo
 * Behavior"): syllable = 0xAC00 + (initial × 21 + medial) × 28 + final.
 *
 * Schemes and sources:
 * - 'rr' — Revised Romanization of Korean (ROK Ministry of Culture and Tourism notice 2000-8):
 *   ㄱㄷㅂㅈ = g d b j before a vowel, k t p (t) in final position; ㅋㅌㅍㅊ = k t p ch;
 *   ㅓ eo, ㅡ eu, ㅢ ui; ㄹ = r before a vowel, l finally, ㄹㄹ = ll. Personal names (art. 3.4):
 *   family name first and separate, given name joined, sound changes between given-name
 *   syllables NOT transcribed, a hyphen allowed between syllables — we use one where the joined
 *   form would be ambiguous (art. 2 note: 중앙 Jung-ang, 해운대 Hae-undae).
 * - 'mr' / 'mr-ascii' — McCune–Reischauer (1939; as in ALA-LC 2009 tables): ㄱㄷㅂㅈ = k t p ch
 *   word-initially and after k/t/p, voiced g d b j between voiced sounds; aspirates k' t' p' ch';
 *   ㅉ tch; ㅓ ŏ, ㅡ ŭ (ASCII variant: o', u' as OFAC writes them); ㅅ before ㅟ = sh; n'g for
 *   ㄴ+ㄱ. Names: family name, then given-name syllables hyphenated with voicing applied across
 *   the hyphen (Pak Chŏng-hŭi, Kim Tae-jung). Surname 이 is conventionally "Yi".
 * - 'dprk' — DPRK official romanisation (Rules of the romanization of Korean, 1992, revised
 *   2002) in the form used on UN/OFAC DPRK listings and by KCNA: ㄱㄷㅂ = k t p (g d b between
 *   voiced sounds inside a word), ㅈ = j, ㅊ = ch, aspirates kh th ph (Thae, Phyong), ㅓ ŏ and
 *   ㅡ ŭ written without breves on listings (option `breves` restores them); family name first,
 *   each given-name syllable written separately and capitalised, each in its word-initial form:
 *   김정은 Kim Jong Un, 리병철 Ri Pyong Chol, 박봉주 Pak Pong Ju, 최룡해 Choe Ryong Hae.
 *
 * Documented simplifications: finals are reduced to their representative sound (ㄺ k, ㄻ m,
 * ㄼ l, ㅎ t …); nasalisation (ㄱ+ㄴ → ngn) and liquidisation (ㄴ+ㄹ → ll) are not applied —
 * names are written syllable by syllable on the lists, and the matching keys fold each syllable
 * on its own. In MR/DPRK joined words ㄷ/ㅈ stay voiceless after ㄹ (Sino-Korean tensing).
 *
 * The initial-sound rule (두음법칙, ROK orthography art. 10–12): the South drops or changes a
 * word-initial ㄹ/ㄴ (리→이, 류→유, 로→노, 녀→여); the North keeps them. `applyInitialSoundRule`
 * gives the Southern spelling of a word.
 */
import { ownValue } from '../common/own.js';

export const INITIAL_JAMO = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
export const MEDIAL_JAMO = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
export const FINAL_JAMO = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const MEDIAL_COUNT = 21;
const FINAL_COUNT = 28;

export type RomanisationScheme = 'rr' | 'mr' | 'mr-ascii' | 'dprk';
export const ROMANISATION_SCHEMES: readonly RomanisationScheme[] = ['rr', 'mr', 'mr-ascii', 'dprk'];

export interface JamoIndices {
  /** 0–18, index into INITIAL_JAMO. */
  initial: number;
  /** 0–20, index into MEDIAL_JAMO. */
  medial: number;
  /** 0–27, index into FINAL_JAMO (0 = no final). */
  final: number;
}

/** True for a precomposed Hangul syllable (가–힣). */
export function isHangulSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= SYLLABLE_BASE && c <= SYLLABLE_LAST;
}

/**
 * Splits a precomposed Hangul syllable into initial/medial/final jamo indices.
 *
 * @example
 * decomposeSyllable('김'); // { initial: 0, medial: 20, final: 16 } (ㄱ ㅣ ㅁ)
 */
export function decomposeSyllable(ch: string): JamoIndices | null {
  if (!isHangulSyllable(ch)) return null;
  const offset = ch.charCodeAt(0) - SYLLABLE_BASE;
  return {
    initial: Math.floor(offset / (MEDIAL_COUNT * FINAL_COUNT)),
    medial: Math.floor(offset / FINAL_COUNT) % MEDIAL_COUNT,
    final: offset % FINAL_COUNT,
  };
}

/**
 * The jamo letters of a syllable, e.g. `jamoOf('정')` → `['ㅈ', 'ㅓ', 'ㅇ']` (final '' when none).
 *
 * @example
 * jamoOf('은'); // ['ㅇ', 'ㅡ', 'ㄴ']
 */
export function jamoOf(ch: string): [string, string, string] | null {
  const j = decomposeSyllable(ch);
  if (!j) return null;
  return [INITIAL_JAMO[j.initial] ?? '', MEDIAL_JAMO[j.medial] ?? '', FINAL_JAMO[j.final] ?? ''];
}

/**
 * Builds a precomposed syllable from jamo indices.
 *
 * @example
 * composeSyllable({ initial: 5, medial: 20, final: 0 }); // '리'
 */
export function composeSyllable(j: JamoIndices): string {
  return String.fromCharCode(SYLLABLE_BASE + (j.initial * MEDIAL_COUNT + j.medial) * FINAL_COUNT + j.final);
}

// ---- tables (index order of INITIAL_JAMO / MEDIAL_JAMO) ----

const ㄱ = 0;
const ㄴ = 2;
const ㄷ = 3;
const ㄹ = 5;
const ㅂ = 7;
const ㅅ = 9;
const ㅇ = 11;
const ㅈ = 12;

//                          ㄱ    ㄲ    ㄴ   ㄷ    ㄸ    ㄹ   ㅁ   ㅂ    ㅃ    ㅅ   ㅆ    ㅇ  ㅈ    ㅉ     ㅊ     ㅋ    ㅌ    ㅍ    ㅎ
const RR_INITIAL = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
const MR_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'ch', 'tch', "ch'", "k'", "t'", "p'", 'h'];
const DPRK_INITIAL = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'kh', 'th', 'ph', 'h'];
/** Voiced readings of ㄱ ㄷ ㅂ ㅈ between voiced sounds (MR and DPRK). */
const VOICED: Readonly<Record<number, string>> = { [ㄱ]: 'g', [ㄷ]: 'd', [ㅂ]: 'b', [ㅈ]: 'j' };

//                         ㅏ    ㅐ     ㅑ     ㅒ      ㅓ     ㅔ    ㅕ      ㅖ    ㅗ    ㅘ     ㅙ      ㅚ     ㅛ     ㅜ    ㅝ     ㅞ     ㅟ     ㅠ    ㅡ     ㅢ     ㅣ
const RR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
const MR_MEDIAL = ['a', 'ae', 'ya', 'yae', 'ŏ', 'e', 'yŏ', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wŏ', 'we', 'wi', 'yu', 'ŭ', 'ŭi', 'i'];

/** Representative final sounds (same letters in all three schemes). */
const FINAL_SOUND = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
/** Finals after which a following ㄱㄷㅂㅈ is voiced (vowel-like or sonorant finals). */
const VOICED_FINAL = new Set(['', 'n', 'l', 'm', 'ng']);

const ㅟ = 16;
const Y_OR_I_MEDIALS = new Set([2, 3, 6, 7, 12, 17, 20]); // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ

export interface RomaniseOptions {
  /** Write every syllable as its own word (DPRK given names); no voicing across syllables. */
  separateSyllables?: boolean;
  /** DPRK only: keep the breves ŏ ŭ of the 1992/2002 rules (listings drop them). */
  breves?: boolean;
}

/**
 * Romanises one word of Hangul syllables (no spaces) in a scheme, applying the scheme's
 * syllable-boundary rules (MR/DPRK voicing, ㄹㄹ → ll, MR n'g). Characters that are not Hangul
 * syllables are copied through and break the word.
 *
 * @example
 * romaniseWord('평양', 'mr'); // "p'yŏngyang"
 * romaniseWord('평양', 'dprk'); // 'phyongyang'
 * romaniseWord('한국', 'mr'); // "han'guk"
 */
export function romaniseWord(word: string, scheme: RomanisationScheme, options: RomaniseOptions = {}): string {
  return romaniseSyllables([...word], scheme, options).join(options.separateSyllables ? ' ' : '');
}

/**
 * Romanises a sequence of characters syllable by syllable and returns one string per input
 * character (the syllable-boundary rules look at the neighbours). Non-Hangul characters come
 * back unchanged and act as word breaks.
 *
 * @example
 * romaniseSyllables(['병', '철'], 'mr'); // ["pyŏng", "ch'ŏl"]
 * romaniseSyllables(['봉', '주'], 'mr'); // ['pong', 'ju']
 */
export function romaniseSyllables(chars: readonly string[], scheme: RomanisationScheme, options: RomaniseOptions = {}): string[] {
  const out: string[] = [];
  let prevFinal: string | null = null; // representative final of the previous syllable in this word
  let prevFinalJamo = 0;
  for (const ch of chars) {
    const j = decomposeSyllable(ch);
    if (!j) {
      out.push(ch);
      prevFinal = null;
      continue;
    }
    const wordInitial = prevFinal === null || options.separateSyllables === true;
    let initial = initialLetters(j, scheme, wordInitial ? null : prevFinal);
    if (!wordInitial && j.initial === ㄹ && prevFinalJamo === 8) initial = 'l'; // ㄹㄹ → ll
    if (!wordInitial && (scheme === 'mr' || scheme === 'mr-ascii') && prevFinal === 'n' && initial === 'g') initial = "'g";
    out.push(initial + medialLetters(j.medial, scheme, options) + (FINAL_SOUND[j.final] ?? ''));
    prevFinal = FINAL_SOUND[j.final] ?? '';
    prevFinalJamo = j.final;
  }
  return out;
}

function initialLetters(j: JamoIndices, scheme: RomanisationScheme, prevFinal: string | null): string {
  if (scheme === 'rr') return RR_INITIAL[j.initial] ?? '';
  const table = scheme === 'dprk' ? DPRK_INITIAL : MR_INITIAL;
  if (prevFinal !== null && VOICED_FINAL.has(prevFinal)) {
    const voiced = VOICED[j.initial];
    const tensedAfterL = prevFinal === 'l' && (j.initial === ㄷ || j.initial === ㅈ);
    if (voiced !== undefined && !tensedAfterL) return voiced;
  }
  if (j.initial === ㅅ && j.medial === ㅟ && scheme !== 'dprk') return 'sh';
  return table[j.initial] ?? '';
}

function medialLetters(medial: number, scheme: RomanisationScheme, options: RomaniseOptions): string {
  if (scheme === 'rr') return RR_MEDIAL[medial] ?? '';
  const mr = MR_MEDIAL[medial] ?? '';
  if (scheme === 'mr') return mr;
  if (scheme === 'mr-ascii') return mr.replace('ŏ', "o'").replace('ŭ', "u'");
  return options.breves ? mr : mr.replace('ŏ', 'o').replace('ŭ', 'u');
}

// ---- names ----

/** Korean two-syllable family names (복성). */
export const TWO_SYLLABLE_SURNAMES: ReadonlySet<string> = new Set([
  '남궁', '황보', '제갈', '선우', '독고', '사공', '서문',
]);

export interface HangulNameParts {
  family: string;
  /** Given-name syllables, e.g. ['정', '은']. */
  given: string[];
}

/**
 * Splits a Hangul personal name into family name and given-name syllables. A space, when
 * present, marks the boundary; otherwise the family name is one syllable unless the name starts
 * with a two-syllable family name and is at least three syllables long.
 *
 * @example
 * splitHangulName('김정은'); // { family: '김', given: ['정', '은'] }
 * splitHangulName('남궁민수'); // { family: '남궁', given: ['민', '수'] }
 */
export function splitHangulName(name: string): HangulNameParts | null {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const syllables = words.join('');
  if (!syllables || ![...syllables].every(isHangulSyllable)) return null;
  if (words.length > 1 && words[0] !== undefined && words[0].length <= 2) {
    return { family: words[0], given: [...words.slice(1).join('')] };
  }
  const chars = [...syllables];
  const familyLength = chars.length >= 3 && TWO_SYLLABLE_SURNAMES.has(syllables.slice(0, 2)) ? 2 : 1;
  return { family: chars.slice(0, familyLength).join(''), given: chars.slice(familyLength) };
}

export interface RomanisedName {
  family: string;
  /** Each given-name syllable as the scheme writes it inside this name. */
  given: string[];
  /** The name as the scheme writes it: "Kim Jong Un", "Kim Chŏng-ŭn", "Gim Jeongeun". */
  text: string;
}

/** Surnames with a conventional spelling that differs from the regular rules. */
const SURNAME_CONVENTIONS: Readonly<Record<RomanisationScheme, Readonly<Record<string, string>>>> = {
  rr: {},
  mr: { 이: 'yi' },
  'mr-ascii': { 이: 'yi' },
  dprk: {},
};

/**
 * Romanises a Hangul personal name in one scheme (family name first). DPRK writes each given
 * syllable separately in its word-initial form; MR hyphenates with voicing across the hyphen;
 * RR joins without sound changes, adding a hyphen where the joined form would be ambiguous.
 * Returns null when `name` is not a Hangul name.
 *
 * @example
 * romaniseName('김정은', 'dprk').text; // 'Kim Jong Un'
 * romaniseName('김정은', 'mr').text; // 'Kim Chŏng-ŭn'
 * romaniseName('김정은', 'rr').text; // 'Gim Jeong-eun'
 */
export function romaniseName(name: string, scheme: RomanisationScheme, options: RomaniseOptions = {}): RomanisedName | null {
  const parts = splitHangulName(name);
  if (!parts) return null;
  const family = capitalise(ownValue(SURNAME_CONVENTIONS[scheme], parts.family) ?? romaniseWord(parts.family, scheme, options));
  if (parts.given.length === 0) return { family, given: [], text: family };
  if (scheme === 'dprk') {
    const given = romaniseSyllables(parts.given, scheme, { ...options, separateSyllables: true }).map(capitalise);
    return { family, given, text: [family, ...given].join(' ') };
  }
  // Inside a hyphenated name MR needs no n'g separator: the hyphen already separates.
  const given = romaniseSyllables(parts.given, scheme, options).map((s) => s.replace(/^'/, ''));
  if (scheme === 'rr') {
    let joined = '';
    given.forEach((syllable, i) => {
      const previous = given[i - 1];
      if (previous !== undefined && rrNeedsHyphen(previous, syllable)) joined += '-';
      joined += syllable;
    });
    return { family, given, text: `${family} ${capitalise(joined)}` };
  }
  return { family, given, text: `${family} ${capitalise(given.join('-'))}` };
}

/** RR art. 2 note: a hyphen where a joined given name could be read with another syllable split. */
function rrNeedsHyphen(previous: string, next: string): boolean {
  return /^[aeiouwy]/.test(next) || (previous.endsWith('n') && next.startsWith('g'));
}

/**
 * The Southern spelling of a word under the initial-sound rule (두음법칙): a word-initial
 * ㄹ becomes ㅇ before ㅣ/y-vowels and ㄴ otherwise; a word-initial ㄴ becomes ㅇ before
 * ㅣ/y-vowels. 리 → 이, 류 → 유, 림 → 임, 로 → 노, 량 → 양, 녀 → 여, 룡 → 용.
 *
 * @example
 * applyInitialSoundRule('리병철'); // '이병철'
 * applyInitialSoundRule('로'); // '노'
 */
export function applyInitialSoundRule(word: string): string {
  const first = word[0];
  if (first === undefined) return word;
  const j = decomposeSyllable(first);
  if (!j) return word;
  const yOrI = Y_OR_I_MEDIALS.has(j.medial);
  let initial = j.initial;
  if (j.initial === ㄹ) initial = yOrI ? ㅇ : ㄴ;
  else if (j.initial === ㄴ && yOrI) initial = ㅇ;
  if (initial === j.initial) return word;
  return composeSyllable({ ...j, initial }) + word.slice(1);
}

function capitalise(s: string): string {
  const i = s.search(/[a-zŏŭ]/);
  if (i < 0) return s;
  return s.slice(0, i) + s.charAt(i).toUpperCase() + s.slice(i + 1);
}
