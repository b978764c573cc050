/**
 * Organisation names: separates the distinctive core of a name from legal forms (Co., Ltd.,
 * LLC, JSC, GmbH, 有限公司, 주식회사, ООО …) and generic words (trading, general, group,
 * international, bank, Korea …), so that "CORP" or "Trading Co." alone never makes a match
 * (Watchman #483: "BELLETECH CORP" = "11420 CORP." at 100%).
 *
 * Legal forms are matched as token sequences after `normaliseText`-style folding ("S.A." and
 * "s a" are the same); forms spelled as single letters ("S A", "L L C") only count at the end of
 * the name. Han and Hangul names carry no spaces, so their legal forms and generic words are
 * stripped as suffixes (and 조선/朝鲜 "Korea" as a prefix).
 */
import { comparisonText, detectScript } from './normalise.js';

// canonical id → spellings (comparison text; several words = a token sequence)
const LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  company: ['company', 'co', 'cie', 'compagnie', 'companhia', 'compania', 'compañia', 'kompaniya', 'компания'],
  limited: ['limited', 'ltd', 'ltda', 'lda'],
  'co-ltd': ['co ltd', 'company limited'],
  corporation: ['corporation', 'corp', 'incorporated', 'inc', 'korporatsiya', 'корпорация'],
  llc: ['llc', 'l l c', 'limited liability company', 'ooo', 'ооо', 'tov', 'тов', 'too', 'тоо', 'obshchestvo s ogranichennoy otvetstvennostyu', 'общество с ограниченной ответственностью'],
  jsc: ['jsc', 'joint stock company', 'ao', 'ао', 'akcionernoe obshchestvo', 'aktsionernoye obshchestvo', 'акционерное общество', 'ag', 'aktiengesellschaft'],
  cjsc: ['cjsc', 'zao', 'зао', 'closed joint stock company'],
  ojsc: ['ojsc', 'oao', 'оао', 'open joint stock company'],
  pjsc: ['pjsc', 'pao', 'пао', 'public joint stock company'],
  plc: ['plc', 'public limited company'],
  gmbh: ['gmbh', 'mbh', 'gesellschaft mit beschrankter haftung'],
  llp: ['llp', 'l l p', 'limited liability partnership'],
  lp: ['lp', 'l p', 'limited partnership', 'kg', 'ohg'],
  sa: ['sa', 's a', 'sas', 's a s', 'spa', 's p a', 'sociedad anonima', 'societe anonyme', 'sa de cv'],
  srl: ['srl', 's r l', 'sarl', 's a r l', 'sl', 's l'],
  bv: ['bv', 'b v', 'nv', 'n v'],
  pte: ['pte', 'pvt', 'private', 'pty', 'sdn bhd', 'sdn', 'bhd', 'berhad', 'tbk'],
  fze: ['fze', 'fzco', 'fzc', 'fz llc', 'fzllc', 'fz'],
  kk: ['kk', 'kabushiki kaisha', 'kabushiki gaisha', 'yk', 'yugen kaisha'],
  ab: ['ab', 'as', 'asa', 'aps', 'oy', 'oyj'],
  // Korean (romanised)
  hoesa: ['hoesa', 'chusik hoesa', 'jusik hoesa', 'chusikhoesa', 'jusikhoesa'],
};

// Han and Hangul legal forms, stripped as suffixes (longest first).
const CJK_LEGAL_SUFFIXES: ReadonlyArray<[string, string]> = [
  ['股份有限公司', 'jsc'],
  ['有限责任公司', 'llc'],
  ['有限責任公司', 'llc'],
  ['有限公司', 'limited'],
  ['株式会社', 'kk'],
  ['公司', 'company'],
  ['주식회사', 'jsc'],
  ['유한회사', 'llc'],
  ['합자회사', 'lp'],
  ['총회사', 'corporation'],
  ['회사', 'company'],
  ['공사', 'corporation'],
  ['상사', 'company'],
  ['(주)', 'jsc'],
  ['㈜', 'jsc'],
];

// Generic words: descriptive, shared by thousands of unrelated organisations.
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'trading', 'trade', 'traders', 'general', 'group', 'groups', 'international', 'intl', 'inter',
  'holding', 'holdings', 'enterprise', 'enterprises', 'industrial', 'industry', 'industries',
  'import', 'export', 'imp', 'exp', 'importexport', 'development', 'technology', 'technologies',
  'tech', 'commercial', 'commerce', 'investment', 'investments', 'global', 'worldwide', 'service',
  'services', 'solutions', 'partners', 'associates', 'management', 'consulting', 'resources',
  'bank', 'banking', 'banco', 'banque', 'national', 'united', 'joint', 'venture', 'shipping', 'logistics',
  'trust', 'finance', 'financial', 'capital', 'fund', 'foundation', 'association', 'society',
  'office', 'bureau', 'department', 'ministry', 'committee', 'agency', 'center', 'centre',
  'branch', 'representative', 'factory', 'works', 'firm', 'store', 'korea', 'korean', 'dprk',
  'democratic', 'peoples', 'people', 'republic', 'north', 'choson', 'chosun', 'joson',
]);

const STOPWORDS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'for', 'de', 'del', 'des', 'du', 'la', 'le', 'les', 'et', 'und', 'y', 'a', 'an',
]);

