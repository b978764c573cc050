import { keccak_256 } from '@noble/hashes/sha3.js';
import { base58xmr } from '@scure/base';
import { BITCOIN_ALPHABET } from './base58check.js';
import type { NormalisedAddress } from './types.js';

/** Monero network bytes (mainnet): standard `4…`, integrated `4…` (106 chars), subaddress `8…`. */
const MONERO_PREFIXES: Readonly<Record<number, string>> = { 18: 'standard', 19: 'integrated', 42: 'subaddress' };

/**
 * True for something shaped like a Monero mainnet address (95 or 106 base58 characters, `4…`/`8…`).
 *
 * @example
 * looksLikeMonero('4'.padEnd(95, 'A')); // true
 */
export function looksLikeMonero(address: string): boolean {
  return (address.length === 95 || address.length === 106) && /^[48]/.test(address) && [...address].every((c) => BITCOIN_ALPHABET.includes(c));
}

/**
 * Validates a Monero address (block-wise base58, keccak-256 checksum). Kept exactly as written.
 *
 * @example
 * normaliseMonero('49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL').valid; // true
 */
export function normaliseMonero(address: string): Omit<NormalisedAddress, 'raw'> {
  const base = { address, chain: 'monero', family: 'other' as const };
  if (!looksLikeMonero(address)) {
    const hint = /^[0-9a-fA-F]{64}$/.test(address) ? ' (64 hex digits look like a transaction id or payment id)' : '';
    return { ...base, valid: false, problem: `not a Monero address: expected 95 or 106 base58 characters starting with 4 or 8${hint}` };
  }
  let bytes: Uint8Array;
  try {
    bytes = base58xmr.decode(address);
  } catch {
    return { ...base, valid: false, problem: 'invalid Monero base58 block' };
  }
  const body = bytes.subarray(0, bytes.length - 4);
  const expected = keccak_256(body).subarray(0, 4);
  if (!expected.every((b, i) => b === bytes[bytes.length - 4 + i])) return { ...base, valid: false, problem: 'Monero checksum mismatch' };
  const kind = MONERO_PREFIXES[body[0] ?? -1];
  if (!kind) return { ...base, valid: false, problem: `unknown Monero network byte ${body[0]}` };
  return { ...base, valid: true };
}
