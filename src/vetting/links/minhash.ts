import { KeyIndex, type KeyIndexParts } from './key-index.js';
import { mix32 } from './hash64.js';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Signature length: one-permutation MinHash with this many bins. */
export const MINHASH_BINS = 32;
/** LSH banding: bands × rows = bins. A pair with Jaccard s becomes a candidate with probability 1 − (1 − s⁴)⁸ (0.985 at s = 0.8, 0.40 at 0.5, 0.06 at 0.3). */
export const LSH_BANDS = 8;
export const LSH_ROWS = 4;
/** Texts with fewer word 3-grams than this are not compared (too short to say anything). */
export const MIN_SHINGLES = 10;

const EMPTY = 0xffffffff;

/**
 * The word 3-gram shingles of a text (lower-cased, letters and digits only), as the 32-bit values
 * {@link minhash} hashes (word hashes combined by rotation and XOR).
 *
 * @example
 * shingles('Senior React developer with five years').length; // 4
 */
export function shingles(text: string): Uint32Array {
  const words: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i < n) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 65 && c <= 90) c += 32;
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          h = Math.imul(h ^ c, 0x01000193);
          inWord = true;
          continue;
        }
      } else if (WORD_CHAR.test(text[i]!)) {
        h = Math.imul(h ^ text[i]!.toLowerCase().charCodeAt(0), 0x01000193);
        inWord = true;
        continue;
      }
    }
    if (inWord) {
      words.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
  }
  const count = Math.max(0, words.length - 2);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const w2 = words[i + 1]!;
    const w = words[i + 2]!;
    out[i] = (words[i]! ^ ((w2 << 7) | (w2 >>> 25)) ^ ((w << 19) | (w >>> 13))) >>> 0;
  }
  return out;
}


/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava & Li
 * 2014): each shingle is hashed once, its top 5 bits pick a bin, the bin keeps its smallest value;
 * an empty bin borrows the next non-empty bin's value. Cost is one hash per shingle instead of one
 * per shingle and permutation. Null when the text has fewer than {@link MIN_SHINGLES} shingles.
 *
 * @example
 * const a = minhash(resumeA), b = minhash(resumeB);
 * if (a && b) estimateJaccard(a, b); // ≈ Jaccard similarity of the two texts' 3-gram sets
 */
export function minhash(text: string, into?: Uint32Array): Uint32Array | null {
  const sig = (into ?? new Uint32Array(MINHASH_BINS)).fill(EMPTY);
  let w1 = 0;
  let w2 = 0;
  let words = 0;
  let shingleCount = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i < n) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        if (c >= 65 && c <= 90) c += 32;
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          h = Math.imul(h ^ c, 0x01000193);
          inWord = true;
          continue;
        }
      } else if (WORD_CHAR.test(text[i]!)) {
        h = Math.imul(h ^ text[i]!.toLowerCase().charCodeAt(0), 0x01000193);
        inWord = true;
        continue;
      }
    }
    if (!inWord) continue;
    const w = h >>> 0;
    h = 0x811c9dc5;
    inWord = false;
    words++;
    if (words >= 3) {
      const x = mix32(w1 ^ ((w2 << 7) | (w2 >>> 25)) ^ ((w << 19) | (w >>> 13)) ^ 0x5bd1e995);
      const bin = x >>> 27;
      const value = x & 0x07ffffff;
      if (value < sig[bin]!) sig[bin] = value;
      shingleCount++;
    }
    w1 = w2;
    w2 = w;
  }
  if (shingleCount < MIN_SHINGLES) return null;
  for (let b = 0; b < MINHASH_BINS; b++) {
    if (sig[b] !== EMPTY) continue;
    for (let step = 1; step < MINHASH_BINS; step++) {
      const src = sig[(b + step) % MINHASH_BINS]!;
      if (src !== EMPTY && src < 0x08000000) {
        sig[b] = 0x08000000 + step * 0x01000000 + (src & 0x00ffffff);
        break;
      }
    }
  }
  return sig;
}

/** Fraction of equal signature positions: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < MINHASH_BINS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_BINS;
}

/**
 * Near-duplicate texts among many records, by LSH banding over MinHash signatures: each band's
 * four values are hashed into a bucket; records sharing a bucket in any band are candidates, and
 * candidates are kept when their estimated Jaccard similarity reaches the threshold. A bucket held
 * by more than `maxBucket` records is boilerplate and skipped (counted in `skippedBuckets`).
 *
 * @example
 * const index = new MinHashIndex();
 * index.add(0, 'text…'); index.add(1, 'text…');
 * index.pairs(0.6, (a, b, similarity) => …);
 */