const CJK_GENERIC_SUFFIXES: readonly string[] = [
  '무역', '은행', '그룹', '총국', '개발', '기술', '합영', '합작', '산업', '공업', '국제', '상업', '연합', '투자', '해운',
  '集团', '集團', '银行', '銀行', '贸易', '貿易', '国际', '國際', '控股', '实业', '實業', '发展', '發展', '科技',
  '投资', '投資', '工业', '工業', '商贸', '商貿', '航运', '航運', '物流',
];
const CJK_GENERIC_PREFIXES: readonly string[] = ['조선', '朝鲜', '朝鮮'];

interface LegalFormSequence {
  id: string;
  tokens: string[];
  singleLetters: boolean;
}

const LEGAL_SEQUENCES: readonly LegalFormSequence[] = Object.entries(LEGAL_FORMS)
  .flatMap(([id, spellings]) =>
    spellings.map((spelling) => {
      const tokens = comparisonText(spelling).split(' ');
      return { id, tokens, singleLetters: tokens.length > 1 && tokens.every((t) => t.length === 1) };
    }),
  )
  .sort((a, b) => b.tokens.length - a.tokens.length);

const FIRST_TOKEN_INDEX: ReadonlyMap<string, readonly LegalFormSequence[]> = (() => {
  const index = new Map<string, LegalFormSequence[]>();
  for (const seq of LEGAL_SEQUENCES) {
    const first = seq.tokens[0] ?? '';
    const list = index.get(first) ?? [];
    list.push(seq);
    index.set(first, list);
  }
  return index;
})();

export interface OrgNameCore {
  /** Distinctive tokens: what a match must rest on. Empty when the name is only generic words. */
  core: string[];
  /** Canonical ids of the legal forms found ('llc', 'jsc', 'company', …). */
  legalForms: string[];
  /** Generic and stop words found. */
  generic: string[];
  /**
   * True when the name has no core but does have generic words ("Korea Trading Corporation"):
   * such a name can only match as a whole, never on one of its words.
   */
  genericOnly: boolean;
  /** All comparison tokens in written order. */
  tokens: string[];
}

/**
 * Splits an organisation name into core tokens, legal forms and generic words.
 *
 * @example
 * orgNameCore('Korea Mining Development Trading Corporation');
 * // { core: ['mining'], legalForms: ['corporation'], generic: ['korea', 'development', 'trading'], … }
 * orgNameCore('BELLETECH CORP').core; // ['belletech']
 * orgNameCore('Trading Co., Ltd.').core; // []
 */
export function orgNameCore(name: string): OrgNameCore {
  const legalForms: string[] = [];
  const generic: string[] = [];
  const core: string[] = [];
  const tokens: string[] = [];
  let text = name;
  const script = detectScript(name);
  if (script === 'han' || script === 'hangul' || script === 'mixed') {
    text = splitCjk(name, legalForms, generic);
  }
  const words = comparisonText(text).split(' ').filter(Boolean);
  tokens.push(...words);
  for (let i = 0; i < words.length; ) {
    const seq = matchLegalForm(words, i);
    if (seq) {
      if (!legalForms.includes(seq.id)) legalForms.push(seq.id);
      i += seq.tokens.length;
      continue;
    }
    const word = words[i] ?? '';
    if (GENERIC_WORDS.has(word) || STOPWORDS.has(word)) generic.push(word);
    else core.push(word);
    i += 1;
  }
  const genericOnly = core.length === 0 && generic.some((w) => !STOPWORDS.has(w));
  return { core, legalForms, generic, tokens, genericOnly };
}

function matchLegalForm(words: readonly string[], at: number): LegalFormSequence | undefined {
  const candidates = FIRST_TOKEN_INDEX.get(words[at] ?? '');
  if (!candidates) return undefined;
  for (const seq of candidates) {
    const end = at + seq.tokens.length;
    if (end > words.length) continue;
    if (seq.singleLetters && end !== words.length) continue;
    if (seq.tokens.every((t, k) => words[at + k] === t)) return seq;
  }
  return undefined;
}

/** Strips CJK legal-form and generic suffixes/prefixes from each unspaced word; returns the rest. */
function splitCjk(name: string, legalForms: string[], generic: string[]): string {
  return name
    .split(/\s+/)
    .map((word) => {
      let w = word;
      for (let changed = true; changed; ) {
        changed = false;
        for (const [suffix, id] of CJK_LEGAL_SUFFIXES) {
          if (w.length > 0 && w.endsWith(suffix)) {
            w = w.slice(0, -suffix.length);
            if (!legalForms.includes(id)) legalForms.push(id);
            changed = true;
          } else if (w.startsWith(suffix) && suffix.startsWith('(')) {
            w = w.slice(suffix.length);
            if (!legalForms.includes(id)) legalForms.push(id);
            changed = true;
          }
        }
        for (const suffix of CJK_GENERIC_SUFFIXES) {
          if (w.length > suffix.length && w.endsWith(suffix)) {
            w = w.slice(0, -suffix.length);
            generic.push(suffix);
            changed = true;
          }
        }
      }
      for (const prefix of CJK_GENERIC_PREFIXES) {
        if (w.length > prefix.length && w.startsWith(prefix)) {
          w = w.slice(prefix.length);
          generic.push(prefix);
        }
      }
      return w;
    })
    .join(' ');
}
