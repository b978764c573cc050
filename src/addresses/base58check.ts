import { sha256 } from '@noble/hashes/sha2.js';
import { base58, base58xrp } from '@scure/base';

export const BITCOIN_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
export const RIPPLE_ALPHABET = 'rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz';

export type Base58CheckResult = { ok: true; payload: Uint8Array } | { ok: false; problem: string };

/**
 * Decodes a base58check string (payload + 4-byte double-SHA-256 checksum) without ever case-folding it.
 *
 * @example
 * decodeBase58Check('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'); // { ok: true, payload: <00 62e907b1…> }
 */
export function decodeBase58Check(text: string, alphabet: 'bitcoin' | 'ripple' = 'bitcoin'): Base58CheckResult {
  const chars = alphabet === 'bitcoin' ? BITCOIN_ALPHABET : RIPPLE_ALPHABET;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!chars.includes(ch)) {
      return { ok: false, problem: `character '${ch}' at position ${i + 1} is not in the base58 alphabet` };
    }
  }
  const bytes = (alphabet === 'bitcoin' ? base58 : base58xrp).decode(text);
  if (bytes.length < 5) return { ok: false, problem: 'too short for base58check' };
  const payload = bytes.subarray(0, bytes.length - 4);
  const checksum = bytes.subarray(bytes.length - 4);
  const expected = sha256(sha256(payload)).subarray(0, 4);
  if (!expected.every((b, i) => b === checksum[i])) return { ok: false, problem: 'base58check checksum mismatch' };
  return { ok: true, payload };
}

/**
 * Encodes a payload as base58check (appends the double-SHA-256 checksum).
 *
 * @example
 * encodeBase58Check(Uint8Array.of(0x41, ...new Uint8Array(20))); // 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb'
 */
export function encodeBase58Check(payload: Uint8Array, alphabet: 'bitcoin' | 'ripple' = 'bitcoin'): string {
  const checksum = sha256(sha256(payload)).subarray(0, 4);
  const full = new Uint8Array(payload.length + 4);
  full.set(payload);
  full.set(checksum, payload.length);
  return (alphabet === 'bitcoin' ? base58 : base58xrp).encode(full);
}
