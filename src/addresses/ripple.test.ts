import { describe, expect, it } from 'vitest';
import { looksLikeRipple, normaliseRipple } from './ripple.js';

// From OFAC's XRP list.
const XRP = 'rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66';

describe('normaliseRipple', () => {
  it('validates a real address with the Ripple alphabet and keeps it exactly', () => {
    expect(looksLikeRipple(XRP)).toBe(true);
    expect(normaliseRipple(XRP)).toEqual({ address: XRP, chain: 'ripple', family: 'other', valid: true });
  });

  it('reports a changed character', () => {
    const changed = XRP.slice(0, 10) + (XRP[10] === 'x' ? 'y' : 'x') + XRP.slice(11);
    expect(normaliseRipple(changed)).toMatchObject({ valid: false, problem: 'base58check checksum mismatch' });
  });

  it('names a character outside the Ripple alphabet', () => {
    expect(normaliseRipple('rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh0l').problem).toMatch(/character '0' at position 33/);
  });
});
