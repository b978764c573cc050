/**
 * Chinese (Han) names to Latin: Hanyu Pinyin through pinyin-pro (surname-aware readings,
 * no tones), split into family and given name, in the forms lists use — given-name syllables
 * joined (Jin Tiesan) or separate (Jin Tie San), either order — plus Wade–Giles (Chin T'ieh-san,
 * Mao Tse-tung), which Taiwanese and older Western records use.
 *
 * Not covered: Cantonese/Hong Kong spellings (Lui Wai Ming, Tsang) — no cheap table exists;
 * they stay unmatched to pinyin. Sino-Korean readings of the same characters are in hanja.ts.
 */
import { pinyin } from 'pinyin-pro';
import { ownValue } from '../common/own.js';
import { comparisonText, letterScript } from './normalise.js';

/** Chinese two-character family names (simplified and traditional forms). */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '尉迟', '尉遲',
  '公孙', '公孫', '慕容', '令狐', '长孙', '長孫', '宇文', '司徒', '司空', '夏侯', '轩辕', '軒轅',
  '端木', '南宫', '南宮', '独孤', '獨孤', '西门', '西門', '鲜于', '鮮于', '澹台', '澹臺', '呼延',
  '百里', '太史', '闻人', '聞人', '万俟', '萬俟', '申屠', '钟离', '鍾離', '赫连', '赫連', '拓跋',
]);

/** True for a Han (CJK ideograph) character. */
export function isHanChar(ch: string): boolean {
  return letterScript(ch) === 'han';
}

/**
 * Pinyin syllables (lower case, no tones) of the Han characters in `text`; other characters
 * are skipped. `surnameFirst` reads the first character(s) with surname readings
 * (曾 Zeng, 单 Shan, 解 Xie).
 *
 * @example
 * hanToPinyin('金铁三'); // ['jin', 'tie', 'san']
 */
export function hanToPinyin(text: string, surnameFirst = true): string[] {
  const han = [...text].filter(isHanChar).join('');
  if (!han) return [];
  const syllables = pinyin(han, {
    toneType: 'none',
    type: 'array',
    nonZh: 'removed',
    ...(surnameFirst ? { mode: 'surname' as const, surname: 'head' as const } : {}),
  });
  return syllables.map((s) => s.toLowerCase()).filter(Boolean);
}

export interface ChineseNameParts {
  familyHan: string;
  givenHan: string;
  /** Pinyin syllables of the family name, e.g. ['ou', 'yang']. */
  family: string[];
  /** Pinyin syllables of the given name, e.g. ['tie', 'san']. */
  given: string[];
}

/**
 * Splits a Han personal name (family name first, as Chinese and Korean names are written) and
 * reads it in pinyin. Returns null when the name has no Han characters.
 *
 * @example
 * chineseNameParts('金铁三'); // { familyHan: '金', givenHan: '铁三', family: ['jin'], given: ['tie', 'san'] }
 */
export function chineseNameParts(name: string): ChineseNameParts | null {
  const han = [...name].filter(isHanChar);
  if (han.length === 0) return null;
  const familyLength = han.length >= 3 && COMPOUND_SURNAMES.has(han.slice(0, 2).join('')) ? 2 : 1;
  const syllables = hanToPinyin(han.join(''));
  if (syllables.length !== han.length) return null;
  return {
    familyHan: han.slice(0, familyLength).join(''),
    givenHan: han.slice(familyLength).join(''),
    family: syllables.slice(0, familyLength),
    given: syllables.slice(familyLength),
  };
}

/**
 * Comparison forms of a Han personal name: pinyin with the given name joined and separate, in
 * both orders, and the Wade–Giles equivalents. ü is written u and yu (Lü → Lu, Lyu).
 *
 * @example
 * chineseNameForms('金铁三'); // includes 'jin tiesan', 'jin tie san', 'tiesan jin', 'chin tieh san'
 */
