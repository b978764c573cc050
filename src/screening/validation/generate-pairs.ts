/**
 * Labelled name pairs for model validation, generated from the public lists (regulators expect
 * a screening model to be validated; these pairs choose and justify the thresholds).
 *
 * True pairs (`isMatch: true`):
 * - `alias`: a DPRK-programme subject's listed name against its own strong aliases (on these lists
 *   mostly romanisation variants: `RI PYONG CHUL` / `Ri Pyo’ng-ch’o’l`);
 * - `romanisation`: a Korean name with its syllables respelled as found in the wild (Ri → Lee,
 *   Jong → Jung, Chol → Cheol, Pak → Park …; the table below, not our own key function);
 * - `reordered`: family name moved (`KIM, Sang Man` → `Sang Man KIM`, `RI PYONG CHOL` → `PYONG CHOL, RI`);
 * - `joined`: Korean given-name syllables joined or hyphenated (`Jong Un` → `Jongun`, `Jong-un`);
 * - `typo`: one keyboard slip in a token of five letters or more (doubled, dropped, swapped or
 *   replaced letter).
 * False pairs (`isMatch: false`):
 * - `shared-surname`: two different listed persons with the same family name (Korean: `KIM …` vs `KIM …`);
 * - `one-syllable`: a listed Korean name with one given-name syllable replaced by another common
 *   one (`Kim Jong Un` → `Kim Jong Il`);
 * - `shared-given`: two listed Korean persons with the same given name but different family names;
 * - `generic-org`: two different listed organisations that share only generic words or legal forms
 *   (`… TRADING CORPORATION` vs `… TRADING CO`), and invented `X Trading Co., Ltd.` pairs;
 * - `random`: two unrelated listed names of one schema.
 * Everything is deterministic for a given seed.
 */
import { ownValue } from '../../common/own.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { isDprkProgram } from '../../lists/programs.js';
import { isLikelyKoreanName, orgNameCore, personNameKeys as nameKeys, surnameFamily } from '../../names/index.js';
import { parseLatinPersonName as parsePersonName } from '../latin-person-name.js';

export interface LabelledPair {
  schema: 'Person' | 'Organization' | 'Company';
  name1: string;
  name2: string;
  isMatch: boolean;
  kind: PairKind;
}

export const PAIR_KINDS = [
  'alias',
  'romanisation',
  'reordered',
  'joined',
  'typo',
  'shared-surname',
  'one-syllable',
  'shared-given',
  'generic-org',
  'random',
] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

export interface GenerateOptions {
  seed?: number;
  /** Most pairs per kind (default 400). */
  perKind?: number;
}

/** Spellings of Korean syllables found in ROK usage, passports and the press (domain brief §9). */
const SYLLABLE_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  ri: ['Lee', 'Li', 'Yi', 'Rhee'],
  pak: ['Park', 'Bak'],
  choe: ['Choi', 'Chwe'],
  jong: ['Jung', 'Chung', 'Jeong'],
  chong: ['Jung', 'Cheong'],
  chol: ['Chul', 'Cheol'],
  kim: ['Gim'],
  kang: ['Gang'],
  kwang: ['Gwang'],
  kyong: ['Kyung', 'Gyeong'],
  yong: ['Young', 'Yeong'],
  un: ['Eun'],
  song: ['Sung', 'Seong'],
  hyok: ['Hyuk', 'Hyeok'],
  myong: ['Myung', 'Myeong'],
  pyong: ['Byung', 'Byeong'],
  chun: ['Choon'],
  su: ['Soo'],
  sok: ['Seok', 'Suk'],
  hui: ['Hee'],
  chang: ['Jang'],
  jang: ['Chang'],
  kuk: ['Guk'],
  hun: ['Hoon'],
  sik: ['Shik'],
  sin: ['Shin'],
  o: ['Oh'],
  ryong: ['Ryeong', 'Yong'],
  hyon: ['Hyun', 'Hyeon'],
  tong: ['Dong'],
  to: ['Do'],
  pong: ['Bong'],
  chae: ['Jae'],
  jin: ['Chin'],
  kyu: ['Gyu'],
  kil: ['Gil'],
  yun: ['Yoon'],
  mun: ['Moon'],
  yu: ['Yoo'],
  ju: ['Joo'],
  u: ['Woo'],
  won: ['Weon'],
  chon: ['Jeon', 'Chun'],
  ho: ['Heo'],
};

