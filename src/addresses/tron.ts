import { hex } from '@scure/base';
import { decodeBase58Check, encodeBase58Check } from './base58check.js';
import type { NormalisedAddress } from './types.js';

const TRON_VERSION = 0x41;
const TRON_HEX = /^41[0-9a-fA-F]{40}$/;

/**
 * True for the 21-byte hex form of a Tron address (`41` + 40 hex digits).
 *
 * @example
 * isTronHex('41' + 'ab'.repeat(20)); // true
 */
export function isTronHex(address: string): boolean {
  return TRON_HEX.test(address);
}

/**
 * Converts the hex form `41…` (42 hex digits) to the base58check `T…` form.
 *
 * @example
 * tronHexToBase58('410000000000000000000000000000000000000000'); // 'T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb'
 */
export function tronHexToBase58(hexAddress: string): string {
  if (!isTronHex(hexAddress)) throw new Error(`not a Tron hex address: ${hexAddress}`);
  return encodeBase58Check(hex.decode(hexAddress.toLowerCase()));
}

/**
 * Converts a base58check `T…` address to its hex form (`41` + 40 lower-case hex digits).
 *
 * @example
 * tronBase58ToHex('T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb'); // '410000000000000000000000000000000000000000'
 */
export function tronBase58ToHex(address: string): string {
  const decoded = decodeBase58Check(address);
  if (!decoded.ok) throw new Error(`not a Tron address: ${decoded.problem}`);
  if (decoded.payload.length !== 21 || decoded.payload[0] !== TRON_VERSION) throw new Error(`not a Tron address: ${address}`);
  return hex.encode(decoded.payload);
}

/**
 * Validates a Tron address (base58check, version 0x41); the hex form is converted to `T…`.
 *
 * @example
 * normaliseTron('TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre').valid; // true
 */
export function normaliseTron(address: string): Omit<NormalisedAddress, 'raw'> {
  const base58Form = isTronHex(address) ? tronHexToBase58(address) : address;
  const base = { address: base58Form, chain: 'tron', family: 'tron' as const };
  const decoded = decodeBase58Check(base58Form);
  if (!decoded.ok) return { ...base, valid: false, problem: decoded.problem };
  if (decoded.payload.length !== 21 || decoded.payload[0] !== TRON_VERSION) {
    return { ...base, valid: false, problem: 'base58check payload is not a Tron address (version 0x41, 20-byte hash)' };
  }
  return { ...base, valid: true };
}
