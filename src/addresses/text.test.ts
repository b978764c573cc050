import { describe, expect, it } from 'vitest';
import { MAX_ADDRESS_LENGTH, textProblem } from './text.js';

describe('textProblem', () => {
  it('names a Cyrillic look-alike letter and its 1-based position', () => {
    expect(textProblem('TН96tFMn8KGiYSLiwсV3E2UiaJc8jmcbz3')).toBe("non-ASCII character 'Н' (U+041D) at position 2");
  });

  it('refuses inner whitespace and control characters', () => {
    expect(textProblem('rABC (Address tag 12)')).toBe('a space at position 5');
    expect(textProblem('abc\u0000def')).toBe('control character U+0000 at position 4');
  });

  it('refuses empty and over-long strings', () => {
    expect(textProblem('')).toBe('empty address');
    expect(textProblem('1'.repeat(MAX_ADDRESS_LENGTH + 1))).toMatch(/longer than any address format/);
  });

  it('accepts a plain address', () => {
    expect(textProblem('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBeUndefined();
  });
});
