/**
 * Candidate retrieval: an inverted index from name keys, identifiers and wallet addresses to
 * listed subjects, ranked by IDF-weighted key overlap, so that only a few dozen subjects are
 * scored in full per query.
 *
 * Keys per name token (weight before IDF):
 * - `w:` the token itself (1.0), and with doubled letters collapsed (0.7: Hassan → hasan);
 * - `k:` its Korean syllable key (0.8) and `f:` its Korean family (0.8), so Hangul input,
 *   Revised Romanization and DPRK/MR spellings meet (Jeong/Jong, Lee/Ri);
 * - character 3-grams of tokens of ≥ 4 letters, padded (0.6 shared among the token's 3-grams;
 *   packed into a number when ASCII, `g:` otherwise) — typos and spelling variants; `a:` the token's letters sorted (0.6) — transposed
 *   letters (AFIZ / FAIZ). (Phonetic codes are a scoring rule, not a retrieval key: 3-grams find
 *   the same candidates, and computing codes for every listed token cost a third of the build.)
 * and per reading `s:` the name without spaces (2.0). Identifiers (`i:`) and wallet keys (`x:`)
 * weigh 20 so a subject hit by one is always scored. Very common 3-gram and sorted-letter keys
 * (in more than 5% of subjects) are skipped at query time: they cost time and rank nothing.
 * A query token the index holds as it is uses its exact keys only; the fuzzy keys (3-grams, `a:`)
 * are for tokens it does not hold — typos and unseen spellings.
 */
import type { IdentifierValue, WalletValue } from './feature-identifier.js';
import type { NameReading } from './name-readings.js';
import type { TokenInfo, TokenTable } from './token-table.js';

export interface IndexEntry {
  /** Schema class bit (feature-schema.ts SCHEMA_BITS). */
  bit: number;
  /** List number, for list filters. */
  list: number;
  readings: readonly NameReading[];
  weakReadings: readonly NameReading[];
  identifiers: readonly IdentifierValue[];
  wallets: readonly WalletValue[];
}

export const KEY_WEIGHTS = {
  token: 1,
  squeezed: 0.7,
  syllable: 0.8,
  family: 0.8,
  trigrams: 0.6,
  letters: 0.6,
  squashed: 2,
  identifier: 20,
  wallet: 20,
} as const;

const COMMON_KEY_SHARE = 0.05;
const COMMON_KEY_MIN = 200;

/** A key, its weight, and whether it is a fuzzy key (used only for tokens the index does not hold). */
type KeyList = readonly (readonly [Key, number, boolean])[];

/** A string key, or a 3-gram of ASCII letters packed into a number (hashing numbers is cheaper). */
type Key = string | number;

function trigramKey(s: string, i: number): Key {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return a < 128 && b < 128 && c < 128 ? (a << 14) | (b << 7) | c : `g:${s.slice(i, i + 3)}`;
}

/**
 * The retrieval keys of one token with their weights; fuzzy keys (3-grams, sorted
 * letters) are marked.
 *
 * @example
 * tokenKeys(table.info(table.intern('jeong'))); // [['w:jeong', 1, false], ['k:CONG', 0.8, false], ['f:정', 0.8, false], ['a:egjno', 0.6, true], [1553765, 0.12, true], …]
 */
export function tokenKeys(info: TokenInfo): KeyList {
  const keys: [Key, number, boolean][] = [[`w:${info.text}`, KEY_WEIGHTS.token, false]];
  if (info.squeezed !== info.text) keys.push([`w:${info.squeezed}`, KEY_WEIGHTS.squeezed, false]);
  if (info.syllable !== null) keys.push([`k:${info.syllable}`, KEY_WEIGHTS.syllable, false]);
  if (info.family !== null) keys.push([`f:${info.family}`, KEY_WEIGHTS.family, false]);
  if (info.text.length >= 4) {
    keys.push([`a:${[...info.text].sort().join('')}`, KEY_WEIGHTS.letters, true]);
    const padded = `^${info.text}$`;
    const count = padded.length - 2;
    for (let i = 0; i + 3 <= padded.length; i++) keys.push([trigramKey(padded, i), KEY_WEIGHTS.trigrams / count, true]);
  }
  return keys;
}

/**
 * The inverted index over the listed subjects (by position in the array given to the constructor).
 *
 * @example
 * const index = new CandidateIndex(table, entries);
 * index.retrieve(queryReadings, [], [], () => true, 20); // positions of the best 20 subjects
 */
