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
  /** Per row: true when the value is in `bytes`, else its text or null. */
  readonly texts: (string | null | true)[] = [];

  /** `capacity`: rows expected (the buffer grows beyond it when needed). */
  constructor(
    readonly size: number,
    capacity = 1024,
  ) {
    this.bytes = Buffer.allocUnsafe(size * Math.max(1, capacity));
  }

  get length(): number {
    return this.texts.length;
  }

  /**
   * Adds a row whose value the caller writes as `size` bytes at the returned offset of `bytes` (which may be
   * a new, bigger buffer after this call).
   *
   * @example
   * const at = column.pushBytes();
   * decodeHex(line, start, end, column.size, column.bytes, at);
   */
  pushBytes(): number {
    const at = this.texts.length * this.size;
    if (at + this.size > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, at + this.size));
      this.bytes.copy(bigger, 0, 0, at);
      this.bytes = bigger;
    }
    this.texts.push(true);
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
    } else this.texts.push(value);
  }

  /** Row `r` in its usual spelling (`0x` + lower-case hex for bytes). */
  get(r: number): string | null {
    const text = this.texts[r];
    if (text !== true) return text ?? null;
    return `0x${this.bytes.toString('hex', r * this.size, (r + 1) * this.size)}`;
  }

  /** Row `r` as the store binds it: a view of its bytes, its text, or null. */
  bound(r: number): Uint8Array | string | null {
    const text = this.texts[r];
    if (text !== true) return text ?? null;
    return this.bytes.subarray(r * this.size, (r + 1) * this.size);
  }
}

/**
 * Transfers of one chain column by column, in the form the transfer store binds them (see HexColumn; amounts
 * as decimal text, success as 1/0/null). File readers fill the columns straight from the bytes they read,
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
  readonly position: string[] = column();
  readonly kind: TransferKind[] = column();
  readonly blockTime: (number | null)[] = column();
  readonly txIndex: (number | null)[] = column();
  readonly from: HexColumn;
  readonly to: HexColumn;
  readonly asset: HexColumn;
  readonly amount: string[] = column();
  readonly success: (0 | 1 | null)[] = column();
  readonly flags: number[] = column();
  readonly scriptType: (string | null)[] = column();

  /** `capacity`: rows expected, so that the byte columns need not grow. */
  constructor(
    readonly chain: string,
    capacity = 1024,
  ) {
    this.txHash = new HexColumn(32, capacity);
    this.from = new HexColumn(20, capacity);
    this.to = new HexColumn(20, capacity);
    this.asset = new HexColumn(20, capacity);
  }

  get length(): number {
    return this.blockNumber.length;
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
      else if (this.position[r] === NATIVE_POSITION) gaps.lendsTxIndex = true;
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
      position: this.position[r]!,
      kind: this.kind[r]!,
      from: this.from.get(r),
      to: this.to.get(r),
      asset: this.asset.get(r)!,
      amount: BigInt(this.amount[r]!),
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