/** A {@link MinHashIndex}'s contents, as typed arrays that can cross threads. */
export interface MinHashParts {
  sigs: Uint16Array;
  owners: Uint32Array;
  bands: KeyIndexParts[];
}

export class MinHashIndex {
  /** Low 16 bits of each signature value: 64 bytes per text; equal values collide by chance 1 in 65,536. */
  private sigs: Uint16Array;
  private owners: Uint32Array;
  private n = 0;
  private readonly bands: KeyIndex[] = Array.from({ length: LSH_BANDS }, () => new KeyIndex());
  skippedBuckets = 0;

  constructor(capacity = 1024) {
    this.sigs = new Uint16Array(capacity * MINHASH_BINS);
    this.owners = new Uint32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  private readonly scratch = new Uint32Array(MINHASH_BINS);

  /** The signatures and band entries as typed arrays (copies), e.g. to send from a worker thread. */
  exportParts(): MinHashParts {
    return { sigs: this.sigs.slice(0, this.n * MINHASH_BINS), owners: this.owners.slice(0, this.n), bands: this.bands.map((b) => b.exportParts()) };
  }

  /** Appends exported texts, adding `recordOffset` to their record numbers. */
  appendParts(parts: MinHashParts, recordOffset: number): void {
    const slotOffset = this.n;
    const count = parts.owners.length;
    while (this.owners.length < this.n + count) {
      const owners = new Uint32Array(this.owners.length * 2);
      owners.set(this.owners);
      this.owners = owners;
      const sigs = new Uint16Array(this.owners.length * MINHASH_BINS);
      sigs.set(this.sigs);
      this.sigs = sigs;
    }
    this.sigs.set(parts.sigs, this.n * MINHASH_BINS);
    for (let i = 0; i < count; i++) this.owners[this.n + i] = parts.owners[i]! + recordOffset;
    this.n += count;
    parts.bands.forEach((band, b) => this.bands[b]!.appendParts(band, slotOffset));
  }

  /** Adds a record's text; returns false when the text is too short to compare. */
  add(record: number, text: string): boolean {
    const sig = minhash(text, this.scratch);
    if (!sig) return false;
    if (this.n === this.owners.length) {
      const owners = new Uint32Array(this.n * 2);
      owners.set(this.owners);
      this.owners = owners;
      const sigs = new Uint16Array(this.n * 2 * MINHASH_BINS);
      sigs.set(this.sigs);
      this.sigs = sigs;
    }
    const slot = this.n++;
    this.owners[slot] = record;
    for (let i = 0; i < MINHASH_BINS; i++) this.sigs[slot * MINHASH_BINS + i] = sig[i]! & 0xffff;
    for (let b = 0; b < LSH_BANDS; b++) {
      let h1 = 0x12345678 ^ b;
      let h2 = 0x9abcdef0 ^ b;
      for (let r = 0; r < LSH_ROWS; r++) {
        const v = sig[b * LSH_ROWS + r]!;
        h1 = mix32(h1 ^ v);
        h2 = mix32(Math.imul(h2, 31) ^ v ^ 0x27d4eb2d);
      }
      this.bands[b]!.add(h1, h2, slot);
    }
    return true;
  }

  /** Visits each pair of records whose texts reach `minSimilarity`, once. */
  pairs(minSimilarity: number, visit: (a: number, b: number, similarity: number) => void, maxBucket = 50): void {
    const seen = new Set<number>();
    const sigs = this.sigs;
    for (const band of this.bands) {
      band.groups((slots) => {
        if (slots.length > maxBucket) {
          this.skippedBuckets++;
          return;
        }
        for (let i = 0; i < slots.length; i++) {
          for (let j = i + 1; j < slots.length; j++) {
            const a = Math.min(slots[i]!, slots[j]!);
            const b = Math.max(slots[i]!, slots[j]!);
            const key = a * 0x4000000 + b;
            if (seen.has(key)) continue;
            seen.add(key);
            let same = 0;
            for (let k = 0; k < MINHASH_BINS; k++) if (sigs[a * MINHASH_BINS + k] === sigs[b * MINHASH_BINS + k]) same++;
            const similarity = same / MINHASH_BINS;
            const ra = this.owners[a]!;
            const rb = this.owners[b]!;
            if (similarity >= minSimilarity && ra !== rb) visit(Math.min(ra, rb), Math.max(ra, rb), similarity);
          }
        }
      });
    }
  }
}
