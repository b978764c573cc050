/**
 * A fast path of `parsePersonName` (src/names/name-parts.ts) for names written in printable
 * ASCII — nine in ten listed names. The index reads some 50,000 names at build time and this is
 * where the time went: the general path runs Unicode normalisation (NFKC, case folding, script
 * detection) that ASCII text does not need. The result is the same as `parsePersonName(name,
 * 'auto')`, which a property test checks on random ASCII and on every name of the real lists;
 * anything else falls back to it.
 */
import { isLikelyKoreanName, parsePersonName, repairSpacedApostrophes, surnameFamily, type PersonNameParts } from '../names/index.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SPACED_APOSTROPHE = /([A-Za-z])'\s+(?=[a-z])/g;
const DASHES = /[-_]/g;
const NOT_NAME_CHAR = /[^a-z0-9'\s]/g;
const STRAY_APOSTROPHE = /(^|[^a-z'])'+|'{2,}/g;
const WHITESPACE = /\s+/g;

/**
 * `tokenise` for printable-ASCII text, or null when the text is not printable ASCII.
 *
 * @example
 * asciiTokens("CHANG, Myo' ng-ch'o' l"); // ['chang', 'myong', 'chol']
 */
export function asciiTokens(s: string): string[] | null {
  if (!PRINTABLE_ASCII.test(s)) return null;
  let t = s.replace(/`/g, "'").replace(SPACED_APOSTROPHE, "$1'").toLowerCase();
  t = t.replace(DASHES, ' ').replace(NOT_NAME_CHAR, ' ');
  t = t.replace(STRAY_APOSTROPHE, (m: string, before: string | undefined) => (before === undefined ? "'" : `${before} `));
  t = t.replace(/'/g, '').replace(WHITESPACE, ' ').trim();
  return t ? t.split(' ') : [];
}

/**
 * `parsePersonName(name, 'auto')`, fast for printable ASCII.
 *
 * @example
 * parseLatinPersonName('RI, U’n-so’ng'); // (not ASCII: the general path) { family: ['ri'], given: ['un', 'song'], … }
 * parseLatinPersonName('KIM Jong Un'); // { family: ['kim'], given: ['jong', 'un'], tokens: ['kim', 'jong', 'un'] }
 */
export function parseLatinPersonName(name: string): PersonNameParts {
  const raw = repairSpacedApostrophes(name.trim());
  if (!PRINTABLE_ASCII.test(raw)) return parsePersonName(name, 'auto');
  const comma = raw.indexOf(',');
  if (comma >= 0) {
    const family = asciiTokens(raw.slice(0, comma)) ?? [];
    const given = asciiTokens(raw.slice(comma + 1)) ?? [];
    return { ...(family.length ? { family } : {}), given, tokens: [...family, ...given] };
  }
  const tokens = asciiTokens(raw) ?? [];
  if (tokens.length === 0) return { given: [], tokens };
  if (tokens.length === 1) return { given: tokens, tokens };
  const familyFirst = (): PersonNameParts => ({ family: tokens.slice(0, 1), given: tokens.slice(1), tokens });
  const familyLast = (): PersonNameParts => ({ family: tokens.slice(-1), given: tokens.slice(0, -1), tokens });
  const capitals = capitalisedFamily(raw);
  if (capitals === 'first') return familyFirst();
  if (capitals === 'last') return familyLast();
  const first = surnameFamily(tokens[0] ?? '') !== null;
  const last = surnameFamily(tokens[tokens.length - 1] ?? '') !== null;
  if ((first || last) && isLikelyKoreanName(tokens)) return last && !first ? familyLast() : familyFirst();
  return { given: tokens, tokens };
}

function capitalisedFamily(raw: string): 'first' | 'last' | undefined {
  const words = raw.split(/[\s-]+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length < 2) return undefined;
  let count = 0;
  let firstCaps = false;
  let lastCaps = false;
  words.forEach((w, i) => {
    const caps = /[A-Z].*[A-Z]/.test(w) && !/[a-z]/.test(w);
    if (!caps) return;
    count++;
    if (i === 0) firstCaps = true;
    if (i === words.length - 1) lastCaps = true;
  });
  if (count !== 1) return undefined;
  if (firstCaps) return 'first';
  if (lastCaps) return 'last';
  return undefined;
}
