/**
 * Groups (64-bit key hash, record) entries by key, in typed arrays: entries are appended as they
 * come, and {@link KeyIndex.groups} sorts them once by open addressing into a table twice the entry
 * count. Memory is 12 bytes per entry plus the table, whatever the keys' lengths.
 */
export class KeyIndex {
  private lo: Uint32Array;
  private hi: Uint32Array;
  private rec: Uint32Array;
  private tag: Uint8Array;
  private n = 0;

  constructor(capacity = 1024) {
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint32Array(capacity);
    this.rec = new Uint32Array(capacity);
    this.tag = new Uint8Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Adds one entry; `tag` (0–255) travels with it to {@link groups}. */
  add(hashLo: number, hashHi: number, record: number, tag = 0): void {
    if (this.n === this.lo.length) this.grow();
    this.lo[this.n] = hashLo;
    this.hi[this.n] = hashHi;
    this.rec[this.n] = record;
    this.tag[this.n] = tag;
    this.n++;
  }

  private grow(): void {
    const size = this.lo.length * 2;
    const copy = (a: Uint32Array) => {
      const b = new Uint32Array(size);
      b.set(a);
      return b;
    };
    this.lo = copy(this.lo);
    this.hi = copy(this.hi);
    this.rec = copy(this.rec);
    const tag = new Uint8Array(size);
    tag.set(this.tag);
    this.tag = tag;
  }

  /**
   * Calls `visit` once per key held by at least `minSize` distinct records, with the records in
   * insertion order (a record that added a key twice appears once) and their entries' tags.
   */
  groups(visit: (records: number[], hashLo: number, hashHi: number, tags: number[]) => void, minSize = 2): void {
    const n = this.n;
    let cap = 1;
    while (cap < n * 2) cap <<= 1;
    const mask = cap - 1;
    const head = new Int32Array(cap).fill(-1);
    const next = new Int32Array(n).fill(-1);
    const tail = new Int32Array(cap).fill(-1);
    const count = new Uint32Array(cap);
    for (let i = 0; i < n; i++) {
      const lo = this.lo[i]!;
      const hi = this.hi[i]!;
      let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
      while (head[slot] !== -1) {
        const h = head[slot]!;
        if (this.lo[h] === lo && this.hi[h] === hi) break;
        slot = (slot + 1) & mask;
      }
      if (head[slot] === -1) head[slot] = i;
      else {
        const last = tail[slot]!;
        if (this.rec[last] === this.rec[i]) continue;
        next[last] = i;
      }
      tail[slot] = i;
      count[slot]!++;
    }
    for (let slot = 0; slot < cap; slot++) {
      if (count[slot]! < minSize) continue;
      const records: number[] = [];
      const tags: number[] = [];
      for (let e = head[slot]!; e !== -1; e = next[e]!) {
        records.push(this.rec[e]!);
        tags.push(this.tag[e]!);
      }
      const h = head[slot]!;
      visit(records, this.lo[h]!, this.hi[h]!, tags);
    }
  }
}
