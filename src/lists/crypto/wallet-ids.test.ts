import { describe, expect, it } from 'vitest';
import { WalletIds } from './wallet-ids.js';

describe('WalletIds', () => {
  it('derives a stable id from the address', () => {
    expect(new WalletIds('us_ofac_crypto').idFor('0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c')).toBe('us_ofac_crypto-0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c');
    expect(new WalletIds('p').idFor('ETH', '0xabc')).toBe('p-eth-0xabc');
  });

  it('keeps base58 addresses that differ only in case apart', () => {
    const ids = new WalletIds('x');
    const a = ids.idFor('1AbCdEf');
    const b = ids.idFor('1abcdef');
    expect(a).not.toBe(b);
    expect(ids.idFor('1AbCdEf')).toBe(a);
  });
});
