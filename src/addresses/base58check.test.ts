import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase58Check, encodeBase58Check } from './base58check.js';

describe('base58check', () => {
  it('decodes the genesis address to version 0 + hash160', () => {
    const result = decodeBase58Check('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa');
    expect(result.ok).toBe(true);
    if (result.ok) expect(Buffer.from(result.payload).toString('hex')).toBe('0062e907b15cbf27d5425399ebf6f0fb50ebb88f18');
  });

  it('property: encode then decode returns the payload, in both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.constantFrom('bitcoin' as const, 'ripple' as const), (payload, alphabet) => {
        const decoded = decodeBase58Check(encodeBase58Check(payload, alphabet), alphabet);
        expect(decoded.ok && Buffer.from(decoded.payload).equals(Buffer.from(payload))).toBe(true);
      }),
    );
  });

  it('refuses strings too short to hold a checksum', () => {
    expect(decodeBase58Check('1')).toEqual({ ok: false, problem: 'too short for base58check' });
  });
});
