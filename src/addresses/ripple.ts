import { decodeBase58Check, RIPPLE_ALPHABET } from './base58check.js';
import type { NormalisedAddress } from './types.js';

/**
 * True for something shaped like an XRP Ledger classic address (`r…`, 25–35 characters of its alphabet).
 *
 * @example
 * looksLikeRipple('rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66'); // true
 */
export function looksLikeRipple(address: string): boolean {
  return /^r/.test(address) && address.length >= 25 && address.length <= 35 && [...address].every((c) => RIPPLE_ALPHABET.includes(c));
}

/**
 * Validates an XRP Ledger classic address (base58check in Ripple's alphabet, version 0x00). Kept exact.
 *
 * @example
 * normaliseRipple('rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66').valid; // true
 */
export function normaliseRipple(address: string): Omit<NormalisedAddress, 'raw'> {
  const base = { address, chain: 'ripple', family: 'other' as const };
  const decoded = decodeBase58Check(address, 'ripple');
  if (!decoded.ok) return { ...base, valid: false, problem: decoded.problem };
  if (decoded.payload.length !== 21 || decoded.payload[0] !== 0) return { ...base, valid: false, problem: 'not an XRP account id (version 0x00, 20 bytes)' };
  return { ...base, valid: true };
}
