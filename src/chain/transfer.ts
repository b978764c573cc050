/**
 * The normalised transfer: one record per value movement on any chain. Amounts are exact integers in the
 * asset's base units (wei, token base units, satoshi); the unique key is (chain, blockNumber, txHash,
 * position), so importing the same movement twice from any source stores it once.
 */

/** native: a transaction's own value; internal: a value-carrying call inside a transaction (traces);
 * token: an ERC-20 style Transfer log; utxo: one Bitcoin-style transaction output. */
export type TransferKind = 'native' | 'internal' | 'token' | 'utxo';

export const TRANSFER_KINDS: readonly TransferKind[] = ['native', 'internal', 'token', 'utxo'];

/** `native` or a token contract address (lower-case 0x hex). */
export const NATIVE_ASSET = 'native';

export interface Transfer {
  /** Chain name: `ethereum`, `bitcoin`, … (see chains.ts). */
  chain: string;
  blockNumber: number;
  /** Block time as Unix seconds; null when the source did not say (filled from stored blocks later). */
  blockTime: number | null;
  txHash: string;
  /** Index of the transaction inside its block; null when the source did not say. */
  txIndex: number | null;
  /** Orders movements inside a transaction and distinguishes them; see the position helpers below. */
  position: string;
  kind: TransferKind;
  /** Sender; null for a coinbase output or where a source does not name one (UTXO outputs). */
  from: string | null;
  /** Receiver; null for a non-standard output or an unknown contract creation. */
  to: string | null;
  asset: string;
  /** Exact amount in base units. */
  amount: bigint;
  /** true: moved; false: the call failed and moved nothing; null: the source does not say. */
  success: boolean | null;
  /** Bit set of TRANSFER_FLAGS. */
  flags: number;
  /** UTXO outputs only: the script type (pubkeyhash, multisig, nulldata, nonstandard, witness_v0_keyhash, …). */
  scriptType?: string | null;
}

/** A Bitcoin-style input: which earlier output this transaction spends. */
export interface UtxoInput {
  chain: string;
  blockNumber: number;
  txHash: string;
  inputIndex: number;
  spentTxHash: string;
  spentOutputIndex: number;
  /** Known when the node (getblock verbosity 3) or the export carried the previous output. */
  value: bigint | null;
  address: string | null;
}

/**
 * Positions are short strings that sort in execution order inside a transaction. Every integer is written
 * with its digit count first (`7` → `17`, `123` → `3123`), so plain string order equals numeric order for
 * any size. The first letter names the namespace: a = the transaction's own value, b = a call (trace
 * address), c = a log, n = a cryo native-transfer ordinal, o = a UTXO output, g = a generic-CSV position.
 */
export const NATIVE_POSITION = 'a';

export function encodeOrdinal(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`position ordinal must be a non-negative integer, got ${n}`);
  const digits = String(n);
  if (digits.length > 9) throw new RangeError(`position ordinal too large: ${n}`);
  return `${digits.length}${digits}`;
}

/**
 * Position of an internal call from its trace address (the path of call indexes from the top-level call).
 *
 * @example
 * tracePosition([0, 12]) // 'b10.212'
 */
export function tracePosition(traceAddress: readonly number[]): string {
  return `b${traceAddress.map(encodeOrdinal).join('.')}`;
}

/**
 * Position of a log (token transfer) from its block-wide log index.
 *
 * @example
 * logPosition(57) // 'c257'
 */
export function logPosition(logIndex: number): string {
  return `c${encodeOrdinal(logIndex)}`;
}

/** Position of a UTXO output. @example utxoOutputPosition(1) // 'o11' */
export function utxoOutputPosition(outputIndex: number): string {
  return `o${encodeOrdinal(outputIndex)}`;
}

/** Position of a cryo `native_transfers` row that is not its transaction's first (cryo gives no trace address). */
export function cryoTransferPosition(transferIndex: number): string {
  return `n${encodeOrdinal(transferIndex)}`;
}

/** Position of a generic-CSV row that is neither a transaction's own value nor a log. */
export function genericPosition(position: number): string {
  return `g${encodeOrdinal(position)}`;
}

/** Readable form of a position for output: `tx`, `call 0.12`, `log 57`, `output 1`, … */
export function describePosition(position: string): string {
  if (position === NATIVE_POSITION) return 'tx';
  const body = position.slice(1);
  const decode = (s: string) => s.split('.').map((p) => String(Number(p.slice(1)))).join('.');
  switch (position[0]) {
    case 'b':
      return `call ${decode(body)}`;
    case 'c':
      return `log ${decode(body)}`;
    case 'o':
      return `output ${decode(body)}`;
    case 'n':
      return `cryo transfer ${decode(body)}`;
    case 'g':
      return `position ${decode(body)}`;
    default:
      return position;
  }
}
