import { type BufferPool, COLUMN_MEMORY } from './buffer-pool.js';
import { NATIVE_POSITION, type Transfer, type TransferKind } from './transfer.js';

/** What transfers lack that the store can fill in later, and what they can lend (see TransferStore.backfill). */
export interface TransferGaps {
  lacksTxIndex: boolean;
  lacksBlockTime: boolean;
  /** A transaction's own value with its index: the transaction's other movements can take it. */
  lendsTxIndex: boolean;
}

/**
 * The gaps of transfers given as objects (see TransferColumns.gaps).
 *
 * @example
 * transferGaps(batch.transfers).lacksBlockTime
 */
export function transferGaps(transfers: readonly Transfer[]): TransferGaps {
  return {
    lacksTxIndex: transfers.some((t) => t.txIndex === null),
    lacksBlockTime: transfers.some((t) => t.blockTime === null),
    lendsTxIndex: transfers.some((t) => t.position === NATIVE_POSITION && t.txIndex !== null),
  };
}

/**
 * A column of hashes or addresses as the transfer store keeps them: a value spelt `0x` + lower-case hex of
 * the column's size is kept as that many bytes, packed back to back (row `r` at `r * size`); any other
 * spelling (a Bitcoin txid or address, `native`) is kept as text; a missing value as null.
 */
export class HexColumn {
  bytes: Buffer;
  /** A DataView of `bytes` (replaced with it). */
  view: DataView;
  /** Rows so far. */
  length = 0;
  /**
   * Per row: true when the value is in `bytes`, else its text or null; undefined while every row is in
   * `bytes` (the usual case: no array to grow row by row).
   */
  private others: (string | null | true)[] | undefined;

  /** `capacity`: rows expected (the buffer grows beyond it when needed); `memory`: where buffers come from and go back to. */
  constructor(
    readonly size: number,
    capacity = 1024,
    private readonly memory: BufferPool = COLUMN_MEMORY,
  ) {
    this.bytes = memory.take(size * Math.max(1, capacity));
    this.view = viewOf(this.bytes);
  }

  /** Whether row `r` is kept as bytes (else as text or null). */
  isBytes(r: number): boolean {
    return this.others === undefined || this.others[r] === true;
  }

  /** Row `r`'s text or null when it is not kept as bytes, else true. */
  textOf(r: number): string | null | true {
    return this.others === undefined ? true : this.others[r]!;
  }

  /**
   * Adds a row whose value the caller writes as `size` bytes at the returned offset of `bytes` (which may be
   * a new, bigger buffer after this call).
   *
   * @example
   * const at = column.pushBytes();
   * decodeHex(lineView, start, end, column.size, column.view, at);
   */
  pushBytes(): number {
    const at = this.length * this.size;
    if (at + this.size > this.bytes.length) {
      const bigger = this.memory.take(Math.max(this.bytes.length * 2, at + this.size));
      this.bytes.copy(bigger, 0, 0, at);
      this.memory.give(this.bytes);
      this.bytes = bigger;
      this.view = viewOf(bigger);
    }
    this.others?.push(true);
    this.length++;
    return at;
  }

  /**
   * Adds a row from its usual spelling.
   *
   * @example
   * column.push('0x47666fab8bd0ac7003bce3f5c3585383f09486e2'); // kept as 20 bytes
   * column.push('native'); // kept as text
   */
  push(value: string | null): void {
    if (value !== null && isLowerHex(value, this.size)) {
      const at = this.pushBytes(); // may replace `bytes`
      this.bytes.write(value.slice(2), at, 'hex');
      return;
    }
    // Rows at `r * size` stay where they are: a text row keeps its (unused) slot of `bytes`.
    this.pushBytes();
    this.others ??= new Array<string | null | true>(this.length - 1).fill(true);
    this.others[this.length - 1] = value;
  }

  /** Row `r` in its usual spelling (`0x` + lower-case hex for bytes). */
  get(r: number): string | null {
    const text = this.textOf(r);
    if (text !== true) return text;
    return `0x${this.bytes.toString('hex', r * this.size, (r + 1) * this.size)}`;
  }

  /** Row `r` as the store binds it: a view of its bytes, its text, or null. */
  bound(r: number): Uint8Array | string | null {
    const text = this.textOf(r);
    if (text !== true) return text;
    return this.bytes.subarray(r * this.size, (r + 1) * this.size);
  }

  /** Hands the column's memory back for reuse (see TransferColumns.release); the column is empty afterwards. */
  release(): void {
    this.memory.give(this.bytes);
    this.bytes = EMPTY;
    this.view = viewOf(EMPTY);
    this.others = undefined;
    this.length = 0;
  }
}

/**
 * Short texts (amounts, positions) of a column back to back as UTF-8 bytes, row `r` at
 * `bytes[start(r), ends[r])`: readers copy them straight from the bytes they read, without a string per row,
 * and the store binds a statement's rows as one blob.
 */
