/**
 * Groups (64-bit key hash, record) entries by key, in typed arrays: entries are appended as they
 * come, and {@link KeyIndex.groups} sorts them once. Memory is 13 bytes per entry plus the sort's
 * two index arrays, whatever the keys' lengths.
 */
/** A {@link KeyIndex}'s entries, as typed arrays that can cross threads. */
export interface KeyIndexParts {
  lo: Uint32Array;
  hi: Uint32Array;
  rec: Uint32Array;
  tag: Uint8Array;
}

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

  /** The entries as plain typed arrays (copies), e.g. to send from a worker thread. */
  exportParts(): KeyIndexParts {
    return { lo: this.lo.slice(0, this.n), hi: this.hi.slice(0, this.n), rec: this.rec.slice(0, this.n), tag: this.tag.slice(0, this.n) };
  }

  /** Appends exported entries, adding `recordOffset` to their record numbers. */
  appendParts(parts: KeyIndexParts, recordOffset: number): void {
    for (let i = 0; i < parts.lo.length; i++) this.add(parts.lo[i]!, parts.hi[i]!, parts.rec[i]! + recordOffset, parts.tag[i]!);
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
   * insertion order (a record that added a key twice appears once) and their entries' tags. Entries
   * are grouped by a stable radix sort on the hash (two 16-bit passes): linear time, three arrays of
   * the entry count.
   */
  groups(visit: (records: number[], hashLo: number, hashHi: number, tags: number[]) => void, minSize = 2): void {
    const n = this.n;
    const lo = this.lo;
    const count = new Uint32Array(65537);
    const tmp = new Uint32Array(n);
    for (let i = 0; i < n; i++) count[(lo[i]! & 0xffff) + 1]!++;
    for (let b = 1; b <= 65536; b++) count[b]! += count[b - 1]!;
    for (let i = 0; i < n; i++) tmp[count[lo[i]! & 0xffff]!++] = i;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(lo[i]! >>> 16) + 1]!++;
    for (let b = 1; b <= 65536; b++) count[b]! += count[b - 1]!;
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) {
      const i = tmp[k]!;
      order[count[lo[i]! >>> 16]!++] = i;
    }
    let s = 0;
    while (s < n) {
      const key = lo[order[s]!]!;
      let e = s + 1;
      while (e < n && lo[order[e]!] === key) e++;
      if (e - s >= minSize) this.emitRun(order, s, e, minSize, visit);
      s = e;
    }
  }

  /** Emits the groups of one run of equal low hashes (almost always one group: equal high hashes too). */
  private emitRun(order: Uint32Array, s: number, e: number, minSize: number, visit: (records: number[], hashLo: number, hashHi: number, tags: number[]) => void): void {
    const first = this.hi[order[s]!]!;
    let mixed = false;
    for (let k = s + 1; k < e && !mixed; k++) if (this.hi[order[k]!] !== first) mixed = true;
    const his = mixed ? new Set(Array.from(order.subarray(s, e), (i) => this.hi[i]!)) : [first];
    for (const h of his) {
      const records: number[] = [];
      const tags: number[] = [];
      for (let k = s; k < e; k++) {
        const i = order[k]!;
        if (this.hi[i] !== h) continue;
        if (records.length && records[records.length - 1] === this.rec[i]) continue;
        records.push(this.rec[i]!);
        tags.push(this.tag[i]!);
      }
      if (records.length >= minSize) visit(records, this.lo[order[s]!]!, h, tags);
    }
  }
}