/** Common given-name syllables (DPRK spelling) used to make one-syllable-different names. */
const GIVEN_SYLLABLES = ['Il', 'Un', 'Chol', 'Song', 'Nam', 'Ho', 'Su', 'Sik', 'Hyok', 'Myong', 'Chun', 'Kwang', 'Yong', 'Hui', 'Man', 'Won', 'Jin', 'Sam', 'Hak', 'Guk'];

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Listed {
  entity: FtmEntity;
  schema: LabelledPair['schema'];
  name: string;
  aliases: string[];
  dprk: boolean;
  /** Family-name token and given tokens when the person name reads as Korean. */
  korean?: { family: string; given: string[] };
}

/**
 * Generates the labelled pairs from the listed entities (targets only).
 *
 * @example
 * const pairs = generatePairs(parsed.entities, { seed: 1 });
 * pairs.filter((p) => p.kind === 'one-syllable')[0]; // { name1: 'KIM JONG SIK', name2: 'KIM JONG IL', isMatch: false, … }
 */
export function generatePairs(entities: readonly FtmEntity[], options: GenerateOptions = {}): LabelledPair[] {
  const rand = random(options.seed ?? 20_260_227);
  const perKind = options.perKind ?? 400;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const listed = readListed(entities);
  const persons = listed.filter((l) => l.schema === 'Person');
  const korean = persons.filter((l) => l.korean);
  const orgs = listed.filter((l) => l.schema !== 'Person');
  const out: LabelledPair[] = [];
  const seen = new Set<string>();
  const add = (kind: PairKind, l: { schema: LabelledPair['schema'] }, name1: string, name2: string, isMatch: boolean): boolean => {
    if (!name1.trim() || !name2.trim() || name1 === name2) return false;
    const key = `${kind}|${name1}|${name2}`;
    if (seen.has(key)) return false;
    seen.add(key);
    out.push({ schema: l.schema, name1, name2, isMatch, kind });
    return true;
  };
  const fill = (kind: PairKind, make: () => boolean): void => {
    let made = 0;
    for (let tries = 0; made < perKind && tries < perKind * 20; tries++) if (make()) made++;
  };

  const dprk = listed.filter((l) => l.dprk && l.aliases.length > 0);
  fill('alias', () => {
    const l = pick(dprk);
    return add('alias', l, l.name, pick(l.aliases), true);
  });
  fill('romanisation', () => {
    const l = pick(korean);
    const k = l.korean as { family: string; given: string[] };
    const respell = (t: string): string => {
      const variants = ownValue(SYLLABLE_VARIANTS, t.toLowerCase());
      return variants && variants.length && rand() < 0.7 ? pick(variants) : t;
    };
    const family = respell(k.family);
    const given = k.given.map(respell);
    const variant = rand() < 0.5 ? `${family} ${given.join(' ')}` : `${family}, ${given.join('-')}`;
    return add('romanisation', l, l.name, variant, true);
  });
  fill('reordered', () => {
    const l = pick(persons);
    const parts = parsePersonName(l.name);
    if (!parts.family || parts.given.length === 0) return false;
    const family = parts.family.join(' ').toUpperCase();
    const given = parts.given.join(' ');
    const variant = l.name.includes(',') ? `${given} ${family}` : `${given}, ${family}`;
    return add('reordered', l, l.name, variant, true);
  });
  fill('joined', () => {
    const l = pick(korean);
    const k = l.korean as { family: string; given: string[] };
    if (k.given.length < 2) return false;
    const joined = rand() < 0.5 ? k.given.join('').toLowerCase() : k.given.join('-').toLowerCase();
    return add('joined', l, l.name, `${k.family} ${capitalise(joined)}`, true);
  });
  fill('typo', () => {
    const l = pick(rand() < 0.7 ? persons : orgs);
    const tokens = l.name.split(' ');
    const long = tokens.map((t, i) => [t, i] as const).filter(([t]) => /^[A-Za-z]{5,}$/.test(t));
    if (long.length === 0) return false;
    const [token, at] = pick(long);
    tokens[at] = typo(token, rand);
    return add('typo', l, l.name, tokens.join(' '), true);
  });

  const byFamily = new Map<string, Listed[]>();
  for (const l of korean) {
    const f = (l.korean as { family: string }).family.toLowerCase();
    byFamily.set(f, [...(byFamily.get(f) ?? []), l]);
  }
  const families = [...byFamily.values()].filter((g) => g.length > 1);
  fill('shared-surname', () => {
    const group = pick(families);
    const a = pick(group);
    const b = pick(group);
    if (a.entity.id === b.entity.id || sameName(a.name, b.name)) return false;
    return add('shared-surname', a, a.name, b.name, false);
  });
  const listedKoreanKeys = new Set(korean.flatMap((x) => [x.name, ...x.aliases]).flatMap((n) => personNameKeys(n)));
  fill('one-syllable', () => {
    const l = pick(korean);
    const k = l.korean as { family: string; given: string[] };
    if (k.given.length === 0) return false;
    const at = Math.floor(rand() * k.given.length);
    const replacement = pick(GIVEN_SYLLABLES);
    if (replacement.toLowerCase() === (k.given[at] ?? '').toLowerCase()) return false;
    const given = k.given.map((g, i) => (i === at ? replacement.toUpperCase() : g));
    const other = `${k.family} ${given.join(' ')}`;
    if (personNameKeys(other).some((k) => listedKoreanKeys.has(k))) return false;
    return add('one-syllable', l, l.name, other, false);
  });
  const byGiven = new Map<string, Listed[]>();
  for (const l of korean) {
    const g = (l.korean as { given: string[] }).given.join(' ').toLowerCase();
    byGiven.set(g, [...(byGiven.get(g) ?? []), l]);
  }
  const givenGroups = [...byGiven.values()].filter((g) => g.length > 1);
  fill('shared-given', () => {
    if (givenGroups.length === 0) return false;
    const group = pick(givenGroups);
    const a = pick(group);
    const b = pick(group);
    if (a.entity.id === b.entity.id || sameName(a.name, b.name)) return false;
    if (surnameFamily(a.korean?.family ?? '') === surnameFamily(b.korean?.family ?? '')) return false;
    return add('shared-given', a, a.name, b.name, false);
  });
  const cores = new Map(orgs.map((l) => [l, orgNameCore(l.name)]));
  const coreOf = (l: Listed) => cores.get(l) ?? orgNameCore(l.name);
  const generic = orgs.filter((l) => coreOf(l).generic.length > 0 || coreOf(l).legalForms.length > 0);
  fill('generic-org', () => {
    if (rand() < 0.3) {
      const words = ['Trading', 'International', 'General Trading', 'Import Export', 'Shipping', 'Investment'];
      const forms = ['Co., Ltd.', 'Corporation', 'LLC', 'JSC', 'Company Limited', 'Group'];
      const w = pick(words);
      const core1 = coreOf(pick(orgs)).core[0];
      const core2 = coreOf(pick(orgs)).core[0];
      if (!core1 || !core2 || core1 === core2) return false;
      return add('generic-org', { schema: 'Company' }, `${capitalise(core1)} ${w} ${pick(forms)}`, `${capitalise(core2)} ${w} ${pick(forms)}`, false);
    }
    const a = pick(generic);
    const b = pick(generic);
    if (a.entity.id === b.entity.id) return false;
    const coreA = new Set(coreOf(a).core);
    if (coreOf(b).core.some((t) => coreA.has(t))) return false;
    const sharedGeneric = coreOf(a).generic.some((g) => coreOf(b).generic.includes(g));
    const sharedForm = coreOf(a).legalForms.some((f) => coreOf(b).legalForms.includes(f));
    if (!sharedGeneric && !sharedForm) return false;
    return add('generic-org', a, a.name, b.name, false);
  });
  fill('random', () => {
    const pool = rand() < 0.6 ? persons : orgs;
    const a = pick(pool);
    const b = pick(pool);
    if (a.entity.id === b.entity.id) return false;
    return add('random', a, a.name, b.name, false);
  });
  return out;
}

