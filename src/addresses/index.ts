import { BITCOIN_ALPHABET } from './base58check.js';
import { bech32Prefix, normaliseBech32 } from './bech32.js';
import { normaliseBitcoinBase58 } from './bitcoin.js';
import { looksLikeCashAddr, normaliseCashAddr } from './cashaddr.js';
import { looksLikeEvm, normaliseEvm } from './evm.js';
import { looksLikeMonero, normaliseMonero } from './monero.js';
import { looksLikeRipple, normaliseRipple } from './ripple.js';
import { textProblem } from './text.js';
import type { TickerMeaning } from './tickers.js';
import { EVM_CHAINS, tickerMeaning, tokenChainForFamily, UNVALIDATED_CHAINS } from './tickers.js';
import { isTronHex, normaliseTron } from './tron.js';
import type { AddressHint, NormalisedAddress } from './types.js';

export type { AddressFamily, AddressHint, NormalisedAddress } from './types.js';
export { EVM_CHAINS, exportedTickers, tickerMeaning } from './tickers.js';
export { toChecksumAddress } from './evm.js';
export { tronBase58ToHex, tronHexToBase58 } from './tron.js';

const TRON_BASE58 = /^T[1-9A-HJ-NP-Za-km-z]{33}$/;

function isBase58(address: string): boolean {
  for (const ch of address) if (!BITCOIN_ALPHABET.includes(ch)) return false;
  return true;
}

function describeTicker(ticker: string | undefined, chain: string): string {
  return `listed under ticker ${ticker?.trim().toUpperCase()} (${chain})`;
}

function evmChain(meaning: TickerMeaning): string | null {
  if (meaning.kind === 'token') return tokenChainForFamily('evm');
  if (meaning.kind === 'chain' && EVM_CHAINS.has(meaning.chain)) return meaning.chain;
  return null;
}

function byFormat(address: string, meaning: TickerMeaning): Omit<NormalisedAddress, 'raw'> {
  const hintChain = meaning.kind === 'chain' ? meaning.chain : null;
  if (looksLikeEvm(address)) return normaliseEvm(address, evmChain(meaning));
  if (isTronHex(address) || TRON_BASE58.test(address)) return normaliseTron(address);
  if (looksLikeCashAddr(address)) return normaliseCashAddr(address);
  if (bech32Prefix(address)) return normaliseBech32(address);
  if (hintChain === 'monero' || looksLikeMonero(address)) return normaliseMonero(address);
  if (hintChain === 'ripple' || looksLikeRipple(address)) return normaliseRipple(address);
  if (hintChain && UNVALIDATED_CHAINS.has(hintChain)) {
    return { address, chain: hintChain, family: 'other', valid: false, problem: `${hintChain} addresses are not validated` };
  }
  if (isBase58(address)) {
    const preferred = hintChain ?? (meaning.kind === 'token' ? tokenChainForFamily('base58check') : null);
    const result = normaliseBitcoinBase58(address, preferred);
    if (!result.valid && meaning.kind === 'unknown') {
      result.problem = `no validator for ticker ${meaning.ticker}, and not a Bitcoin-family address (${result.problem})`;
    }
    return result;
  }
  return { address, chain: hintChain, family: 'other', valid: false, problem: 'unrecognised address format' };
}

/** Adds a warning when the ticker the address was listed under names another chain than its format. */
function checkHint(result: Omit<NormalisedAddress, 'raw'>, meaning: TickerMeaning, hint: AddressHint): void {
  if (result.warning) return;
  if (meaning.kind === 'unknown') {
    result.warning = `unknown ticker ${meaning.ticker}`;
    return;
  }
  if (meaning.kind !== 'chain' || result.family === 'base58check') return;
  const formatChain = result.family === 'evm' ? null : result.chain;
  const mismatch = result.family === 'evm' ? !EVM_CHAINS.has(meaning.chain) : formatChain !== null && formatChain !== meaning.chain;
  if (mismatch) {
    const what = result.family === 'evm' ? 'an EVM address' : `a ${result.chain} address`;
    result.warning = `${describeTicker(hint.ticker, meaning.chain)} but it is ${what}`;
  }
}

/**
 * Validates a crypto address and gives its canonical form for exact matching: EVM hex in lower case
 * (EIP-55 checked when mixed case), bech32/CashAddr in lower case, base58 (Bitcoin family, Tron,
 * Monero, XRP) exactly as written; Tron hex `41…` converted to `T…`. Any non-ASCII character (look-alike
 * letters) makes the address invalid. Never throws.
 *
 * @example
 * normaliseAddress('0x098B716B8Aaf21512996dC57EB0615e2383E2f96', { ticker: 'ETH' });
 * // { raw: '0x098B…', address: '0x098b716b8aaf21512996dc57eb0615e2383e2f96', chain: 'ethereum', family: 'evm', valid: true }
 */
export function normaliseAddress(raw: string, hint: AddressHint = {}): NormalisedAddress {
  const address = raw.trim();
  const meaning = tickerMeaning(hint.ticker);
  const problem = textProblem(address);
  if (problem) {
    return { raw, address, chain: meaning.kind === 'chain' ? meaning.chain : null, family: 'other', valid: false, problem };
  }
  const result = byFormat(address, meaning);
  checkHint(result, meaning, hint);
  return { raw, ...result };
}

/**
 * The string two addresses must share to be the same address: the canonical form of
 * {@link normaliseAddress}. It does not depend on the hint, so one EVM address listed under ETH, USDT
 * and ARB has one key.
 *
 * @example
 * addressKey('0xB6F5EC1A0A9CD1526536D3F0426C429529471F40') === addressKey('0xb6f5ec1a0a9cd1526536d3f0426c429529471f40'); // true
 */
export function addressKey(raw: string, hint?: AddressHint): string {
  return normaliseAddress(raw, hint).address;
}
