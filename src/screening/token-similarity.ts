/**
 * Similarity of two name tokens, with the rule that decided it (for explanations).
 *
 * Order of the rules (first that applies wins):
 * 1. same comparison text → 1.0 (`exact`);
 * 2. digits only compare exactly: different numbers → 0 (`number`);
 * 3. name particles of one class (bin/ben/ibn, al/el) → 0.9 (`particle`);
 * 4. the same Korean family under two spellings (Ri/Lee/Yi, Pak/Park, Choe/Choi) → 0.95 (`korean-surname`);
 * 5. two romanised Korean syllables: same syllable key (Jong/Jung/Chŏng, Chol/Chul/Cheol,
 *    Pyong/Byong) → 0.95 (`korean-syllable`); different syllables → 0 (`korean-different`):
 *    Un ≠ Il, Sik ≠ Suk — a one-letter change in a Korean syllable is another name, not a typo,
 *    which is what keeps Kim Jong Il and Kim Jong Un apart;
 * 6. equal after collapsing doubled letters (Yyu/Yu, Sonng/Song) → 0.92 (`doubled-letter`);
 * 7. one adjacent transposition (Sko/Sok) → 0.9 (`transposition`);
 * 8. edit distance within a length-dependent budget: none for ≤ 3 letters, 1 for 4–7, 2 for 8–11,
 *    3 beyond → 0.9 / 0.82 / 0.75 for 1 / 2 / 3 edits (`spelling`): Mohammed/Muhammad, not Maria/Martin;
 * 9. same Double Metaphone code, both ≥ 4 letters and the same first letter → 0.85 (`phonetic`):
 *    Ocean and Asian share a code, but not an initial;
 * otherwise 0 (`none`).
 */
import { isAdjacentTransposition, osaDistance } from './string-distance.js';
import type { TokenInfo, TokenTable } from './token-table.js';

export const TOKEN_RULES = [
  'exact',
  'number',
  'particle',
  'korean-surname',
  'korean-syllable',
  'korean-different',
  'doubled-letter',
  'transposition',
  'spelling',
  'phonetic',
  'joined',
  'none',
] as const;
export type TokenRule = (typeof TOKEN_RULES)[number];

export interface TokenMatch {
  score: number;
  rule: TokenRule;
  /** Edit distance for `spelling`. */
  edits?: number;
}

export const TOKEN_SCORES = {
  particle: 0.9,
  koreanSurname: 0.95,
  koreanSyllable: 0.95,
  doubledLetter: 0.92,
  transposition: 0.9,
  spelling: [1, 0.9, 0.82, 0.75] as readonly number[],
  phonetic: 0.85,
  joined: 0.95,
} as const;

/**
 * Edits a token of this length may carry and still count as the same token.
 *
 * @example
 * editBudget(3); // 0
 * editBudget(8); // 2
 */
export function editBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  if (length <= 11) return 2;
  return 3;
}

/**
 * Compares two tokens by the rules above.
 *
 * @example
 * compareTokens(table.info(table.intern('jung')), table.info(table.intern('jong'))); // { score: 0.95, rule: 'korean-syllable' }
 * compareTokens(table.info(table.intern('il')), table.info(table.intern('un'))); // { score: 0, rule: 'korean-different' }
 */
export function compareTokens(a: TokenInfo, b: TokenInfo): TokenMatch {
  if (a.text === b.text) return { score: 1, rule: 'exact' };
  if (a.numeric || b.numeric) return { score: 0, rule: 'number' };
  if (a.particle !== null || b.particle !== null) {
    return a.particle === b.particle ? { score: TOKEN_SCORES.particle, rule: 'particle' } : { score: 0, rule: 'none' };
  }
  if (a.family !== null && a.family === b.family) return { score: TOKEN_SCORES.koreanSurname, rule: 'korean-surname' };
  if (a.syllable !== null && b.syllable !== null) {
    return a.syllable === b.syllable
      ? { score: TOKEN_SCORES.koreanSyllable, rule: 'korean-syllable' }
      : { score: 0, rule: 'korean-different' };
  }
  if (a.squeezed === b.squeezed) return { score: TOKEN_SCORES.doubledLetter, rule: 'doubled-letter' };
  if (isAdjacentTransposition(a.text, b.text)) return { score: TOKEN_SCORES.transposition, rule: 'transposition' };
  const length = Math.max(a.text.length, b.text.length);
  const budget = editBudget(length);
  let best: TokenMatch = { score: 0, rule: 'none' };
  if (budget > 0) {
    const d = osaDistance(a.text, b.text, budget);
    if (d <= budget) best = { score: TOKEN_SCORES.spelling[d] ?? 0, rule: 'spelling', edits: d };
  }
  if (best.score < TOKEN_SCORES.phonetic && a.text.length >= 4 && b.text.length >= 4 && a.text[0] === b.text[0] && sharePhonetic(a, b)) {
    best = { score: TOKEN_SCORES.phonetic, rule: 'phonetic' };
  }
  return best;
}