export function chineseNameForms(name: string): string[] {
  const parts = chineseNameParts(name);
  if (!parts) return [];
  const forms = new Set<string>();
  const addForms = (family: string[], given: string[]): void => {
    const familyText = family.join('');
    const joined = given.join('');
    const separate = given.join(' ');
    for (const form of [
      [familyText, joined],
      [familyText, separate],
      [joined, familyText],
      [separate, familyText],
    ]) {
      const text = comparisonText(form.filter(Boolean).join(' '));
      if (text) forms.add(text);
    }
  };
  for (const spell of [(s: string) => s.replace(/ü/g, 'u'), (s: string) => s.replace(/ü/g, 'yu')]) {
    addForms(parts.family.map(spell), parts.given.map(spell));
  }
  addForms(parts.family.map(pinyinToWadeGiles), parts.given.map(pinyinToWadeGiles));
  return [...forms];
}

const WG_INITIALS: ReadonlyArray<[string, string]> = [
  ['zh', 'ch'], ['ch', "ch'"], ['sh', 'sh'], ['b', 'p'], ['p', "p'"], ['d', 't'], ['t', "t'"],
  ['g', 'k'], ['k', "k'"], ['j', 'ch'], ['q', "ch'"], ['x', 'hs'], ['z', 'ts'], ['c', "ts'"], ['r', 'j'],
  ['m', 'm'], ['f', 'f'], ['n', 'n'], ['l', 'l'], ['h', 'h'], ['s', 's'], ['y', 'y'], ['w', 'w'],
];

/**
 * Converts one toneless pinyin syllable to Wade–Giles (with aspiration apostrophes).
 * Covers the regular correspondences (b→p, p→p', zh→ch, x→hs, z→ts, -ong→-ung, -ian→-ien,
 * -ie→-ieh, zhi→chih, si→ssu, ge→ko, guo→kuo, ü after j/q/x/y); unknown input is returned as is.
 *
 * @example
 * pinyinToWadeGiles('zhi'); // 'chih'
 * pinyinToWadeGiles('dong'); // 'tung'
 * pinyinToWadeGiles('gen'); // 'ken'
 */
export function pinyinToWadeGiles(syllable: string): string {
  const s = syllable.toLowerCase().replace(/v/g, 'ü');
  const special = ownValue(WG_WHOLE, s);
  if (special !== undefined) return special;
  const entry = WG_INITIALS.find(([py]) => s.startsWith(py));
  const pyInitial = entry?.[0] ?? '';
  const wgInitial = entry?.[1] ?? '';
  let final = s.slice(pyInitial.length);
  if (['zh', 'ch', 'sh', 'r'].includes(pyInitial) && final === 'i') final = 'ih';
  else if (['j', 'q', 'x', 'y'].includes(pyInitial) && final.startsWith('u')) final = 'ü' + final.slice(1);
  if (pyInitial === 'y' && final === 'i') return 'i';
  if (pyInitial === 'y' && final === 'ou') return 'yu';
  final = final
    .replace(/^iong$/, 'iung')
    .replace(/^ong$/, 'ung')
    .replace(/^ian$/, 'ien')
    .replace(/^an$/, pyInitial === 'y' ? 'en' : 'an')
    .replace(/^ie$/, 'ieh')
    .replace(/^üe$/, 'üeh')
    .replace(/^e$/, pyInitial === 'y' ? 'eh' : ['g', 'k', 'h', ''].includes(pyInitial) ? 'o' : 'e')
    .replace(/^uo$/, ['g', 'k', 'h', 'sh'].includes(pyInitial) ? 'uo' : 'o')
    .replace(/^ui$/, ['g', 'k'].includes(pyInitial) ? 'uei' : 'ui');
  return wgInitial + final;
}

const WG_WHOLE: Readonly<Record<string, string>> = {
  zi: 'tzu',
  ci: "tz'u",
  si: 'ssu',
  er: 'erh',
  e: 'o',
  ri: 'jih',
};