export class CandidateIndex {
  private readonly keyIds = new Map<Key, number>();
  /** Postings of key k: postings[offsets[k] … offsets[k + 1]). */
  private readonly postings: Int32Array;
  private readonly offsets: Int32Array;
  private readonly keyWeight: Float64Array;
  private readonly skippable: Uint8Array;
  private readonly tokenKeyCache = new Map<number, Int32Array>();
  private readonly tokenKeyWeights = new Map<number, Float64Array>();
  private cacheGeneration: number;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private readonly count: number;
  private readonly bits: Uint8Array;
  private readonly lists: Uint16Array;

  constructor(
    private readonly table: TokenTable,
    entries: readonly IndexEntry[],
  ) {
    this.count = entries.length;
    // Pass 1: the distinct keys of each candidate as (key, candidate) pairs; key frequencies.
    let pairKeys: Int32Array = new Int32Array(1 << 16);
    let pairCount = 0;
    let df: Int32Array = new Int32Array(1 << 12);
    let stamp: Int32Array = new Int32Array(1 << 12).fill(-1);
    const keyId = (key: Key): number => {
      let id = this.keyIds.get(key);
      if (id === undefined) {
        id = this.keyIds.size;
        this.keyIds.set(key, id);
        if (id >= df.length) {
          df = grow(df, df.length * 2);
          const s2 = new Int32Array(stamp.length * 2).fill(-1);
          s2.set(stamp);
          stamp = s2;
        }
      }
      return id;
    };
    const candidateStart = new Int32Array(entries.length + 1);
    const add = (id: number, candidate: number): void => {
      if (stamp[id] === candidate) return;
      stamp[id] = candidate;
      df[id] = (df[id] as number) + 1;
      if (pairCount >= pairKeys.length) pairKeys = grow(pairKeys, pairKeys.length * 2);
      pairKeys[pairCount++] = id;
    };
    // Key ids per token, computed once per distinct token.
    const keysOfToken: (Int32Array | undefined)[] = [];
    for (let c = 0; c < entries.length; c++) {
      const entry = entries[c] as IndexEntry;
      candidateStart[c] = pairCount;
      for (const list of [entry.readings, entry.weakReadings]) {
        for (const reading of list) {
          for (const token of reading.tokens) {
            let ids = keysOfToken[token];
            if (!ids) {
              ids = Int32Array.from(tokenKeys(table.info(token)), ([key]) => keyId(key));
              keysOfToken[token] = ids;
            }
            for (let i = 0; i < ids.length; i++) add(ids[i] as number, c);
          }
          if (reading.tokens.length > 1) add(keyId(`s:${reading.squashed}`), c);
        }
      }
      for (const id of entry.identifiers) add(keyId(`i:${id.key}`), c);
      for (const wallet of entry.wallets) add(keyId(`x:${wallet.key}`), c);
    }
    candidateStart[entries.length] = pairCount;
    // Pass 2: postings in one buffer, sliced per key.
    const keys = this.keyIds.size;
    const offsets = new Int32Array(keys + 1);
    for (let k = 0; k < keys; k++) offsets[k + 1] = (offsets[k] as number) + (df[k] as number);
    const buffer = new Int32Array(pairCount);
    const fill = offsets.slice(0, keys);
    for (let c = 0; c < entries.length; c++) {
      for (let i = candidateStart[c] as number; i < (candidateStart[c + 1] as number); i++) {
        const k = pairKeys[i] as number;
        buffer[fill[k] as number] = c;
        fill[k] = (fill[k] as number) + 1;
      }
    }
    const n = Math.max(1, entries.length);
    const commonAt = Math.max(COMMON_KEY_MIN, n * COMMON_KEY_SHARE);
    this.postings = buffer;
    this.offsets = offsets;
    this.keyWeight = new Float64Array(keys);
    this.skippable = new Uint8Array(keys);
    for (const [key, id] of this.keyIds) {
      const size = (offsets[id + 1] as number) - (offsets[id] as number);
      this.keyWeight[id] = Math.log(1 + n / Math.max(1, size));
      // 3-grams (numbers, or g:) and sorted letters (a:) shared by too many subjects rank nothing.
      const fuzzy = typeof key === 'number' || key.charCodeAt(0) === 103 || key.charCodeAt(0) === 97;
      if (fuzzy && size > commonAt) this.skippable[id] = 1;
    }
    this.scores = new Float64Array(entries.length);
    this.touched = new Int32Array(entries.length);
    this.bits = Uint8Array.from(entries, (e) => e.bit);
    this.lists = Uint16Array.from(entries, (e) => e.list);
    this.cacheGeneration = table.generation;
  }

  /** Number of distinct keys. */
  get keyCount(): number {
    return this.keyIds.size;
  }