function sharePhonetic(a: TokenInfo, b: TokenInfo): boolean {
  for (const k of a.phonetic) if (b.phonetic.includes(k)) return true;
  return false;
}

const RULE_INDEX = new Map<TokenRule, number>(TOKEN_RULES.map((r, i) => [r, i]));
const MEMO_BITS = 20;
const MEMO_SIZE = 1 << MEMO_BITS;
const MEMO_MASK = MEMO_SIZE - 1;
const MEMO_MAX_FILL = MEMO_SIZE >> 1;

/**
 * `compareTokens` over interned ids, memoised on the id pair in an open-addressing table of
 * typed arrays (cleared when half full, or when the table drops query tokens).
 *
 * @example
 * const comparer = new TokenComparer(table);
 * comparer.score(table.intern('ri'), table.intern('lee')); // 0.95
 */
export class TokenComparer {
  // Slot holds low id + 1 (0 = empty), high id, packed result.
  private readonly lowIds = new Int32Array(MEMO_SIZE);
  private readonly highIds = new Int32Array(MEMO_SIZE);
  private readonly values = new Int32Array(MEMO_SIZE);
  private filled = 0;
  private generation: number;

  constructor(readonly table: TokenTable) {
    this.generation = table.generation;
  }

  /** Similarity score of two token ids. */
  score(a: number, b: number): number {
    return packedScore(this.packed(a, b));
  }

  /**
   * Score and rule of two token ids (not memoised: for explanations).
   *
   * @example
   * comparer.match(table.intern('jung'), table.intern('jong')); // { score: 0.95, rule: 'korean-surname' }
   */
  match(a: number, b: number): TokenMatch {
    if (a === b) return { score: 1, rule: 'exact' };
    return compareTokens(this.table.info(a), this.table.info(b));
  }

  /** Score × 1000 in the high bits, rule index in the low 4 bits. */
  packed(a: number, b: number): number {
    if (a === b) return 1000 << 4;
    if (this.generation !== this.table.generation) this.clear();
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    let slot = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca77)) & MEMO_MASK;
    const loKey = lo + 1;
    for (;;) {
      const k = this.lowIds[slot] as number;
      if (k === 0) break;
      if (k === loKey && this.highIds[slot] === hi) return this.values[slot] as number;
      slot = (slot + 1) & MEMO_MASK;
    }
    const m = compareTokens(this.table.info(a), this.table.info(b));
    const packed = (Math.round(m.score * 1000) << 4) | (RULE_INDEX.get(m.rule) ?? 0);
    if (this.filled >= MEMO_MAX_FILL) {
      this.clear();
      return packed;
    }
    this.lowIds[slot] = loKey;
    this.highIds[slot] = hi;
    this.values[slot] = packed;
    this.filled++;
    return packed;
  }

  private clear(): void {
    this.lowIds.fill(0);
    this.filled = 0;
    this.generation = this.table.generation;
  }
}

/**
 * Unpacks the rule of a `TokenComparer.packed` value.
 *
 * @example
 * packedRule(comparer.packed(table.intern('yyu'), table.intern('yu'))); // 'doubled-letter'
 */
export function packedRule(packed: number): TokenRule {
  return TOKEN_RULES[packed & 15] ?? 'none';
}

/**
 * Unpacks the score of a `TokenComparer.packed` value.
 *
 * @example
 * packedScore(comparer.packed(table.intern('yyu'), table.intern('yu'))); // 0.92
 */
export function packedScore(packed: number): number {
  return (packed >>> 4) / 1000;
}
