import { decodeBase58Check } from './base58check.js';
import type { NormalisedAddress } from './types.js';

/**
 * Version prefix (hex) → chains whose base58check addresses use it. Several chains share a prefix
 * (Bitcoin, Bitcoin Cash and BSV legacy `1…`; Dogecoin and Verge `D…`): the first is the default and a
 * ticker hint picks among the others.
 */
export const BASE58_VERSIONS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '00': ['bitcoin', 'bitcoin-cash', 'bitcoin-sv'],
  '05': ['bitcoin', 'bitcoin-cash', 'bitcoin-sv', 'litecoin'],
  '6f': ['bitcoin-testnet'],
  c4: ['bitcoin-testnet'],
  '30': ['litecoin'],
  '32': ['litecoin'],
  '1e': ['dogecoin', 'verge'],
  '16': ['dogecoin'],
  '21': ['verge'],
  '4c': ['dash'],
  '10': ['dash'],
  '26': ['bitcoin-gold'],
  '17': ['bitcoin-gold'],
  // Zcash transparent addresses have two-byte prefixes: t1 (P2PKH) and t3 (P2SH).
  '1cb8': ['zcash'],
  '1cbd': ['zcash'],
  '1d25': ['zcash-testnet'],
});

/** Hash length of every address type above. */
const HASH160_BYTES = 20;

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Chains a decoded payload can belong to, from its version prefix (1 or 2 bytes before a hash160).
 *
 * @example
 * chainsForPayload(Uint8Array.of(0x30, ...new Uint8Array(20))); // ['litecoin']
 */
export function chainsForPayload(payload: Uint8Array): readonly string[] {
  const prefixLength = payload.length - HASH160_BYTES;
  if (prefixLength !== 1 && prefixLength !== 2) return [];
  return BASE58_VERSIONS[toHex(payload.subarray(0, prefixLength))] ?? [];
}

/**
 * Validates a Bitcoin-family base58check address (BTC, LTC, DASH, ZEC t-address, DOGE, BTG, BCH/BSV
 * legacy, XVG). The address is kept exactly as written: base58 is case-sensitive.
 *
 * @example
 * normaliseBitcoinBase58('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'bitcoin').chain; // 'bitcoin'
 */
export function normaliseBitcoinBase58(address: string, preferredChain?: string | null): Omit<NormalisedAddress, 'raw'> {
  const decoded = decodeBase58Check(address);
  if (!decoded.ok) return { address, chain: preferredChain ?? null, family: 'base58check', valid: false, problem: decoded.problem };
  const chains = chainsForPayload(decoded.payload);
  if (chains.length === 0) {
    const prefix = toHex(decoded.payload.subarray(0, Math.max(1, decoded.payload.length - HASH160_BYTES)));
    return {
      address,
      chain: preferredChain ?? null,
      family: 'base58check',
      valid: false,
      problem: `unknown base58check version prefix 0x${prefix} (payload of ${decoded.payload.length} bytes)`,
    };
  }
  const result: Omit<NormalisedAddress, 'raw'> = { address, chain: chains[0] ?? null, family: 'base58check', valid: true };
  if (preferredChain && chains.includes(preferredChain)) result.chain = preferredChain;
  else if (preferredChain) result.warning = `listed as ${preferredChain} but the version prefix is that of ${chains.join('/')}`;
  return result;
}
