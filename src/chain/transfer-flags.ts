import { allowedToken } from './token-allowlist.js';
import { NATIVE_ASSET } from './transfer.js';

/** Warning bits stored with each transfer; tracing uses them to keep poisoning noise out of flows. */
export const TRANSFER_FLAGS = {
  /** A token contract not on the bundled allowlist: its symbol and value mean nothing. */
  unverifiedToken: 1,
  /** Zero amount: moves nothing, typical of address poisoning. */
  zeroValue: 2,
  /** One side looks like a real counterparty of the other side (same first and last hex characters). */
  lookalike: 4,
  /** A Transfer log with the token id indexed (ERC-721 shape): `amount` is the token id, not a quantity. */
  nonFungible: 8,
} as const;

export type TransferFlagName = keyof typeof TRANSFER_FLAGS;

/**
 * Names of the bits set in `flags`.
 *
 * @example
 * describeFlags(3) // ['unverifiedToken', 'zeroValue']
 */
export function describeFlags(flags: number): TransferFlagName[] {
  return (Object.keys(TRANSFER_FLAGS) as TransferFlagName[]).filter((name) => (flags & TRANSFER_FLAGS[name]) !== 0);
}

/**
 * The flags a transfer carries by itself: zero value, and unverified token (contract not on the bundled
 * allowlist for that chain). Look-alike flags need the other transfers and are set by the store.
 *
 * @example
 * intrinsicFlags('ethereum', '0xee33058e…', 0n) // unverifiedToken | zeroValue
 */
export function intrinsicFlags(chain: string, asset: string, amount: bigint, extra = 0): number {
  let flags = extra;
  if (amount === 0n) flags |= TRANSFER_FLAGS.zeroValue;
  if (asset !== NATIVE_ASSET && !allowedToken(chain, asset)) flags |= TRANSFER_FLAGS.unverifiedToken;
  return flags;
}
