/**
 * A name as the scorer compares it: one or more Latin "readings" of interned tokens, each with
 * its weights and tags. A Latin person name has one reading (family name tagged when the order
 * is known; Korean given names split into syllables); Hangul gets one per romanisation scheme
 * (DPRK, McCune–Reischauer, Revised) and per North/South spelling; Han gets pinyin,
 * Wade–Giles and, through the hanja table, the Korean readings; parenthesised parts
 * (`Jin Tiesan (金铁三)`) are read on their own. Organisation names drop legal forms and mark
 * generic words, so that "CORP" or "Trading Co." cannot carry a match.
 */
import anyAscii from 'any-ascii';
import { ownValue } from '../common/own.js';
import {
  applyInitialSoundRule,
  chineseNameParts,
  comparisonText,
  detectScript,
  hangulSurnameFamily,
  hanjaNameToHangul,
  isLikelyKoreanName,
  orgNameCore,
  pinyinToWadeGiles,
  romaniseName,
  splitHangulName,
  splitKoreanGivenName,
  splitParentheticals,
  surnameFamily,
  toLatin,
  tokenise,
  type RomanisationScheme,
} from '../names/index.js';
import { parseLatinPersonName } from './latin-person-name.js';
import type { TokenTable } from './token-table.js';

export type NameKind = 'person' | 'org' | 'object';

export interface NameReading {
  /** The name as listed or queried. */
  name: string;
  /** The Latin form compared (tokens joined by spaces), e.g. `kim jong un` for 김정은. */
  form: string;
  /** How the form was obtained when the name was not Latin, e.g. `Hangul romanised (DPRK scheme)`. */
  via: string | null;
  /** Interned token ids. */
  tokens: readonly number[];
  weights: readonly number[];
  /** 1 for family-name tokens (when the name order is known). */
  family: readonly number[];
  /** 1 for distinctive tokens: not an organisation's generic word, not a name particle. */
  core: readonly number[];
  /** The name reads as Korean (family name + given-name syllables). */
  korean: boolean;
  kind: NameKind;
  /** Tokens joined without spaces (spacing-insensitive comparison). */
  squashed: string;
  totalWeight: number;
  /** The organisation name has no distinctive token at all ("Korea Trading Corporation"). */
  genericOnly: boolean;
}

export const TOKEN_WEIGHTS = {
  family: 1.3,
  given: 1,
  particle: 0.3,
  initial: 0.5,
  orgGeneric: 0.4,
  orgStopword: 0.2,
} as const;

const MAX_TOKENS = 24;
const MAX_READINGS = 8;

const PERSON_PARTICLES = new Set([
  'bin', 'ben', 'ibn', 'bint', 'binti', 'ould', 'walad', 'al', 'el', 'ul', 'ol', 'van', 'von', 'der', 'den',
  'de', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'la', 'le',
]);
const DOUBLED_ARABIC_PARTICLES = new Set(['all', 'ell', 'binn', 'bbin', 'ibnn', 'abuu', 'aboo']);
const ORG_STOPWORDS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'des', 'du', 'la', 'le', 'les', 'et', 'und', 'y', 'a', 'an']);

const HANGUL_SCHEMES: readonly [RomanisationScheme, string][] = [
  ['dprk', 'DPRK scheme'],
  ['mr-ascii', 'McCune–Reischauer'],
  ['rr', 'Revised Romanization'],
];

interface RawToken {
  text: string;
  family?: boolean;
  role?: 'core' | 'generic' | 'stopword' | 'particle';
}

interface RawReading {
  tokens: RawToken[];
  via: string | null;
  korean: boolean;
}

/**
 * Reads a name for comparison.
 *
 * @example
 * const [r] = nameReadings('KIM, Jong-un', 'person', table);
 * r.form; // 'kim jong un' (family KIM tagged, weight 1.3)
 * nameReadings('김정은', 'person', table).map((r) => r.form); // ['kim jong un', 'kim chong un', 'gim jeong eun', …]
 */
