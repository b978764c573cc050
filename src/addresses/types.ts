/** How an address is written: decides how it is validated and how it may be case-folded. */
export type AddressFamily = 'evm' | 'base58check' | 'bech32' | 'tron' | 'cashaddr' | 'other';

/**
 * An address as written in a list or a query, and its canonical form for exact matching.
 * `problem` is set whenever `valid` is false; `warning` flags a valid address whose context looks
 * wrong (e.g. a Tron address listed under the XBT ticker).
 */
export interface NormalisedAddress {
  raw: string;
  address: string;
  chain: string | null;
  family: AddressFamily;
  valid: boolean;
  problem?: string;
  warning?: string;
}

/** Optional context: the ticker the address was listed under (OFAC `XBT`, tagpack `currency`). */
export interface AddressHint {
  ticker?: string;
}
