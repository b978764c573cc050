import { bech32, bech32m } from '@scure/base';
import type { NormalisedAddress } from './types.js';

/**
 * Human-readable prefix → chain: SegWit addresses (BIP-173/350), Zcash Sapling `zs1…`, BNB Beacon
 * Chain `bnb1…` and Cosmos `cosmos1…`.
 */
export const BECH32_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  bc: 'bitcoin',
  tb: 'bitcoin-testnet',
  bcrt: 'bitcoin-regtest',
  ltc: 'litecoin',
  tltc: 'litecoin-testnet',
  zs: 'zcash',
  bnb: 'bnb-beacon-chain',
  cosmos: 'cosmos',
});

/** Prefixes whose data part is a SegWit witness version + program. */
const SEGWIT_PREFIXES: ReadonlySet<string> = new Set(['bc', 'tb', 'bcrt', 'ltc', 'tltc']);

/** Data length in 5-bit words (without checksum) of the non-SegWit formats: 43-byte Sapling, 20-byte account ids. */
const PLAIN_WORDS: Readonly<Record<string, number>> = { zs: 69, bnb: 32, cosmos: 32 };

/**
 * The bech32 prefix an address starts with, if any (`bc1…`, `ltc1…`), case-insensitively.
 *
 * @example
 * bech32Prefix('BC1QXY…'); // 'bc'
 */
export function bech32Prefix(address: string): string | undefined {
  const lower = address.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep <= 0) return undefined;
  const hrp = lower.slice(0, sep);
  return Object.hasOwn(BECH32_PREFIXES, hrp) ? hrp : undefined;
}

function segwitProblem(words: number[], encoding: 'bech32' | 'bech32m'): string | undefined {
  const version = words[0];
  if (version === undefined || version > 16) return 'missing or invalid witness version';
  const program = bech32.fromWordsUnsafe(words.slice(1));
  if (!program) return 'witness program has invalid padding';
  if (program.length < 2 || program.length > 40) return `witness program of ${program.length} bytes (must be 2–40)`;
  if (version === 0 && program.length !== 20 && program.length !== 32) {
    return `version-0 witness program of ${program.length} bytes (must be 20 or 32)`;
  }
  if (version === 0 && encoding !== 'bech32') return 'witness version 0 must use bech32, not bech32m';
  if (version !== 0 && encoding !== 'bech32m') return `witness version ${version} must use bech32m (BIP-350)`;
  return undefined;
}

/**
 * Validates a bech32/bech32m address and stores it in lower case (bech32 is case-insensitive, but
 * mixed case is invalid).
 *
 * @example
 * normaliseBech32('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4').address; // 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'
 */
export function normaliseBech32(address: string): Omit<NormalisedAddress, 'raw'> {
  const lower = address.toLowerCase();
  const hrp = bech32Prefix(address);
  const chain = hrp ? (BECH32_PREFIXES[hrp] ?? null) : null;
  const base = { address: lower, chain, family: 'bech32' as const };
  if (address !== lower && address !== address.toUpperCase()) {
    return { ...base, valid: false, problem: 'bech32 address mixes upper and lower case' };
  }
  const segwit = hrp !== undefined && SEGWIT_PREFIXES.has(hrp);
  const asBech32 = bech32.decodeUnsafe(lower, segwit ? 90 : false);
  const asBech32m = asBech32 || !segwit ? undefined : bech32m.decodeUnsafe(lower, 90);
  const decoded = asBech32 ?? asBech32m;
  if (!decoded) return { ...base, valid: false, problem: 'bech32 checksum mismatch or invalid character' };
  if (!segwit) {
    const expected = hrp ? PLAIN_WORDS[hrp] : undefined;
    return decoded.words.length === expected ? { ...base, valid: true } : { ...base, valid: false, problem: `${chain ?? 'bech32'} address of the wrong length` };
  }
  const problem = segwitProblem(decoded.words, asBech32 ? 'bech32' : 'bech32m');
  return problem ? { ...base, valid: false, problem } : { ...base, valid: true };
}
