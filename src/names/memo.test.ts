import { describe, expect, it } from 'vitest';
import { memoise } from './memo.js';

describe('memoise', () => {
  it('computes each key once while it stays cached', () => {
    let calls = 0;
    const double = memoise((s: string) => {
      calls += 1;
      return s + s;
    });
    expect(double('ab')).toBe('abab');
    expect(double('ab')).toBe('abab');
    expect(calls).toBe(1);
  });

  it('caches undefined and null results too', () => {
    let calls = 0;
    const nothing = memoise((_s: string) => {
      calls += 1;
      return undefined;
    });
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });

  it('stays within its bound by starting over', () => {
    let calls = 0;
    const id = memoise((s: string) => {
      calls += 1;
      return s;
    }, 2);
    id('a');
    id('b');
    id('c'); // cache was full: cleared, then holds only 'c'
    id('a'); // evicted by the clear: computed again
    expect(calls).toBe(4);
    id('c'); // survived the clear
    expect(calls).toBe(4);
  });
});
