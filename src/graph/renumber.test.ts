import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAddressSlots, lookupAddress } from './address-index.js';
import { localityOrder } from './renumber.js';

describe('locality renumbering', () => {
  it('is a permutation, numbers a hub first and its neighbours right after it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 19 })), { maxLength: 80 }), (edges) => {
        const src = Uint32Array.from(edges.map((e) => e[0]));
        const dst = Uint32Array.from(edges.map((e) => e[1]));
        const { newOf, oldOf } = localityOrder(20, edges.length, src, dst);
        expect([...newOf].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
        for (let n = 0; n < 20; n++) expect(oldOf[newOf[n]!]).toBe(n);
      }),
    );
    // A star around node 7 plus a pair: the hub gets id 0, its leaves 1–3.
    const { newOf } = localityOrder(10, 4, Uint32Array.from([7, 7, 2, 8]), Uint32Array.from([4, 5, 7, 9]));
    expect(newOf[7]).toBe(0);
    expect(new Set([newOf[4], newOf[5], newOf[2]])).toEqual(new Set([1, 2, 3]));
  });
});

describe('address hash table', () => {
  it('finds every address and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 200 }), fc.string(), (names, other) => {
        const slots = buildAddressSlots(names.length, (n) => names[n]!);
        names.forEach((a, i) => expect(lookupAddress(slots, (n) => names[n]!, a)).toBe(i));
        if (!names.includes(other)) expect(lookupAddress(slots, (n) => names[n]!, other)).toBeUndefined();
      }),
    );
  });
});
