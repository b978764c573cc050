/**
 * Person names: which tokens are the family name, and the forms a name can be compared in.
 *
 * Orders: OFAC writes `FAMILY, Given Given`; the UN DPRK entries and Korean/Chinese names put
 * the family name first; Western order puts it last. In 'auto' mode a comma means OFAC order,
 * Hangul and Han names are family-first, an all-capitals word among mixed-case ones is the
 * family name (`KIM Jong Un`, `Jong Un KIM`), and a Latin name that reads as Korean takes the
 * family name from the end that holds a Korean family name (the start when both do:
 * `Han Jang Su` and `Chang-Su Han` are both read both ways by `personNameKeys`).
 */
import anyAscii from 'any-ascii';
import { comparisonText, detectScript, repairSpacedApostrophes, tokenise } from './normalise.js';
import { applyInitialSoundRule, ROMANISATION_SCHEMES, romaniseName, splitHangulName } from './hangul.js';
import { isLikelyKoreanName, koreanSyllableKey, splitKoreanGivenName, surnameFamily } from './korean-variants.js';
import { hangulSurnameFamily } from './korean-surnames.js';
import { chineseNameForms, chineseNameParts } from './chinese.js';
import { hanjaNameToHangul } from './hanja.js';

export type NameOrder = 'auto' | 'surname-comma' | 'family-first' | 'western';

export interface PersonNameParts {
  /** Family-name tokens, when the order is known. */
  family?: string[];
  given: string[];
  /** All comparison tokens in written order. */
  tokens: string[];
}

/**
 * Tags the parts of a person name. Tokens are in comparison form (lower case, apostrophes and
 * diacritics folded); Hangul and Han names keep their script (family name and given name as
 * two tokens).
 *
 * @example
 * parsePersonName('RI, U’n-so’ng'); // { family: ['ri'], given: ['un', 'song'], tokens: ['ri', 'un', 'song'] }
 * parsePersonName('Chang-Su Han', 'western'); // { family: ['han'], given: ['chang', 'su'], … }
 * parsePersonName('김정은'); // { family: ['김'], given: ['정은'], tokens: ['김', '정은'] }
 */
export function parsePersonName(name: string, order: NameOrder = 'auto'): PersonNameParts {
  return parseCandidates(name, order)[0] ?? { given: [], tokens: [] };
}

/** Every plausible reading of the name's order (more than one only when 'auto' cannot tell). */
function parseCandidates(name: string, order: NameOrder): PersonNameParts[] {
  const raw = repairSpacedApostrophes(name.trim());
  const comma = raw.indexOf(',');
  if (order === 'surname-comma' || (order === 'auto' && comma >= 0)) {
    if (comma >= 0) {
      const family = tokenise(raw.slice(0, comma));
      const given = tokenise(raw.slice(comma + 1));
      return [{ ...(family.length ? { family } : {}), given, tokens: [...family, ...given] }];
    }
  }
  const script = detectScript(raw);
  if (script === 'hangul') {
    const parts = splitHangulName(raw.replace(/[^\p{L}\s]/gu, ' '));
    if (parts) {
      const given = parts.given.length ? [parts.given.join('')] : [];
      return [{ family: [parts.family], given, tokens: [parts.family, ...given] }];
    }
  }
  if (script === 'han') {
    const parts = chineseNameParts(raw);
    if (parts) {
      const given = parts.givenHan ? [parts.givenHan] : [];
      return [{ family: [parts.familyHan], given, tokens: [parts.familyHan, ...given] }];
    }
  }
  const tokens = tokenise(raw);
  if (tokens.length === 0) return [{ given: [], tokens }];
  const familyFirst = (): PersonNameParts => ({ family: tokens.slice(0, 1), given: tokens.slice(1), tokens });
  const familyLast = (): PersonNameParts => ({ family: tokens.slice(-1), given: tokens.slice(0, -1), tokens });
  if (tokens.length === 1) return [{ given: tokens, tokens }];
  if (order === 'family-first') return [familyFirst()];
  if (order === 'western') return [familyLast()];
  const capitals = capitalisedFamily(raw);
  if (capitals === 'first') return [familyFirst()];
  if (capitals === 'last') return [familyLast()];
  if (isLikelyKoreanName(tokens)) {
    const first = surnameFamily(tokens[0] ?? '') !== null;
    const last = surnameFamily(tokens[tokens.length - 1] ?? '') !== null;
    if (first && last) return [familyFirst(), familyLast()];
    return [last && !first ? familyLast() : familyFirst()];
  }
  return [{ given: tokens, tokens }];
}

/** 'first'/'last' when exactly the first or last word is written in capitals and the others are not. */
function capitalisedFamily(raw: string): 'first' | 'last' | undefined {
  const words = raw.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return undefined;
  const isCaps = (w: string): boolean => /\p{Lu}.*\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
  const caps = words.map(isCaps);
  const count = caps.filter(Boolean).length;
  if (count !== 1) return undefined;
  if (caps[0]) return 'first';
  if (caps[caps.length - 1]) return 'last';
  return undefined;
}

/**
 * Splits `Jin Tiesan (金铁三)` into ['Jin Tiesan', '金铁三']: a parenthesised part of a listed
 * name is another writing of it.
 *
 * @example
 * splitParentheticals('Jin Tiesan (金铁三)'); // ['Jin Tiesan', '金铁三']
 */
