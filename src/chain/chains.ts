import { ownValue } from '../common/own.js';
import { InputError } from '../errors.js';

/** Chains Counterflow stores transfers for, with the spellings accepted in files and on the command line. */
export const CHAINS = {
  ethereum: { family: 'evm', nativeSymbol: 'ETH', nativeDecimals: 18, chainId: 1, aliases: ['eth', 'mainnet', '1', 'ethereum-mainnet'] },
  bitcoin: { family: 'utxo', nativeSymbol: 'BTC', nativeDecimals: 8, chainId: null, aliases: ['btc', 'xbt', 'bitcoin-mainnet'] },
} as const;

export type ChainName = keyof typeof CHAINS;

const BY_ALIAS = new Map<string, ChainName>();
for (const [name, info] of Object.entries(CHAINS) as [ChainName, (typeof CHAINS)[ChainName]][]) {
  BY_ALIAS.set(name, name);
  for (const alias of info.aliases) BY_ALIAS.set(alias, name);
}

/**
 * The canonical chain name for a spelling, or undefined.
 *
 * @example
 * chainByName('ETH') // 'ethereum'
 */
export function chainByName(spelling: string): ChainName | undefined {
  return BY_ALIAS.get(spelling) ?? BY_ALIAS.get(spelling.trim().toLowerCase());
}

/** Like chainByName, but an unknown chain is an InputError naming where it came from. */
export function requireChain(spelling: string, source: string, line?: number, field?: string): ChainName {
  const chain = chainByName(spelling);
  if (!chain) throw new InputError(source, `unknown chain "${spelling}" (known: ${Object.keys(CHAINS).join(', ')})`, line, field);
  return chain;
}

export function nativeDecimals(chain: string): number | null {
  const info = ownValue(CHAINS as Record<string, { nativeDecimals: number }>, chain);
  return info ? info.nativeDecimals : null;
}
