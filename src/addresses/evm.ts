import { keccak_256 } from '@noble/hashes/sha3.js';
import type { NormalisedAddress } from './types.js';

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/i;
const HEX_AFTER_0X = /^0x[0-9a-fA-F]*$/i;

/**
 * True for anything written as `0x` + hex digits (even of the wrong length).
 *
 * @example
 * looksLikeEvm('0x098b'); // true
 */
export function looksLikeEvm(address: string): boolean {
  return HEX_AFTER_0X.test(address) && address.length > 2;
}

/**
 * The EIP-55 mixed-case checksum form of an EVM address.
 *
 * @example
 * toChecksumAddress('0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'); // '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
 */
export function toChecksumAddress(address: string): string {
  const lower = address.slice(2).toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(lower));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] as string;
    const nibble = ((hash[i >> 1] ?? 0) >> (i % 2 === 0 ? 4 : 0)) & 0x0f;
    out += nibble >= 8 ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Normalises an EVM address to lower case. A mixed-case input must carry a correct EIP-55 checksum;
 * all-lower and all-upper inputs carry none and are valid as they are.
 *
 * @example
 * normaliseEvm('0x098B716B8Aaf21512996dC57EB0615e2383E2f96').address; // '0x098b716b8aaf21512996dc57eb0615e2383e2f96'
 */
export function normaliseEvm(address: string, chain: string | null): Omit<NormalisedAddress, 'raw'> {
  const body = address.slice(2);
  const lower = `0x${body.toLowerCase()}`;
  const base = { address: lower, chain, family: 'evm' as const };
  if (!EVM_ADDRESS.test(address)) {
    return { ...base, valid: false, problem: `EVM address must have 40 hex digits after 0x, found ${body.length}` };
  }
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && toChecksumAddress(address) !== `0x${body}`) {
    return { ...base, valid: false, problem: 'EIP-55 checksum mismatch' };
  }
  return { ...base, valid: true };
}
