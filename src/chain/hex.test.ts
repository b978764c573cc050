import { describe, expect, it } from 'vitest';
import { hexToBigInt, hexToSafeInteger, normalizeEvmAddress, topicToAddress } from './hex.js';

describe('hex readers', () => {
  it('read quantities, addresses and topics, and refuse anything else', () => {
    expect(hexToBigInt('0x5a178a89b930e00')).toBe(405738107000000000n);
    expect(hexToBigInt('5a')).toBeUndefined();
    expect(hexToSafeInteger('0x1ac9f3')).toBe(1755635);
    expect(hexToSafeInteger(`0x${'f'.repeat(20)}`)).toBeUndefined();
    expect(normalizeEvmAddress('0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2')).toBe('0x47666fab8bd0ac7003bce3f5c3585383f09486e2');
    expect(normalizeEvmAddress('0x47666Fab')).toBeUndefined();
    expect(topicToAddress(`0x${'0'.repeat(24)}6b75d8af000000e20b7a7ddf000ba900b4009a80`)).toBe('0x6b75d8af000000e20b7a7ddf000ba900b4009a80');
  });
});
