import { describe, expect, it } from 'vitest';
import { TokenTable } from './token-table.js';

describe('TokenTable', () => {
  it('interns a token once and describes it', () => {
    const table = new TokenTable();
    const id = table.intern('jong');
    expect(table.intern('jong')).toBe(id);
    const info = table.info(id);
    expect(info.syllable).toBe(table.info(table.intern('jung')).syllable);
    expect(info.family).toBe('정');
    expect(table.info(table.intern('hassan')).squeezed).toBe('hasan');
    expect(table.info(table.intern('645120378')).numeric).toBe(true);
    expect(table.info(table.intern('smith')).syllable).toBeNull();
  });

  it('knows name particles, also with a doubled letter for the Arabic ones', () => {
    const table = new TokenTable();
    expect(table.info(table.intern('ibn')).particle).toBe('bin');
    expect(table.info(table.intern('all')).particle).toBe('al');
    // `lee` squeezes to `le` (a French particle) but is the Korean family name, not a particle.
    expect(table.info(table.intern('lee')).particle).toBeNull();
  });

  it('takes words spelled like Object members for words, not particles', () => {
    const table = new TokenTable();
    for (const word of ['__proto__', 'tostring', 'constructor', 'hasownproperty', 'valueof', 'constructtor']) {
      expect(table.info(table.intern(word)).particle).toBeNull();
    }
  });

  it('computes phonetic codes on demand', () => {
    const table = new TokenTable();
    expect(table.info(table.intern('smith')).phonetic).toEqual(table.info(table.intern('smyth')).phonetic);
    expect(table.info(table.intern('un')).phonetic).toEqual([]);
  });

  it('drops query tokens past the limit, keeping the frozen ones', () => {
    const table = new TokenTable();
    const kept = table.intern('kim');
    table.freeze();
    for (let i = 0; i < 100_001; i++) table.intern(`q${i}`);
    const generation = table.generation;
    table.trim();
    expect(table.generation).toBe(generation + 1);
    expect(table.size).toBe(1);
    expect(table.lookup('kim')).toBe(kept);
    expect(table.lookup('q5')).toBeUndefined();
  });
});
