import { ownValue } from '../common/own.js';
import type { NormalisedAddress } from './types.js';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATORS = [0x98f2bc8e61n, 0x79b76d99e2n, 0xf33e5fb3c4n, 0xae2eabe2a8n, 0x1e4f43e470n];

/** Network prefixes of Bitcoin Cash CashAddr → chain. */
const CASHADDR_PREFIXES: Readonly<Record<string, string>> = { bitcoincash: 'bitcoin-cash', bchtest: 'bitcoin-cash-testnet', bchreg: 'bitcoin-cash-regtest' };

const BARE_CASHADDR = /^[qp][qpzry9x8gf2tvdw0s3jn54khce6mua7l]{41}$/;

/**
 * True for a CashAddr with its prefix (`bitcoincash:q…`) or the bare 42-character P2PKH/P2SH form.
 *
 * @example
 * looksLikeCashAddr('qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq'); // true
 */
export function looksLikeCashAddr(address: string): boolean {
  const lower = address.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon >= 0) return Object.hasOwn(CASHADDR_PREFIXES, lower.slice(0, colon));
  return BARE_CASHADDR.test(lower);
}

function polymod(values: readonly number[]): bigint {
  let c = 1n;
  for (const d of values) {
    const c0 = c >> 35n;
    c = ((c & 0x07ffffffffn) << 5n) ^ BigInt(d);
    GENERATORS.forEach((g, i) => {
      if ((c0 >> BigInt(i)) & 1n) c ^= g;
    });
  }
  return c ^ 1n;
}

/**
 * Validates a Bitcoin Cash CashAddr (40-bit BCH-code checksum) and stores it lower case with its
 * `bitcoincash:` prefix, so the bare and the prefixed form give the same key.
 *
 * @example
 * normaliseCashAddr('qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq').address; // 'bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq'
 */
export function normaliseCashAddr(address: string): Omit<NormalisedAddress, 'raw'> {
  const lower = address.toLowerCase();
  const colon = lower.indexOf(':');
  const prefix = colon >= 0 ? lower.slice(0, colon) : 'bitcoincash';
  const payload = colon >= 0 ? lower.slice(colon + 1) : lower;
  const chain = ownValue(CASHADDR_PREFIXES, prefix) ?? 'bitcoin-cash';
  const base = { address: `${prefix}:${payload}`, chain, family: 'cashaddr' as const };
  if (address !== lower && address !== address.toUpperCase()) {
    return { ...base, valid: false, problem: 'CashAddr mixes upper and lower case' };
  }
  const words: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    const w = CHARSET.indexOf(payload[i] as string);
    if (w < 0) return { ...base, valid: false, problem: `character '${payload[i]}' at position ${i + 1} of the payload is not in the CashAddr alphabet` };
    words.push(w);
  }
  if (words.length < 9) return { ...base, valid: false, problem: 'CashAddr payload is too short' };
  const prefixWords = Array.from(prefix, (ch) => ch.charCodeAt(0) & 0x1f);
  if (polymod([...prefixWords, 0, ...words]) !== 0n) return { ...base, valid: false, problem: 'CashAddr checksum mismatch' };
  return { ...base, valid: true };
}