function readListed(entities: readonly FtmEntity[]): Listed[] {
  const out: Listed[] = [];
  for (const e of entities) {
    if (!e.target) continue;
    const schema = e.schema === 'Person' ? 'Person' : e.schema === 'Organization' ? 'Organization' : e.schema === 'Company' ? 'Company' : null;
    if (!schema) continue;
    const name = e.properties['name']?.[0];
    if (!name) continue;
    const aliases = (e.properties['alias'] ?? []).filter((a) => a !== name);
    const dprk = (e.provenance?.programs ?? []).some(isDprkProgram);
    const l: Listed = { entity: e, schema, name, aliases, dprk };
    if (schema === 'Person') {
      const parts = parsePersonName(name);
      if (parts.family && parts.family.length === 1 && isLikelyKoreanName(parts.tokens)) {
        const familyFirst = parts.tokens[0] === parts.family[0];
        const words = name.replace(/,/g, ' ').split(/[\s-]+/).filter(Boolean);
        const family = familyFirst ? (words[0] ?? '') : (words[words.length - 1] ?? '');
        const given = familyFirst ? words.slice(1) : words.slice(0, -1);
        if (family && given.length) l.korean = { family, given };
      }
    }
    out.push(l);
  }
  return out;
}

/** Two listings of one name (the same person listed by the UN and by OFAC): not a false pair. */
const keyCache = new Map<string, string[]>();

