import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedToken, allowedTokens } from './token-allowlist.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/chain/', import.meta.url));

describe('token allowlist', () => {
  it('holds unique lower-case contract addresses with sane decimals, matched by address only', () => {
    const tokens = allowedTokens();
    expect(tokens.length).toBeGreaterThanOrEqual(10);
    for (const t of tokens) {
      expect(t.address).toMatch(/^0x[0-9a-f]{40}$/);
      expect(t.decimals).toBeGreaterThanOrEqual(0);
      expect(t.decimals).toBeLessThanOrEqual(18);
    }
    expect(new Set(tokens.map((t) => `${t.chain}:${t.address}`)).size).toBe(tokens.length);
    expect(allowedToken('ethereum', '0xAE7AB96520DE3A18E5E111B5EAAB095312D7FE84')?.symbol).toBe('stETH');
    expect(allowedToken('bitcoin', '0xae7ab96520de3a18e5e111b5eaab095312d7fe84')).toBeUndefined();
    // The fake "stETH" of the Bybit laundering is not the real one.
    expect(allowedToken('ethereum', '0xee33058e00000000000000000000000000c562')).toBeUndefined();
  });

  it.skipIf(!existsSync(SHARED))('addresses said to be checked against shared data do occur there as that token', () => {
    const phvaz = readFileSync(`${SHARED}bybit-trace-phvaz/hop1_legit_subset.csv`, 'utf8');
    const transfers = readFileSync(`${SHARED}ethereum-etl-fixtures/tests/resources/test_stream/blocks_17173049_17173050/expected_token_transfers.json`, 'utf8');
    for (const symbol of ['stETH', 'mETH', 'cmETH']) {
      const t = allowedTokens().find((x) => x.symbol === symbol)!;
      expect(phvaz).toMatch(new RegExp(`,${symbol},no,token,${t.address},`));
    }
    for (const symbol of ['WETH', 'USDT', 'USDC', 'DAI', 'WBTC', 'LINK', 'UNI']) {
      const t = allowedTokens().find((x) => x.symbol === symbol)!;
      expect(transfers).toContain(`"token_address": "${t.address}"`);
    }
  });
});
