import { describe, expect, it } from 'vitest';
import { exportedTickers, tickerMeaning, tokenChainForFamily } from './tickers.js';

describe('tickerMeaning', () => {
  it('maps OFAC tickers to chains, case-insensitively', () => {
    expect(tickerMeaning('XBT')).toEqual({ kind: 'chain', chain: 'bitcoin' });
    expect(tickerMeaning(' eth ')).toEqual({ kind: 'chain', chain: 'ethereum' });
    expect(tickerMeaning('XVG')).toEqual({ kind: 'chain', chain: 'verge' });
  });

  it('treats USDT and USDC as tokens whose chain depends on the address', () => {
    expect(tickerMeaning('USDT')).toEqual({ kind: 'token' });
    expect(tickerMeaning('usdc')).toEqual({ kind: 'token' });
  });

  it('distinguishes an unknown ticker from none', () => {
    expect(tickerMeaning('FOO')).toEqual({ kind: 'unknown', ticker: 'FOO' });
    expect(tickerMeaning(undefined)).toEqual({ kind: 'none' });
    expect(tickerMeaning('toString')).toEqual({ kind: 'unknown', ticker: 'TOSTRING' });
  });

  it('covers every ticker that appears in OFAC SDN remarks', () => {
    for (const t of ['XBT', 'ETH', 'USDT', 'USDC', 'LTC', 'TRX', 'XMR', 'ZEC', 'DASH', 'BCH', 'BSV', 'BTG', 'ETC', 'XVG', 'ARB', 'BSC', 'XRP']) {
      expect(Object.keys(exportedTickers)).toContain(t);
    }
  });
});

describe('tokenChainForFamily', () => {
  it('places tokens on Ethereum, Tron or Bitcoin (Omni)', () => {
    expect(tokenChainForFamily('evm')).toBe('ethereum');
    expect(tokenChainForFamily('tron')).toBe('tron');
    expect(tokenChainForFamily('base58check')).toBe('bitcoin');
    expect(tokenChainForFamily('other')).toBeNull();
  });
});
