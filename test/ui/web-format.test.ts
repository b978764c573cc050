import { describe, expect, it } from 'vitest';
import { actorName, assetName, formatShare, formatTime, formatUsd, formatUsdRange, shortAddress } from '../../web/src/lib/format.js';

describe('web number and text formats', () => {
  it('writes the MSMT figures as the issue quotes them', () => {
    expect(formatUsd(1_190_000_000)).toBe('$1.19B');
    expect(formatUsd(1_650_000_000)).toBe('$1.65B');
    expect(formatUsd(2_840_000_000)).toBe('$2.84B');
    expect(formatUsd(308_000_000)).toBe('$308M');
    expect(formatUsd(1_500_000_000)).toBe('$1.5B');
    expect(formatUsd(2_000_000_000)).toBe('$2B');
    expect(formatUsd(null)).toBe('—');
  });

  it('writes ranges, shares, assets, addresses, times and actors', () => {
    expect(formatUsdRange(1.4e9, 1.5e9)).toBe('$1.4B – $1.5B');
    expect(formatUsdRange(308e6, 308e6)).toBe('$308M');
    expect(formatUsdRange(null, null)).toBe('no sourced USD figure');
    expect(formatShare(0.660213)).toBe('66.0%');
    expect(formatShare(0.0123)).toBe('1.23%');
    expect(assetName('native', 'ethereum')).toBe('ETH');
    expect(assetName('native', 'bitcoin')).toBe('BTC');
    expect(assetName('stETH')).toBe('stETH');
    expect(shortAddress('0x47666fab8bd0ac7003bce3f5c3585383f09486e2')).toBe('0x4766…86e2');
    expect(formatTime('2025-02-21T14:13:35.000Z')).toBe('2025-02-21 14:13 UTC');
    expect(actorName({ id: 'k1', name: 'alice', role: 'analyst' })).toBe('alice (analyst)');
    expect(actorName('local')).toBe('local');
  });
});