export function nameReadings(name: string, kind: NameKind, table: TokenTable): NameReading[] {
  const raw: RawReading[] = [];
  const parts = splitParentheticals(name);
  for (const part of parts.length ? parts : [name]) {
    if (kind === 'person') raw.push(...personRawReadings(part));
    else if (kind === 'org') raw.push(...orgRawReadings(part));
    else raw.push(...objectRawReadings(part));
  }
  const seen = new Set<string>();
  const out: NameReading[] = [];
  for (const r of raw) {
    const tokens = r.tokens.filter((t) => t.text.length > 0).slice(0, MAX_TOKENS);
    if (tokens.length === 0) continue;
    const form = tokens.map((t) => t.text).join(' ');
    const key = `${form}|${tokens.map((t) => (t.family ? 'f' : t.role === 'core' || !t.role ? 'c' : 'g')).join('')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finish(name, form, r, tokens, kind, table));
    if (out.length >= MAX_READINGS) break;
  }
  return out;
}

function finish(name: string, form: string, r: RawReading, tokens: RawToken[], kind: NameKind, table: TokenTable): NameReading {
  const n = tokens.length;
  const ids: number[] = new Array<number>(n);
  const weights: number[] = new Array<number>(n);
  const family: number[] = new Array<number>(n);
  const core: number[] = new Array<number>(n);
  let total = 0;
  let anyCore = false;
  let anyGeneric = false;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as RawToken;
    ids[i] = table.intern(t.text);
    let w: number = TOKEN_WEIGHTS.given;
    if (t.role === 'generic') w = TOKEN_WEIGHTS.orgGeneric;
    else if (t.role === 'stopword') w = TOKEN_WEIGHTS.orgStopword;
    else if (t.role === 'particle') w = TOKEN_WEIGHTS.particle;
    else if (t.family) w = TOKEN_WEIGHTS.family;
    else if (t.text.length === 1 && !r.korean && /[a-z]/.test(t.text)) w = TOKEN_WEIGHTS.initial;
    weights[i] = w;
    family[i] = t.family ? 1 : 0;
    const isCore = t.role === undefined || t.role === 'core';
    core[i] = isCore ? 1 : 0;
    if (isCore) anyCore = true;
    if (t.role === 'generic') anyGeneric = true;
    total += w;
  }
  // join() gives a flat string: comparing concatenated (cons) strings flattens them every time.
  const squashed = tokens.map((t) => t.text).join('');
  return {
    name,
    form,
    via: r.via,
    tokens: ids,
    weights,
    family,
    core,
    korean: r.korean,
    kind,
    squashed,
    totalWeight: total,
    genericOnly: kind === 'org' && !anyCore && anyGeneric,
  };
}

// ---- persons ----

function personRawReadings(part: string): RawReading[] {
  const script = detectScript(part);
  if (script === 'hangul') {
    const readings = hangulRawReadings(part, null);
    if (readings.length) return readings;
  }
  if (script === 'han') {
    const readings = hanRawReadings(part);
    if (readings.length) return readings;
  }
  if (script === 'latin') return latinPersonReading(part, null);
  const latin = script === 'mixed' || script === 'hangul' || script === 'han' ? toLatin(part, { personName: false }) : anyAscii(part);
  return latinPersonReading(latin, `${script === 'mixed' ? 'mixed-script name' : scriptLabel(script)} transliterated`);
}

function latinPersonReading(text: string, via: string | null): RawReading[] {
  const parsed = parseLatinPersonName(text);
  const familySet = parsed.family ?? [];
  const first = parsed.tokens[0] ?? '';
  const last = parsed.tokens[parsed.tokens.length - 1] ?? '';
  const korean =
    familySet.length > 0 &&
    parsed.tokens.length <= 4 &&
    (surnameFamily(first) !== null || surnameFamily(last) !== null) &&
    isLikelyKoreanName(parsed.tokens);
  if (!parsed.family) return [{ tokens: parsed.tokens.map((t) => personToken(t, false)), via, korean }];
  const familyFirst = parsed.tokens[0] === familySet[0];
  return [koreanOrderedReading(familySet, parsed.given, familyFirst, korean, via)];
}

function koreanOrderedReading(family: readonly string[], given: readonly string[], familyFirst: boolean, korean: boolean, via: string | null): RawReading {
  const familyTokens: RawToken[] = family.map((t) => personToken(t, true));
  const givenTokens: RawToken[] = given.flatMap((t) => (korean ? (splitKoreanGivenName(t) ?? [t]) : [t]).map((s) => personToken(s, false)));
  return { tokens: familyFirst ? [...familyTokens, ...givenTokens] : [...givenTokens, ...familyTokens], via, korean };
}

function personToken(text: string, family: boolean): RawToken {
  if (PERSON_PARTICLES.has(text) || DOUBLED_ARABIC_PARTICLES.has(text)) return { text, role: 'particle' };
  return family ? { text, family: true } : { text };
}

function hangulRawReadings(part: string, via: string | null): RawReading[] {
  const compact = part.replace(/[^\p{L}\s]/gu, ' ').trim();
  const parts = splitHangulName(compact);
  if (!parts) return [];
  const korean = hangulSurnameFamily(parts.family) !== null;
  const spellings = new Set([parts.family + parts.given.join('')]);
  spellings.add(applyInitialSoundRule(parts.family) + applyInitialSoundRule(parts.given.join('')));
  const out: RawReading[] = [];
  for (const spelling of spellings) {
    for (const [scheme, label] of HANGUL_SCHEMES) {
      const romanised = romaniseName(spelling, scheme);
      if (!romanised) continue;
      const family = comparisonText(romanised.family).replace(/ /g, '');
      const given = romanised.given.map((g) => comparisonText(g).replace(/ /g, '')).filter(Boolean);
      const how = `Hangul ${spelling} romanised (${label}) as ${romanised.text}`;
      out.push({
        tokens: [{ text: family, family: true }, ...given.map((text) => ({ text }))],
        via: via ? `${via}, ${how}` : how,
        korean,
      });
    }
  }
  return out;
}

function hanRawReadings(part: string): RawReading[] {
  const out: RawReading[] = [];
  const han = [...part].filter((ch) => detectScript(ch) === 'han').join('');
  const parts = chineseNameParts(han);
  if (parts) {
    const family = parts.family.join('');
    const pinyinText = `${family} ${parts.given.join('')}`.trim();
    out.push({
      tokens: [{ text: family, family: true }, ...(parts.given.length ? [{ text: parts.given.join('') }] : [])],
      via: `Han ${han} read in pinyin as ${pinyinText}`,
      korean: false,
    });
    const wgFamily = comparisonText(parts.family.map(pinyinToWadeGiles).join(''));
    const wgGiven = parts.given.map((s) => comparisonText(pinyinToWadeGiles(s)));
    out.push({
      tokens: [{ text: wgFamily, family: true }, ...wgGiven.map((text) => ({ text }))],
      via: `Han ${han} read in Wade–Giles as ${[wgFamily, ...wgGiven].join(' ')}`,
      korean: false,
    });
  }
  const korean = hanjaNameToHangul(han);
  if (korean) out.push(...hangulRawReadings(korean, `Han ${han} read as Korean hanja ${korean}`));
  return out;
}

// ---- organisations and objects ----

function orgRawReadings(part: string): RawReading[] {
  const org = orgNameCore(part);
  const script = detectScript(part);
  const via = script === 'latin' ? null : `${scriptLabel(script)} transliterated`;
  const coreLeft = countOf(org.core);
  const genericLeft = countOf(org.generic);
  const tokens: RawToken[] = [];
  for (const token of org.tokens) {
    let role: RawToken['role'] | 'legal';
    if (take(coreLeft, token)) role = 'core';
    else if (take(genericLeft, token)) role = ORG_STOPWORDS.has(token) ? 'stopword' : 'generic';
    else role = 'legal';
    if (role === 'legal') continue;
    for (const latin of latinTokens(token)) tokens.push({ text: latin, role });
  }
  // A CJK name whose legal form and generic words were stripped as suffixes: its generic words
  // are not in `tokens`, keep them as generic so that the name still has something to compare.
  if (tokens.length === 0 && org.generic.length) {
    for (const g of org.generic) for (const latin of latinTokens(g)) tokens.push({ text: latin, role: 'generic' });
  }
  return [{ tokens, via, korean: false }];
}

function objectRawReadings(part: string): RawReading[] {
  const script = detectScript(part);
  const via = script === 'latin' ? null : `${scriptLabel(script)} transliterated`;
  const tokens = tokenise(part).flatMap(latinTokens).map((text) => ({ text }));
  return [{ tokens, via, korean: false }];
}

function latinTokens(token: string): string[] {
  if (/^[a-z0-9]+$/.test(token)) return [token];
  const script = detectScript(token);
  const latin = script === 'latin' || script === 'other' ? token : toLatin(token, { personName: false });
  return tokenise(anyAscii(latin));
}

function countOf(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function take(counts: Map<string, number>, token: string): boolean {
  const n = counts.get(token) ?? 0;
  if (n <= 0) return false;
  counts.set(token, n - 1);
  return true;
}

function scriptLabel(script: string): string {
  const labels: Record<string, string> = {
    hangul: 'Hangul',
    han: 'Han',
    cyrillic: 'Cyrillic',
    greek: 'Greek',
    arabic: 'Arabic',
    other: 'non-Latin',
    mixed: 'mixed-script',
  };
  return ownValue(labels, script) ?? script;
}
