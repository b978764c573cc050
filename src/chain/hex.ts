/** Strict readers for the hex values of Ethereum JSON-RPC and exports; each returns undefined on bad input. */

const HEX_QUANTITY = /^0x[0-9a-fA-F]+$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;

/**
 * A hex quantity (`0x1b`) as a bigint.
 *
 * @example
 * hexToBigInt('0x5a178a89b930e00') // 405738107000000000n
 */
export function hexToBigInt(value: unknown): bigint | undefined {
  if (typeof value !== 'string' || !HEX_QUANTITY.test(value)) return undefined;
  return BigInt(value);
}

/** A hex quantity as a safe integer (block numbers, indexes). */
export function hexToSafeInteger(value: unknown): number | undefined {
  const n = hexToBigInt(value);
  if (n === undefined || n > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(n);
}

export function toHexQuantity(n: number | bigint): string {
  return `0x${n.toString(16)}`;
}

/**
 * A 20-byte address in lower case, or undefined.
 *
 * @example
 * normalizeEvmAddress('0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2') // '0x47666fab8bd0ac7003bce3f5c3585383f09486e2'
 */
export function normalizeEvmAddress(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ADDRESS.test(value)) return undefined;
  return value.toLowerCase();
}

/** A 32-byte hash in lower case, or undefined. */
export function normalizeHash(value: unknown): string | undefined {
  if (typeof value !== 'string' || !HASH.test(value)) return undefined;
  return value.toLowerCase();
}

/** The address in a 32-byte log topic (its last 20 bytes, as ethereum-etl reads it). */
export function topicToAddress(topic: string): string | undefined {
  if (!HASH.test(topic)) return undefined;
  return `0x${topic.slice(26).toLowerCase()}`;
}