export function splitParentheticals(name: string): string[] {
  const inner: string[] = [];
  const outer = name.replace(/[(（]([^()（）]*)[)）]/g, (_m, content: string) => {
    inner.push(content);
    return ' ';
  });
  return [outer, ...inner].map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

interface NameReading {
  family?: string;
  given: string[];
  /** Korean family id when the name reads as Korean. */
  koreanFamily?: string;
}

/** The readings of one name (no parentheses) as Latin family + given syllables/tokens. */
function readings(name: string, order: NameOrder): NameReading[] {
  const script = detectScript(name);
  if (script === 'hangul') return hangulReadings(name);
  if (script === 'han') {
    const out: NameReading[] = [];
    const parts = chineseNameParts(name);
    if (parts) out.push({ family: parts.family.join(''), given: [parts.given.join('')] });
    const korean = hanjaNameToHangul(name);
    if (korean) out.push(...hangulReadings(korean));
    return out;
  }
  const latin = script === 'latin' || script === 'mixed' ? name : anyAscii(name);
  return parseCandidates(latin, order).map((parts) => latinReading(parts));
}

function latinReading(parts: PersonNameParts): NameReading {
  if (!parts.family) return { given: parts.given };
  const family = parts.family.join(' ');
  const korean = isLikelyKoreanName([parts.family.join(''), ...parts.given]);
  const koreanFamily = korean ? (surnameFamily(parts.family.join('')) ?? undefined) : undefined;
  if (!koreanFamily) return { family, given: parts.given };
  const syllables = parts.given.flatMap((token) => splitKoreanGivenName(token) ?? [token]);
  return { family, given: syllables, koreanFamily };
}

function hangulReadings(name: string): NameReading[] {
  const parts = splitHangulName(name);
  if (!parts) return [];
  const koreanFamily = hangulSurnameFamily(parts.family) ?? undefined;
  const spellings = new Set([name.replace(/\s+/g, '')]);
  // The Southern spelling of the family name and of the given name's first syllable.
  spellings.add(applyInitialSoundRule(parts.family) + applyInitialSoundRule(parts.given.join('')));
  const out: NameReading[] = [];
  for (const spelling of spellings) {
    for (const scheme of ROMANISATION_SCHEMES) {
      const romanised = romaniseName(spelling, scheme);
      if (!romanised) continue;
      out.push({
        family: comparisonText(romanised.family),
        given: romanised.given.map(comparisonText),
        ...(koreanFamily ? { koreanFamily } : {}),
      });
    }
  }
  return out;
}

/**
 * The comparable forms of a person name (comparison text): family name first and last, given
 * names separate and joined (`kim jong un`, `jong un kim`, `kim jongun`, `jongun kim`),
 * joined Korean given names split, Hangul romanised in every scheme (North and South
 * spellings), Han in pinyin, Wade–Giles and its Sino-Korean reading, other scripts via any-ascii.
 *
 * @example
 * personNameForms('KIM, Jong Un'); // ['kim jong un', 'jong un kim', 'kim jongun', 'jongun kim']
 */
export function personNameForms(name: string, order: NameOrder = 'auto'): string[] {
  const forms = new Set<string>();
  for (const part of splitParentheticals(name)) {
    if (detectScript(part) === 'han') for (const form of chineseNameForms(part)) forms.add(form);
    for (const reading of readings(part, order)) {
      for (const form of readingForms(reading)) forms.add(form);
    }
  }
  return [...forms];
}

function readingForms(reading: NameReading): string[] {
  const given = reading.given.filter(Boolean);
  if (reading.family === undefined) {
    const text = given.join(' ');
    return text ? [text] : [];
  }
  const family = reading.family;
  const separate = given.join(' ');
  const forms = [[family, separate], [separate, family]];
  if (given.length > 1 && reading.koreanFamily !== undefined) {
    const joined = given.join('');
    forms.push([family, joined], [joined, family]);
  }
  return forms.map((f) => f.filter(Boolean).join(' ')).filter(Boolean);
}

/**
 * Order- and spelling-insensitive keys of a person name; two names that share a key are
 * spellings of the same name. Korean names key as family id + given-syllable keys
 * (`k:김|CONG ON` for Kim Jong Un, 김정은, Gim Jeong-eun, KIM, Jong-un); other names as their
 * sorted comparison tokens (`t:jin tiesan`).
 *
 * @example
 * personNameKeys('MIN BYONG CHOL').some((k) => personNameKeys('Min Pyo’ng-ch’o’l').includes(k)); // true
 */
export function personNameKeys(name: string, order: NameOrder = 'auto'): string[] {
  const keys = new Set<string>();
  for (const part of splitParentheticals(name)) {
    for (const reading of readings(part, order)) {
      if (reading.koreanFamily !== undefined) {
        keys.add(`k:${reading.koreanFamily}|${reading.given.map(koreanSyllableKey).join(' ')}`);
      } else {
        const tokens = [reading.family ?? '', ...reading.given].flatMap((t) => t.split(' ')).filter(Boolean);
        if (tokens.length) keys.add(`t:${tokens.sort().join(' ')}`);
      }
    }
  }
  return [...keys];
}
