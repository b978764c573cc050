/**
 * Korean family names and the spellings each is found under, North and South.
 *
 * A family is identified by its Northern Hangul spelling (리, not 이): the North keeps the
 * initial ㄹ/ㄴ that the South drops (두음법칙), so 리/이 (Ri, Lee, Yi …), 류/유, 림/임, 로/노,
 * 량/양, 렴/염, 라/나 are one family each. Spellings come from two sources:
 * - generated: every Hangul form (North and South) romanised in RR, MR (ASCII, apostrophes
 *   dropped) and the DPRK scheme, with hangul.ts;
 * - listed: the customary spellings found on passports, in the press and on the sanctions lists
 *   (Lee, Rhee, Park, Bahk, Choi, Chwe, Chung, Joung, Kweon, Yoo, Lim, Roh, Jeon, Chun, Yoon, Oh,
 *   Shin …), after domain-screening.md §9 and the UN/OFAC DPRK entries.
 * Where two families share a spelling (전/천 Chon, 송/성 Song) the more frequent family, declared
 * first, owns it; `surnameFamilies` returns all of them.
 */
import { memoise } from './memo.js';
import { comparisonText } from './normalise.js';
import { applyInitialSoundRule, ROMANISATION_SCHEMES, romaniseWord } from './hangul.js';

const foldToken = memoise((token: string): string => comparisonText(token).replace(/ /g, ''));

interface SurnameFamilyEntry {
  /** Hangul spellings; the first is the Northern form and the family id. */
  hangul: string[];
  /** Customary Latin spellings beyond the generated scheme forms. */
  spellings: string[];
}

// Declaration order = priority when a spelling is shared.
const FAMILIES: readonly SurnameFamilyEntry[] = [
  { hangul: ['김'], spellings: ['kim', 'gim', 'ghim', 'kym', 'keem'] },
  { hangul: ['리'], spellings: ['ri', 'li', 'lee', 'yi', 'rhee', 'rhie', 'i', 'ye', 'ee', 'reeh', 'yie', 'yee', 'rhi', 'rih', 'lie'] },
  { hangul: ['박'], spellings: ['pak', 'park', 'bak', 'bahk', 'bark', 'pahk'] },
  { hangul: ['최'], spellings: ['choe', 'choi', 'chwe', 'choy'] },
  { hangul: ['정'], spellings: ['jong', 'jung', 'chung', 'jeong', 'chong', 'cheong', 'joung', 'jeung'] },
  { hangul: ['강'], spellings: ['kang', 'gang', 'kahng'] },
  { hangul: ['조'], spellings: ['jo', 'cho', 'joe'] },
  { hangul: ['윤'], spellings: ['yun', 'yoon', 'youn'] },
  { hangul: ['장'], spellings: ['jang', 'chang'] },
  { hangul: ['림'], spellings: ['rim', 'im', 'lim', 'yim', 'leem', 'rhim'] },
  { hangul: ['한'], spellings: ['han', 'hahn'] },
  { hangul: ['오'], spellings: ['o', 'oh'] },
  { hangul: ['서'], spellings: ['so', 'seo', 'suh'] },
  { hangul: ['신'], spellings: ['sin', 'shin'] },
  { hangul: ['권'], spellings: ['kwon', 'gwon', 'kweon', 'kwan', 'gweon', 'kwun'] },
  { hangul: ['황'], spellings: ['hwang', 'whang'] },
  { hangul: ['안'], spellings: ['an', 'ahn'] },
  { hangul: ['송'], spellings: ['song'] },
  { hangul: ['전'], spellings: ['jon', 'jeon', 'jun', 'chon', 'chun', 'jeun'] },
  { hangul: ['홍'], spellings: ['hong'] },
  { hangul: ['류'], spellings: ['ryu', 'yu', 'yoo', 'you', 'ryoo', 'rhyu', 'lyu'] },
  { hangul: ['고'], spellings: ['ko', 'go', 'koh', 'goh'] },
  { hangul: ['문'], spellings: ['mun', 'moon', 'moun'] },
  { hangul: ['량'], spellings: ['ryang', 'yang', 'lyang'] },
  { hangul: ['손'], spellings: ['son', 'sohn'] },
  { hangul: ['배'], spellings: ['pae', 'bae'] },
  { hangul: ['백'], spellings: ['paek', 'baek', 'paik', 'baik', 'back', 'beak'] },
  { hangul: ['허'], spellings: ['ho', 'heo', 'hur', 'huh'] },
  { hangul: ['로'], spellings: ['ro', 'no', 'roh', 'noh', 'rho'] },
  { hangul: ['남'], spellings: ['nam'] },
  { hangul: ['심'], spellings: ['sim', 'shim'] },
  { hangul: ['주'], spellings: ['ju', 'chu', 'joo', 'choo'] },
  { hangul: ['구'], spellings: ['ku', 'gu', 'koo', 'goo'] },
  { hangul: ['라'], spellings: ['ra', 'na', 'rah', 'nah'] },
  { hangul: ['민'], spellings: ['min'] },
  { hangul: ['현'], spellings: ['hyon', 'hyun', 'hyeon'] },
  { hangul: ['길'], spellings: ['kil', 'gil'] },
  { hangul: ['렴'], spellings: ['ryom', 'yom', 'yeom', 'yum', 'ryeom'] },
  { hangul: ['차'], spellings: ['cha'] },
  { hangul: ['채'], spellings: ['chae', 'chai'] },
  { hangul: ['지'], spellings: ['ji', 'chi', 'jee'] },
  { hangul: ['곽'], spellings: ['kwak', 'gwak'] },
  { hangul: ['방'], spellings: ['pang', 'bang'] },
  { hangul: ['우'], spellings: ['u', 'woo'] },
  { hangul: ['연'], spellings: ['yon', 'yeon'] },
  { hangul: ['계'], spellings: ['kye', 'gye'] },
  { hangul: ['탁'], spellings: ['tak', 'thak', 'tahk'] },
  { hangul: ['려'], spellings: ['ryo', 'yo', 'yeo', 'ryeo', 'yuh'] },
  { hangul: ['륙'], spellings: ['ryuk', 'yuk'] },
  { hangul: ['룡'], spellings: ['ryong', 'yong'] },
  { hangul: ['태'], spellings: ['thae', 'tae'] },
  { hangul: ['변'], spellings: ['pyon', 'byun', 'byeon', 'pyun'] },
  { hangul: ['천'], spellings: ['cheon', 'chon', 'chun'] },
  { hangul: ['도'], spellings: ['to', 'do', 'doh'] },
  { hangul: ['동'], spellings: ['tong', 'dong'] },
  { hangul: ['마'], spellings: ['ma'] },
  { hangul: ['공'], spellings: ['kong', 'gong'] },
  { hangul: ['함'], spellings: ['ham', 'hahm'] },
  { hangul: ['성'], spellings: ['song', 'sung', 'seong'] },
  { hangul: ['석'], spellings: ['sok', 'seok', 'suk'] },
  { hangul: ['기'], spellings: ['ki', 'gi', 'kee'] },
  { hangul: ['명'], spellings: ['myong', 'myung', 'myeong'] },
  { hangul: ['표'], spellings: ['pyo'] },
  { hangul: ['옥'], spellings: ['ok'] },
  { hangul: ['원'], spellings: ['won', 'weon'] },
  { hangul: ['경'], spellings: ['kyong', 'kyung', 'gyeong'] },
  { hangul: ['제'], spellings: ['je', 'che'] },
  { hangul: ['인'], spellings: ['in'] },
  { hangul: ['봉'], spellings: ['pong', 'bong'] },
  { hangul: ['진'], spellings: ['jin', 'chin'] },
  { hangul: ['맹'], spellings: ['maeng'] },
  { hangul: ['모'], spellings: ['mo'] },
  { hangul: ['남궁'], spellings: ['namgung', 'namkung'] },
  { hangul: ['황보'], spellings: ['hwangbo', 'hwangpo'] },
  { hangul: ['제갈'], spellings: ['jegal', 'chegal'] },
  { hangul: ['선우'], spellings: ['sonu', 'seonu', 'sunwoo', 'sonwoo'] },
  { hangul: ['독고'], spellings: ['tokko', 'dokgo', 'dokko'] },
  { hangul: ['사공'], spellings: ['sagong', 'sakong'] },
  { hangul: ['서문'], spellings: ['somun', 'seomun'] },
];

