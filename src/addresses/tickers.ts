import type { AddressFamily } from './types.js';

/** Chains that share the Ethereum address space: one key matches on all of them. */
export const EVM_CHAINS: ReadonlySet<string> = new Set([
  'ethereum',
  'ethereum-classic',
  'arbitrum',
  'bsc',
  'polygon',
  'optimism',
  'avalanche',
  'base',
  'kcc',
]);

/**
 * Ticker → chain. OFAC tickers name assets, not chains; `null` marks a token issued on several chains
 * (USDT, USDC) whose chain follows from the address family instead.
 */
export const exportedTickers: Readonly<Record<string, string | null>> = Object.freeze({
  XBT: 'bitcoin',
  BTC: 'bitcoin',
  ETH: 'ethereum',
  ETC: 'ethereum-classic',
  ARB: 'arbitrum',
  BSC: 'bsc',
  BNB: 'bsc',
  BEP20: 'bsc',
  BEP2: 'bnb-beacon-chain',
  MATIC: 'polygon',
  POL: 'polygon',
  AVAX: 'avalanche',
  OP: 'optimism',
  KCS: 'kcc',
  ATOM: 'cosmos',
  TRX: 'tron',
  LTC: 'litecoin',
  BCH: 'bitcoin-cash',
  BSV: 'bitcoin-sv',
  BTG: 'bitcoin-gold',
  DASH: 'dash',
  ZEC: 'zcash',
  DOGE: 'dogecoin',
  XMR: 'monero',
  XRP: 'ripple',
  XVG: 'verge',
  USDT: null,
  USDC: null,
  // Chains we recognise but whose address formats we do not validate (kept exactly as written).
  ADA: 'cardano',
  ALGO: 'algorand',
  DOT: 'polkadot',
  EOS: 'eos',
  FIL: 'filecoin',
  SOL: 'solana',
  XLM: 'stellar',
});

/** Chains named by a ticker above whose address formats this module does not check. */
export const UNVALIDATED_CHAINS: ReadonlySet<string> = new Set(['cardano', 'algorand', 'polkadot', 'eos', 'filecoin', 'solana', 'stellar']);

/** Chain an asset token lives on when its address has this family. */
const TOKEN_CHAIN_BY_FAMILY: Partial<Record<AddressFamily, string>> = {
  evm: 'ethereum',
  tron: 'tron',
  // Omni-layer USDT lives on Bitcoin addresses.
  base58check: 'bitcoin',
};

export type TickerMeaning =
  | { kind: 'chain'; chain: string }
  | { kind: 'token' }
  | { kind: 'unknown'; ticker: string }
  | { kind: 'none' };

/**
 * What a ticker says about the chain.
 *
 * @example
 * tickerMeaning('XBT'); // { kind: 'chain', chain: 'bitcoin' }
 */
export function tickerMeaning(ticker: string | undefined): TickerMeaning {
  const t = ticker?.trim().toUpperCase();
  if (!t) return { kind: 'none' };
  if (!Object.hasOwn(exportedTickers, t)) return { kind: 'unknown', ticker: t };
  const chain = exportedTickers[t];
  return chain ? { kind: 'chain', chain } : { kind: 'token' };
}

/**
 * Chain of a multi-chain token (USDT, USDC) from the family of the address it was listed with.
 *
 * @example
 * tokenChainForFamily('tron'); // 'tron'
 */
export function tokenChainForFamily(family: AddressFamily): string | null {
  return TOKEN_CHAIN_BY_FAMILY[family] ?? null;
}
