import { describe, expect, it } from 'vitest';
import { combineWeights, LINK_KINDS, RING_THRESHOLD } from './kinds.js';

const strength = (...kinds: (keyof typeof LINK_KINDS)[]) => combineWeights(kinds.map((k) => LINK_KINDS[k].weight));

describe('link weights', () => {
  it('keep ordinary sharing below the ring threshold: an office IP, a family address and home IP, a household landline', () => {
    expect(strength('ip')).toBeLessThan(RING_THRESHOLD);
    expect(strength('address', 'ip')).toBeLessThan(RING_THRESHOLD);
    expect(strength('address', 'phone', 'ip')).toBeLessThan(RING_THRESHOLD);
    expect(strength('template', 'ip')).toBeLessThan(RING_THRESHOLD);
  });
  it('put high-precision sharing at or above it: a bank account, a device, a document, a laptop drop address, or several weaker kinds together', () => {
    for (const k of ['bank', 'device', 'document', 'drop', 'wallet', 'email'] as const) expect(strength(k)).toBeGreaterThanOrEqual(RING_THRESHOLD);
    expect(strength('bank', 'drop')).toBeGreaterThan(0.95);
    expect(strength('address', 'resume', 'ip')).toBeGreaterThanOrEqual(RING_THRESHOLD);
  });
});