const bySpelling = new Map<string, string[]>();
const byHangul = new Map<string, string>();

function addSpelling(spelling: string, id: string): void {
  const key = comparisonText(spelling).replace(/ /g, '');
  if (!key) return;
  const ids = bySpelling.get(key);
  if (!ids) bySpelling.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

for (const family of FAMILIES) {
  const id = family.hangul[0] ?? '';
  const hangulForms = new Set<string>();
  for (const h of family.hangul) {
    hangulForms.add(h);
    hangulForms.add(applyInitialSoundRule(h));
  }
  for (const h of hangulForms) {
    if (!byHangul.has(h)) byHangul.set(h, id);
    for (const scheme of ROMANISATION_SCHEMES) addSpelling(romaniseWord(h, scheme), id);
  }
  for (const spelling of family.spellings) addSpelling(spelling, id);
}

/**
 * The family a romanised surname belongs to, identified by its Northern Hangul spelling, or
 * null when the token is not a known Korean surname spelling.
 *
 * @example
 * surnameFamily('Lee'); // '리'
 * surnameFamily("CH'OE"); // '최'
 * surnameFamily('Smith'); // null
 */
export function surnameFamily(token: string): string | null {
  return bySpelling.get(foldToken(token))?.[0] ?? null;
}

/**
 * Every family a spelling is used for (most frequent first), e.g. `Chun` → 전 and 천.
 *
 * @example
 * surnameFamilies('Chun'); // ['전', '천']
 */
export function surnameFamilies(token: string): string[] {
  return [...(bySpelling.get(foldToken(token)) ?? [])];
}

/**
 * The family of a Hangul surname (either spelling under the initial-sound rule).
 *
 * @example
 * hangulSurnameFamily('이'); // '리'
 */
export function hangulSurnameFamily(hangul: string): string | null {
  return byHangul.get(hangul.trim()) ?? null;
}

/** True when `hangul` starts with a known family name (one or two syllables). */
export function isKnownHangulSurname(hangul: string): boolean {
  return byHangul.has(hangul);
}

