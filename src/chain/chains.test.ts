import { describe, expect, it } from 'vitest';
import { chainByName, nativeDecimals, requireChain } from './chains.js';

describe('chain names', () => {
  it('accept the usual spellings and refuse others with the source named', () => {
    expect(['ethereum', 'ETH', ' mainnet ', '1'].map(chainByName)).toEqual(['ethereum', 'ethereum', 'ethereum', 'ethereum']);
    expect(['bitcoin', 'BTC', 'xbt'].map(chainByName)).toEqual(['bitcoin', 'bitcoin', 'bitcoin']);
    expect(chainByName('tron')).toBeUndefined();
    expect(() => requireChain('tron', 'f.csv', 3, 'chain')).toThrow('f.csv:3 (chain): unknown chain "tron" (known: ethereum, bitcoin)');
  });
});

describe('nativeDecimals with Object member names', () => {
  it('answers null, not undefined, for "constructor" and "__proto__"', () => {
    expect(nativeDecimals('constructor')).toBeNull();
    expect(nativeDecimals('__proto__')).toBeNull();
    expect(nativeDecimals('ethereum')).toBe(18);
  });
});