export class TextColumn {
  bytes: Buffer;
  ends: Int32Array;
  length = 0;

  /** `capacity`: rows expected; `bytesPerRow`: their usual length; `memory`: as for HexColumn. */
  constructor(
    capacity = 1024,
    bytesPerRow = 8,
    private readonly memory: BufferPool = COLUMN_MEMORY,
  ) {
    this.bytes = memory.take(Math.max(1, capacity) * bytesPerRow);
    this.ends = memory.takeInt32(Math.max(1, capacity));
  }

  /** Where row `r` starts in `bytes`. */
  start(r: number): number {
    return r === 0 ? 0 : this.ends[r - 1]!;
  }

  /** Row `r`'s length in bytes. */
  size(r: number): number {
    return this.ends[r]! - this.start(r);
  }

  /**
   * Adds a row.
   *
   * @example
   * column.push('1000000000000000000');
   */
  push(text: string): void {
    const at = this.end();
    this.reserve(at + 3 * text.length);
    let ascii = true;
    for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 0x7f) ascii = false;
    let end = at;
    if (ascii) for (let i = 0; i < text.length; i++) this.bytes[end++] = text.charCodeAt(i);
    else end += this.bytes.write(text, at, 'utf8');
    this.close(end);
  }

  /**
   * Adds a row that is `src[start, end)` (UTF-8). With `onlyDigits`, adds nothing and returns false unless
   * those bytes are all ASCII digits (checked while copied).
   *
   * @example
   * column.pushBytes(chunk.bytes, starts[k], ends[k]);
   */
  pushBytes(src: Uint8Array, start: number, end: number, onlyDigits = false): boolean {
    const at = this.end();
    this.reserve(at + end - start);
    const bytes = this.bytes;
    let w = at;
    for (let i = start; i < end; i++) {
      const c = src[i]!;
      if (onlyDigits && (c < 48 || c > 57)) return false;
      bytes[w++] = c;
    }
    this.close(w);
    return true;
  }

  /** Row `r` as text. */
  get(r: number): string {
    return this.bytes.toString('utf8', this.start(r), this.ends[r]);
  }

  /** Whether rows `a` and `b` hold the same text. */
  same(a: number, b: number): boolean {
    const sa = this.start(a);
    const sb = this.start(b);
    const n = this.ends[a]! - sa;
    if (this.ends[b]! - sb !== n) return false;
    const bytes = this.bytes;
    for (let i = 0; i < n; i++) if (bytes[sa + i] !== bytes[sb + i]) return false;
    return true;
  }

  /** Whether row `r` is `text` (ASCII). */
  is(r: number, text: string): boolean {
    const s = this.start(r);
    if (this.ends[r]! - s !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.bytes[s + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  private end(): number {
    return this.length === 0 ? 0 : this.ends[this.length - 1]!;
  }

  private reserve(bytes: number): void {
    if (bytes > this.bytes.length) {
      const bigger = this.memory.take(Math.max(this.bytes.length * 2, bytes));
      this.bytes.copy(bigger, 0, 0, this.end());
      this.memory.give(this.bytes);
      this.bytes = bigger;
    }
    if (this.length === this.ends.length) {
      const bigger = this.memory.takeInt32(this.ends.length * 2);
      bigger.set(this.ends.subarray(0, this.length));
      this.memory.give(this.ends);
      this.ends = bigger;
    }
  }

  /** Hands the column's memory back for reuse (see TransferColumns.release); the column is empty afterwards. */
  release(): void {
    this.memory.give(this.bytes);
    this.memory.give(this.ends);
    this.bytes = EMPTY;
    this.ends = new Int32Array(0);
    this.length = 0;
  }

  private close(end: number): void {
    this.ends[this.length++] = end;
  }
}

/**
 * Transfers of one chain column by column, in the form the transfer store binds them (see HexColumn; amounts
 * and positions as UTF-8 bytes (TextColumn), success as 1/0/null). File readers fill the columns straight from the bytes they read,
 * without a Transfer object or a string per hash; `push` converts a Transfer.
 *
 * @example
 * const columns = new TransferColumns('ethereum');
 * for (const t of transfers) columns.push(t);
 * store.write({ chain: 'ethereum', sourceId, transfers: [], columns });
 */
export class TransferColumns {
  readonly blockNumber: number[] = column();
  readonly txHash: HexColumn;
  readonly position: TextColumn;
  readonly kind: TransferKind[] = column();
  readonly blockTime: (number | null)[] = column();
  readonly txIndex: (number | null)[] = column();
  readonly from: HexColumn;
  readonly to: HexColumn;
  readonly asset: HexColumn;
  readonly amount: TextColumn;
  readonly success: (0 | 1 | null)[] = column();
  readonly flags: number[] = column();
  readonly scriptType: (string | null)[] = column();

  /** `capacity`: rows expected, so that the byte columns need not grow; `memory`: where their buffers come from and go back to. */
  constructor(
    readonly chain: string,
    capacity = 1024,
    memory: BufferPool = COLUMN_MEMORY,
  ) {
    this.txHash = new HexColumn(32, capacity, memory);
    this.from = new HexColumn(20, capacity, memory);
    this.to = new HexColumn(20, capacity, memory);
    this.asset = new HexColumn(20, capacity, memory);
    this.position = new TextColumn(capacity, 6, memory);
    this.amount = new TextColumn(capacity, 24, memory);
  }

  get length(): number {
    return this.blockNumber.length;
  }

  /**
   * Hands the memory of the byte columns back for the next batch's columns (see BufferPool) once these rows
   * are written: the columns are empty afterwards.
   *
   * @example
   * store.write({ chain, sourceId, transfers: [], columns });
   * columns.release();
   */
  release(): void {
    for (const c of [this.txHash, this.from, this.to, this.asset, this.position, this.amount]) c.release();
    for (const c of [this.blockNumber, this.kind, this.blockTime, this.txIndex, this.success, this.flags, this.scriptType]) c.length = 0;
  }

  push(t: Transfer): void {
    this.blockNumber.push(t.blockNumber);
    this.txHash.push(t.txHash);
    this.position.push(t.position);
    this.kind.push(t.kind);
    this.blockTime.push(t.blockTime);
    this.txIndex.push(t.txIndex);
    this.from.push(t.from);
    this.to.push(t.to);
    this.asset.push(t.asset);
    this.amount.push(t.amount.toString());
    this.success.push(t.success === null ? null : t.success ? 1 : 0);
    this.flags.push(t.flags);
    this.scriptType.push(t.scriptType ?? null);
  }

  /** Whether every column holds the same number of rows (a reader that stopped half-way through a row does not). */
  aligned(): boolean {
    const n = this.length;
    return [this.txHash, this.position, this.kind, this.blockTime, this.txIndex, this.from, this.to, this.asset, this.amount, this.success, this.flags, this.scriptType].every(
      (c) => c.length === n,
    );
  }

  /** What rows lack that the store can fill in from other rows, and what they can lend (see TransferStore.backfill). */
  gaps(): TransferGaps {
    const gaps: TransferGaps = { lacksTxIndex: false, lacksBlockTime: false, lendsTxIndex: false };
    for (let r = 0; r < this.length && !(gaps.lacksTxIndex && gaps.lacksBlockTime && gaps.lendsTxIndex); r++) {
      if (this.txIndex[r] === null) gaps.lacksTxIndex = true;
      else if (this.position.is(r, NATIVE_POSITION)) gaps.lendsTxIndex = true;
      if (this.blockTime[r] === null) gaps.lacksBlockTime = true;
    }
    return gaps;
  }

  /** Row `r` as a Transfer. */
  transfer(r: number): Transfer {
    const success = this.success[r];
    const t: Transfer = {
      chain: this.chain,
      blockNumber: this.blockNumber[r]!,
      blockTime: this.blockTime[r] ?? null,
      txHash: this.txHash.get(r)!,
      txIndex: this.txIndex[r] ?? null,
      position: this.position.get(r),
      kind: this.kind[r]!,
      from: this.from.get(r),
      to: this.to.get(r),
      asset: this.asset.get(r)!,
      amount: BigInt(this.amount.get(r)),
      success: success === null || success === undefined ? null : success === 1,
      flags: this.flags[r]!,
    };
    const scriptType = this.scriptType[r];
    if (scriptType !== null && scriptType !== undefined) t.scriptType = scriptType;
    return t;
  }

  toTransfers(): Transfer[] {
    return Array.from({ length: this.length }, (_, r) => this.transfer(r));
  }
}

const EMPTY = Buffer.alloc(0);

/** A DataView of the same memory as `bytes`. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A hash or address as the store keeps it (see HexColumn): `0x` + lower-case hex of `size` bytes as those
 * bytes, anything else as it is. For binding a value to compare with a stored one.
 *
 * @example
 * storedHex('0x47666fab8bd0ac7003bce3f5c3585383f09486e2', 20) // <Buffer 47 66 …>
 * storedHex('1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ', 20) // the same text
 */
export function storedHex(value: string, size: number): Uint8Array | string {
  return isLowerHex(value, size) ? Buffer.from(value.slice(2), 'hex') : value;
}

/**
 * An empty array that already holds any kind of value: V8 then never changes how it stores the elements as
 * rows arrive (small integers, then big numbers or null), and every push to a column stays the same fast path.
 */
function column<T>(): T[] {
  const a = [undefined] as T[];
  a.pop();
  return a;
}

function isLowerHex(text: string, size: number): boolean {
  if (text.length !== 2 + 2 * size || text.charCodeAt(0) !== 48 || text.charCodeAt(1) !== 120) return false;
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
