/**
 * Near-duplicate 64-bit perceptual hashes by multi-index hashing (Norouzi, Punjani & Fleet 2012):
 * the hash is cut into four 16-bit chunks and each chunk position gets a table of 65,536 buckets.
 * Two hashes within Hamming distance r agree within ⌊r/4⌋ bits on at least one chunk (pigeonhole),
 * so only buckets within that chunk distance are searched — never all pairs. The default radius 3
 * needs equal chunks only: re-encoded or resized copies of one photo differ by a few bits of a
 * 64-bit DCT hash, different photos by about 32.
 */
export class PhotoIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rec: Uint32Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rec = new Uint32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** The hashes as typed arrays (copies), e.g. to send from a worker thread. */
  exportParts(): { hi: Uint32Array; lo: Uint32Array; rec: Uint32Array } {
    return { hi: this.hi.slice(0, this.n), lo: this.lo.slice(0, this.n), rec: this.rec.slice(0, this.n) };
  }

  /** Appends exported hashes, adding `recordOffset` to their record numbers. */
  appendParts(parts: { hi: Uint32Array; lo: Uint32Array; rec: Uint32Array }, recordOffset: number): void {
    for (let i = 0; i < parts.hi.length; i++) this.addHash(parts.rec[i]! + recordOffset, parts.hi[i]!, parts.lo[i]!);
  }

  /** Adds a 16-hex-digit hash for a record. */
  add(record: number, hex: string): void {
    this.addHash(record, parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0);
  }

  private addHash(record: number, hi: number, lo: number): void {
    if (this.n === this.hi.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hi = grow(this.hi);
      this.lo = grow(this.lo);
      this.rec = grow(this.rec);
    }
    this.hi[this.n] = hi;
    this.lo[this.n] = lo;
    this.rec[this.n] = record;
    this.n++;
  }

  /**
   * Visits every pair of distinct records holding hashes within `radius` bits, once per pair of
   * hashes. With radius ≤ 3 only equal chunks are compared (one bucket per chunk); radius 4–7 also
   * searches the 16 buckets one bit away, about 17 times the work.
   */
  pairs(radius: number, visit: (a: number, b: number, distance: number) => void): void {
    const n = this.n;
    const chunkRadius = Math.floor(radius / 4);
    const chunks = [0, 1, 2, 3].map((j) => {
      const c = new Uint16Array(n);
      for (let e = 0; e < n; e++) c[e] = (j < 2 ? this.hi[e]! >>> (j === 0 ? 16 : 0) : this.lo[e]! >>> (j === 2 ? 16 : 0)) & 0xffff;
      return c;
    });
    const offsets: Uint32Array[] = [];
    const entries: Uint32Array[] = [];
    for (let j = 0; j < 4; j++) {
      const chunk = chunks[j]!;
      const count = new Uint32Array(65537);
      for (let e = 0; e < n; e++) count[chunk[e]! + 1]!++;
      for (let b = 1; b <= 65536; b++) count[b]! += count[b - 1]!;
      const fill = count.slice(0, 65536);
      const list = new Uint32Array(n);
      for (let e = 0; e < n; e++) list[fill[chunk[e]!]!++] = e;
      offsets.push(count);
      entries.push(list);
    }
    const hi = this.hi;
    const lo = this.lo;
    const rec = this.rec;
    const c0 = chunks[0]!;
    const c1 = chunks[1]!;
    const c2 = chunks[2]!;
    // A pair is reported from the first chunk position where its chunks are within the chunk radius.
    const firstChunk = (e: number, f: number): number => {
      if (popcount(c0[e]! ^ c0[f]!) <= chunkRadius) return 0;
      if (popcount(c1[e]! ^ c1[f]!) <= chunkRadius) return 1;
      if (popcount(c2[e]! ^ c2[f]!) <= chunkRadius) return 2;
      return 3;
    };
    const check = (e: number, f: number, j: number): void => {
      if (rec[f] === rec[e]) return;
      const d = popcount(hi[e]! ^ hi[f]!) + popcount(lo[e]! ^ lo[f]!);
      if (d > radius || firstChunk(e, f) !== j) return;
      const ra = rec[e]!;
      const rb = rec[f]!;
      visit(ra < rb ? ra : rb, ra < rb ? rb : ra, d);
    };
    for (let j = 0; j < 4; j++) {
      const off = offsets[j]!;
      const list = entries[j]!;
      for (let bucket = 0; bucket < 65536; bucket++) {
        const start = off[bucket]!;
        const end = off[bucket + 1]!;
        // Equal chunks: every pair within the bucket.
        for (let x = start; x < end; x++) for (let y = x + 1; y < end; y++) check(list[x]!, list[y]!, j);
        if (chunkRadius < 1) continue;
        // One bit apart: each pair of buckets once (the other bucket is the higher one).
        for (let bit = 0; bit < 16; bit++) {
          const other = bucket ^ (1 << bit);
          if (other < bucket) continue;
          const oStart = off[other]!;
          const oEnd = off[other + 1]!;
          for (let x = start; x < end; x++) for (let y = oStart; y < oEnd; y++) check(list[x]!, list[y]!, j);
        }
      }
    }
  }
}

/** Number of set bits in a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Hamming distance of two 16-hex-digit hashes.
 *
 * @example
 * hammingDistance('ffffffffffffffff', 'fffffffffffffffe'); // 1
 */
export function hammingDistance(a: string, b: string): number {
  return popcount((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) + popcount((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0);
}
