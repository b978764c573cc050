/**
 * Text normalisation shared by every name comparison.
 *
 * Two levels:
 * - `normaliseText` keeps apostrophes (folded to ASCII `'`), because in McCune–Reischauer ASCII
 *   they carry meaning: `o'`/`u'` stand for ŏ/ŭ and `ch'`, `k'`, `t'`, `p'` mark aspiration.
 * - `comparisonText` is the form names are compared in: apostrophes dropped (`o'`→`o`,
 *   `ch'`→`ch`; the Cyrillic soft sign rendered as `'` by OFAC goes too) and Latin diacritics
 *   folded (`ŏ`→`o`, `é`→`e`). Other scripts are left as they are; see transliterate.ts.
 *
 * Hyphens and dashes separate tokens (Korean given names are written `Ho-jin`, `Ho Jin` or
 * `Hojin`; the joined form is rebuilt by the name-form layer, not here).
 */
import { ownValue } from '../common/own.js';

const APOSTROPHE_VARIANTS = /['’‘`ʼʻ´′ʹ＇‛]/g;
// An apostrophe followed by spaces and a lower-case letter is a typing slip inside a syllable:
// OFAC lists `CHANG, Myo' ng-ch'o' l` for Myo'ng-ch'o'l.
const SPACED_APOSTROPHE = /(\p{L})'\s+(?=\p{Ll})/gu;
const DASHES = /[-‐‑‒–—―−﹘﹣－_]/g;
const NOT_NAME_CHAR = /[^\p{L}\p{M}\p{N}'\s]/gu;
const STRAY_APOSTROPHE = /(^|[^\p{L}\p{M}'])'+|('){2,}/gu;
const WHITESPACE = /\s+/g;

/**
 * Repairs `Myo' ng` → `Myo'ng` (an apostrophe followed by spaces and a lower-case letter).
 * Works on the raw, case-bearing text, so run it before `normaliseText`; `HO', Yo'ng` is left alone.
 *
 * @example
 * repairSpacedApostrophes("CHANG, Myo' ng-ch'o' l"); // "CHANG, Myo'ng-ch'o'l"
 */
export function repairSpacedApostrophes(s: string): string {
  return s.replace(APOSTROPHE_VARIANTS, "'").replace(SPACED_APOSTROPHE, "$1'");
}

/**
 * NFKC, case-folded, apostrophe variants folded to `'` (kept only after a letter), hyphens,
 * dashes and other punctuation turned into spaces, whitespace collapsed. Idempotent.
 *
 * @example
 * normaliseText("CH'OE  SO’K-MIN"); // "ch'oe so'k min"
 */
export function normaliseText(s: string): string {
  // Fold apostrophes before NFKC (which turns ´ into space + combining acute) and after it
  // (which produces ʼ from ŉ).
  let t = s.replace(APOSTROPHE_VARIANTS, "'").normalize('NFKC');
  t = caseFold(t).normalize('NFKC').replace(APOSTROPHE_VARIANTS, "'");
  t = t.replace(DASHES, ' ').replace(NOT_NAME_CHAR, ' ');
  t = t.replace(STRAY_APOSTROPHE, (_m: string, before: string | undefined, doubled: string | undefined) =>
    doubled ? "'" : `${before ?? ''} `,
  );
  return t.replace(WHITESPACE, ' ').trim();
}

/**
 * The form names are compared in: `normaliseText`, then apostrophes removed and Latin
 * diacritics folded to ASCII letters. Non-Latin letters are kept. Idempotent.
 *
 * @example
 * comparisonText("Ri U’n-so’ng"); // "ri un song"
 * comparisonText('Kim Chŏng-ŭn'); // "kim chong un"
 */
export function comparisonText(s: string): string {
  const t = normaliseText(s);
  let out = '';
  let afterLatin = false;
  for (const ch of t) {
    if (ch === "'") continue;
    const code = ch.codePointAt(0) ?? 0;
    if (afterLatin && isCombiningMark(ch)) continue;
    if (code < 0x80) {
      out += ch;
      afterLatin = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
      continue;
    }
    const folded = foldLatin(ch);
    if (folded !== undefined) {
      out += folded;
      afterLatin = true;
    } else {
      out += ch;
      afterLatin = false;
    }
  }
  return out.replace(WHITESPACE, ' ').trim();
}

/**
 * Comparison tokens of a name: `comparisonText` (after repairing spaced apostrophes) split on spaces.
 *
 * @example
 * tokenise("CHANG, Myo' ng-ch'o' l"); // ['chang', 'myong', 'chol']
 */
export function tokenise(s: string): string[] {
  const t = comparisonText(repairSpacedApostrophes(s));
  return t ? t.split(' ') : [];
}

export type Script = 'latin' | 'hangul' | 'han' | 'cyrillic' | 'greek' | 'arabic' | 'other' | 'mixed';

/**
 * The script of the letters in `s` (digits, spaces and punctuation are ignored). A string whose
 * letters come from more than one script is 'mixed'; one without letters is 'other'.
 *
 * @example
 * detectScript('김정은'); // 'hangul'
 * detectScript('Jin Tiesan (金铁三)'); // 'mixed'
 */
export function detectScript(s: string): Script {
  let found: Script | undefined;
  for (const ch of s) {
    const script = letterScript(ch);
    if (script === undefined) continue;
    if (found === undefined) found = script;
    else if (found !== script) return 'mixed';
  }
  return found ?? 'other';
}

/** The script of one character, or undefined when it is not a letter. */
export function letterScript(ch: string): Exclude<Script, 'mixed'> | undefined {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 'latin' : undefined;
  if (isHangulCode(c)) return 'hangul';
  if (isHanCode(c)) return 'han';
  if (!LETTER.test(ch)) return undefined;
  if (LATIN.test(ch)) return 'latin';
  if (CYRILLIC.test(ch)) return 'cyrillic';
  if (GREEK.test(ch)) return 'greek';
  if (ARABIC.test(ch)) return 'arabic';
  return 'other';
}

const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;
const GREEK = /^\p{Script=Greek}$/u;
const ARABIC = /^\p{Script=Arabic}$/u;
const MARK = /^\p{M}$/u;

function isHangulCode(c: number): boolean {
  return (
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3131 && c <= 0x318e) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff)
  );
}

function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x20000 && c <= 0x3134f) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3005 ||
    c === 0x3007
  );
}

function isCombiningMark(ch: string): boolean {
  return MARK.test(ch);
}

function caseFold(s: string): string {
  // toLowerCase plus the full case-folding pairs that matter for names.
  return s.toLowerCase().replace(/ς/g, 'σ').replace(/ß/g, 'ss').replace(/ẞ/g, 'ss');
}

// Letters that do not decompose under NFD but have an obvious ASCII reading.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'k',
  ß: 'ss',
};

const latinFoldCache = new Map<string, string | null>();

/** ASCII fold of one Latin letter, or undefined for anything that is not a Latin letter. */
function foldLatin(ch: string): string | undefined {
  const cached = latinFoldCache.get(ch);
  if (cached !== undefined) return cached ?? undefined;
  let result: string | null = null;
  if (LATIN.test(ch)) {
    const special = ownValue(LATIN_SPECIAL, ch);
    if (special !== undefined) result = special;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      result = /^[a-z]+$/.test(base) ? base : ch;
    }
  }
  latinFoldCache.set(ch, result);
  return result ?? undefined;
}