  /**
   * Positions of the best `k` subjects for the query, best first, with their retrieval scores.
   * Only subjects whose schema bit is in `mask` and, when `lists` is given, whose list number
   * is set in it are considered. Keys shared by more than 5% of the subjects are used only when
   * the query has no rarer key.
   */
  retrieve(
    readings: readonly NameReading[],
    identifiers: readonly IdentifierValue[],
    wallets: readonly WalletValue[],
    mask: number,
    lists: Uint8Array | null,
    k: number,
  ): { candidates: Int32Array; scores: Float64Array } {
    if (this.cacheGeneration !== this.table.generation) {
      this.tokenKeyCache.clear();
      this.tokenKeyWeights.clear();
      this.cacheGeneration = this.table.generation;
    }
    const wanted = new Map<number, number>();
    for (const reading of readings) {
      for (const token of reading.tokens) {
        const [ids, weights] = this.keysOfToken(token);
        for (let i = 0; i < ids.length; i++) this.want(wanted, ids[i], weights[i] as number);
      }
      if (reading.tokens.length > 1) this.want(wanted, this.keyIds.get(`s:${reading.squashed}`), KEY_WEIGHTS.squashed);
    }
    for (const id of identifiers) this.want(wanted, this.keyIds.get(`i:${id.key}`), KEY_WEIGHTS.identifier);
    for (const wallet of wallets) this.want(wanted, this.keyIds.get(`x:${wallet.key}`), KEY_WEIGHTS.wallet);

    const commonAt = Math.max(COMMON_KEY_MIN, this.count * COMMON_KEY_SHARE);
    let anyRare = false;
    const offsets = this.offsets;
    for (const id of wanted.keys()) {
      if ((offsets[id + 1] as number) - (offsets[id] as number) <= commonAt) {
        anyRare = true;
        break;
      }
    }
    const scores = this.scores;
    const touched = this.touched;
    const bits = this.bits;
    const listOf = this.lists;
    let touchedCount = 0;
    const postings = this.postings;
    for (const [id, w] of wanted) {
      const from = offsets[id] as number;
      const to = offsets[id + 1] as number;
      if (anyRare && to - from > commonAt) continue;
      for (let i = from; i < to; i++) {
        const c = postings[i] as number;
        const s = scores[c] as number;
        if (s > 0) {
          scores[c] = s + w;
        } else if (s === 0) {
          touched[touchedCount++] = c;
          const ok = ((bits[c] as number) & mask) !== 0 && (lists === null || lists[listOf[c] as number] === 1);
          scores[c] = ok ? w : -1;
        }
      }
    }
    const top = selectTop(scores, touched, touchedCount, k);
    for (let i = 0; i < touchedCount; i++) scores[touched[i] as number] = 0;
    return top;
  }

  /** Records a key the query has, keeping its highest IDF-weighted weight. */
  private want(wanted: Map<number, number>, id: number | undefined, weight: number): void {
    if (id === undefined || this.skippable[id]) return;
    const w = weight * (this.keyWeight[id] ?? 0);
    if ((wanted.get(id) ?? 0) < w) wanted.set(id, w);
  }

  private keysOfToken(token: number): [Int32Array, Float64Array] {
    let ids = this.tokenKeyCache.get(token);
    let weights = this.tokenKeyWeights.get(token);
    if (!ids || !weights) {
      const keys = tokenKeys(this.table.info(token));
      const known = this.keyIds.has(keys[0]?.[0] ?? '');
      const found: number[] = [];
      const ws: number[] = [];
      for (const [key, w, fuzzy] of keys) {
        if (fuzzy && known) continue;
        const id = this.keyIds.get(key);
        if (id === undefined) continue;
        found.push(id);
        ws.push(w);
      }
      ids = Int32Array.from(found);
      weights = Float64Array.from(ws);
      this.tokenKeyCache.set(token, ids);
      this.tokenKeyWeights.set(token, weights);
    }
    return [ids, weights];
  }
}

function grow(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** The `k` best-scoring touched positions (score > 0), best first. */
function selectTop(scores: Float64Array, touched: Int32Array, n: number, k: number): { candidates: Int32Array; scores: Float64Array } {
  // A small sorted array: k is a few dozen, and most positions are rejected at the first comparison.
  const topIds = new Int32Array(k);
  const topScores = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const c = touched[i] as number;
    const s = scores[c] as number;
    if (s <= 0) continue;
    if (size === k && s <= (topScores[k - 1] as number)) continue;
    let pos = size < k ? size : k - 1;
    while (pos > 0 && (topScores[pos - 1] as number) < s) {
      topScores[pos] = topScores[pos - 1] as number;
      topIds[pos] = topIds[pos - 1] as number;
      pos--;
    }
    topScores[pos] = s;
    topIds[pos] = c;
    if (size < k) size++;
  }
  return { candidates: topIds.slice(0, size), scores: topScores.slice(0, size) };
}
