import bundled from './token-allowlist.json' with { type: 'json' };

export interface AllowedToken {
  chain: string;
  address: string;
  symbol: string;
  name: string;
  decimals: number;
  /** How the address was checked before it was bundled. */
  checked: string;
}

const BY_KEY = new Map<string, AllowedToken>(
  (bundled.tokens as AllowedToken[]).map((t) => [`${t.chain}:${t.address.toLowerCase()}`, { ...t, address: t.address.toLowerCase() }]),
);

/**
 * The bundled allowlist entry for a token contract, matched by chain and full address (never by symbol).
 *
 * @example
 * allowedToken('ethereum', '0xAE7AB96520DE3A18E5E111B5EAAB095312D7FE84')?.symbol // 'stETH'
 */
export function allowedToken(chain: string, address: string): AllowedToken | undefined {
  // Called for every token transfer of a bulk import: remember answers per (chain, spelling).
  let perChain = SEEN.get(chain);
  if (!perChain) SEEN.set(chain, (perChain = new Map()));
  let hit = perChain.get(address);
  if (hit === undefined) {
    hit = BY_KEY.get(`${chain}:${address.toLowerCase()}`) ?? null;
    if (perChain.size < 100_000) perChain.set(address, hit);
  }
  return hit ?? undefined;
}

const SEEN = new Map<string, Map<string, AllowedToken | null>>();

/** Every bundled entry (for `chain status` and the docs). */
export function allowedTokens(): AllowedToken[] {
  return [...BY_KEY.values()];
}
