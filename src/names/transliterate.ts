/**
 * Any script to Latin, per script run: Hangul → the DPRK scheme (the spelling on UN/OFAC DPRK
 * listings; RR and MR on request), Han → pinyin, everything else (Cyrillic, Greek, Arabic …) →
 * any-ascii. Latin text is left as it is.
 */
import anyAscii from 'any-ascii';
import { letterScript } from './normalise.js';
import { isHangulSyllable, romaniseName, romaniseWord, splitHangulName, type RomanisationScheme } from './hangul.js';
import { hangulSurnameFamily } from './korean-surnames.js';
import { chineseNameParts, hanToPinyin } from './chinese.js';

export interface ToLatinOptions {
  /** Romanisation scheme for Hangul (default 'dprk'). */
  hangulScheme?: RomanisationScheme;
  /**
   * Read Hangul and Han text as a personal name (family name first, DPRK given syllables
   * separate). 'auto' (default) does so when the whole input is a short Hangul or Han name that
   * starts with a known family name (Hangul) or is 2–4 characters (Han).
   */
  personName?: boolean | 'auto';
}

/**
 * Transliterates `s` to Latin letters.
 *
 * @example
 * toLatin('김정은'); // 'Kim Jong Un'
 * toLatin('金铁三'); // 'Jin Tiesan'
 * toLatin('КУЗЬМЕНКО'); // "KUZ'MENKO"
 * toLatin('조선광선은행', { personName: false }); // 'Josongwangsonunhaeng'
 * toLatin('김정은 (金正恩)'); // 'Kim Jong Un (Jin Zhengen)'
 */
export function toLatin(s: string, options: ToLatinOptions = {}): string {
  // A parenthesised part is another writing of the name (`김정은 (金正恩)`): transliterate each
  // part on its own so that each can be read as a name.
  if (/[(（][^()（）]*[)）]/.test(s)) {
    return s
      .split(/([(（][^()（）]*[)）])/)
      .map((piece) => {
        const inner = /^[(（]([^()（）]*)[)）]$/.exec(piece);
        if (inner) return `(${toLatinPart(inner[1] ?? '', options)})`;
        const m = /^(\s*)(.*?)(\s*)$/su.exec(piece);
        return (m?.[1] ?? '') + toLatinPart(m?.[2] ?? '', options) + (m?.[3] ?? '');
      })
      .join('');
  }
  return toLatinPart(s, options);
}

function toLatinPart(s: string, options: ToLatinOptions): string {
  const scheme = options.hangulScheme ?? 'dprk';
  const personName = options.personName ?? 'auto';
  const trimmed = s.trim();
  if ((personName === true || personName === 'auto') && isAllHangul(trimmed)) {
    if (personName === true || looksLikeHangulPersonName(trimmed)) {
      const name = romaniseName(trimmed, scheme);
      if (name) return name.text;
    }
  }
  if ((personName === true || personName === 'auto') && isAllHan(trimmed)) {
    const length = [...trimmed.replace(/\s/g, '')].length;
    if (personName === true || (length >= 2 && length <= 4)) {
      const parts = chineseNameParts(trimmed);
      if (parts) return [capitalise(parts.family.join('')), capitalise(parts.given.join(''))].filter(Boolean).join(' ');
    }
  }
  return runs(s)
    .map(({ script, text }) => {
      if (script === 'hangul') return capitalise(romaniseWord(text, scheme));
      if (script === 'han') return hanToPinyin(text, false).map(capitalise).join(' ');
      if (script === 'latin') return text;
      return anyAscii(text);
    })
    .join('');
}

export interface HangulRomanisations {
  rr: string;
  mr: string;
  mrAscii: string;
  dprk: string;
}

/**
 * A Hangul name or word in all three schemes (MR also in its ASCII form, as OFAC writes it).
 *
 * @example
 * hangulRomanisations('리병철'); // { rr: 'Ri Byeongcheol', mr: "Ri Pyŏng-ch'ŏl", mrAscii: "Ri Pyo'ng-ch'o'l", dprk: 'Ri Pyong Chol' }
 */
export function hangulRomanisations(s: string, options: Pick<ToLatinOptions, 'personName'> = {}): HangulRomanisations {
  const romanise = (scheme: RomanisationScheme): string => toLatin(s, { ...options, hangulScheme: scheme });
  return { rr: romanise('rr'), mr: romanise('mr'), mrAscii: romanise('mr-ascii'), dprk: romanise('dprk') };
}

/** True when the text is a Hangul personal name: 2–5 syllables, starting with a known family name. */
export function looksLikeHangulPersonName(s: string): boolean {
  const parts = splitHangulName(s);
  if (!parts) return false;
  const length = parts.family.length + parts.given.length;
  return length >= 2 && length <= 5 && s.trim().split(/\s+/).length <= 3 && hangulSurnameFamily(parts.family) !== null;
}

type RunScript = 'hangul' | 'han' | 'latin' | 'other';

/** Splits text into runs of one script; spaces and punctuation join the run they follow. */
function runs(s: string): { script: RunScript; text: string }[] {
  const out: { script: RunScript; text: string }[] = [];
  for (const ch of s) {
    const letter = letterScript(ch);
    const script: RunScript | undefined =
      letter === undefined ? undefined : letter === 'hangul' || letter === 'han' || letter === 'latin' ? letter : 'other';
    const last = out[out.length - 1];
    if (last && (script === undefined || script === last.script)) last.text += ch;
    else if (script === undefined) out.push({ script: 'latin', text: ch });
    else out.push({ script, text: ch });
  }
  // Separators copied into a Hangul/Han run stay outside the romanised word.
  return out.flatMap((run) => {
    if (run.script !== 'hangul' && run.script !== 'han') return [run];
    const m = /^(.*?)([^\p{L}]*)$/u.exec(run.text);
    const body = m?.[1] ?? run.text;
    const tail = m?.[2] ?? '';
    const pieces: { script: RunScript; text: string }[] = [];
    for (const word of body.split(/(\s+)/)) {
      if (!word) continue;
      pieces.push(/^\s+$/.test(word) ? { script: 'latin', text: word } : { script: run.script, text: word });
    }
    if (tail) pieces.push({ script: 'latin', text: tail });
    return pieces;
  });
}

function isAllHangul(s: string): boolean {
  const letters = [...s].filter((ch) => !/\s/.test(ch));
  return letters.length > 0 && letters.every(isHangulSyllable);
}

function isAllHan(s: string): boolean {
  const letters = [...s].filter((ch) => !/\s/.test(ch));
  return letters.length > 0 && letters.every((ch) => letterScript(ch) === 'han');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