function personNameKeys(name: string): string[] {
  let keys = keyCache.get(name);
  if (!keys) {
    keys = nameKeys(name);
    if (keyCache.size > 50_000) keyCache.clear();
    keyCache.set(name, keys);
  }
  return keys;
}

function sameName(a: string, b: string): boolean {
  const keys = new Set(personNameKeys(a));
  return personNameKeys(b).some((k) => keys.has(k));
}

function typo(token: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (token.length - 2));
  const r = rand();
  if (r < 0.25) return token.slice(0, i) + token[i] + token.slice(i);
  if (r < 0.5) return token.slice(0, i) + token.slice(i + 1);
  if (r < 0.75) return token.slice(0, i) + (token[i + 1] ?? '') + token[i] + token.slice(i + 2);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const upper = token === token.toUpperCase();
  const c = letters[Math.floor(rand() * 26)] ?? 'e';
  return token.slice(0, i) + (upper ? c.toUpperCase() : c) + token.slice(i + 1);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The pairs as CSV with the columns `counterflow compare --pairs` reads (`schema,name1,name2,is_match`)
 * plus `kind`.
 *
 * @example
 * pairsToCsv([{ schema: 'Person', name1: 'KIM, Jong Un', name2: 'Kim Jong-un', isMatch: true, kind: 'joined' }]);
 * // 'schema,name1,name2,is_match,kind\nPerson,"KIM, Jong Un",Kim Jong-un,true,joined\n'
 */
export function pairsToCsv(pairs: readonly LabelledPair[]): string {
  const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['schema,name1,name2,is_match,kind'];
  for (const p of pairs) lines.push([p.schema, p.name1, p.name2, String(p.isMatch), p.kind].map(cell).join(','));
  return `${lines.join('\n')}\n`;
}
