import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTron, tronBase58ToHex, tronHexToBase58 } from './tron.js';

// From OFAC's TRX list.
const TRX = 'TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre';

describe('Tron hex ↔ base58', () => {
  it('converts the zero address both ways', () => {
    expect(tronHexToBase58('41' + '0'.repeat(40))).toBe('T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb');
    expect(tronBase58ToHex('T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb')).toBe('41' + '0'.repeat(40));
  });

  it('property: hex → base58 → hex is the identity (lower case)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const hexForm = '41' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
        const base58Form = tronHexToBase58(hexForm.toUpperCase());
        expect(base58Form.startsWith('T')).toBe(true);
        expect(tronBase58ToHex(base58Form)).toBe(hexForm);
      }),
    );
  });

  it('refuses what is not a Tron address', () => {
    expect(() => tronHexToBase58('42' + '0'.repeat(40))).toThrow(/not a Tron hex address/);
    expect(() => tronBase58ToHex('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toThrow(/not a Tron address/);
  });
});

describe('normaliseTron', () => {
  it('validates a real address and keeps it exactly', () => {
    expect(normaliseTron(TRX)).toEqual({ address: TRX, chain: 'tron', family: 'tron', valid: true });
  });

  it('converts the hex form to the base58 form', () => {
    expect(normaliseTron(tronBase58ToHex(TRX))).toMatchObject({ address: TRX, valid: true });
  });

  it('reports a checksum mismatch for a changed character', () => {
    const changed = TRX.slice(0, 5) + (TRX[5] === 'q' ? 'r' : 'q') + TRX.slice(6);
    expect(normaliseTron(changed)).toMatchObject({ valid: false, problem: 'base58check checksum mismatch' });
  });
});
