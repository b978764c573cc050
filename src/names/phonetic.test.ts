import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { phoneticKeys } from './phonetic.js';

describe('phoneticKeys', () => {
  it('skips tokens of two letters or fewer', () => {
    for (const t of ['Un', 'Ri', 'O', '', "U'n"]) expect(phoneticKeys(t)).toEqual([]);
  });

  it('gives equal keys to spellings that sound alike', () => {
    expect(phoneticKeys('Chol')).toEqual(phoneticKeys('Cheol'));
    expect(phoneticKeys("Ch'o'l")).toEqual(phoneticKeys('Chol'));
    expect(phoneticKeys('Smith')).toEqual(expect.arrayContaining(phoneticKeys('Schmidt').slice(0, 1)));
  });

  it('returns both Double Metaphone codes when they differ', () => {
    expect(phoneticKeys('Jong')).toEqual(['JNK', 'ANK']);
    expect(phoneticKeys('Kim')).toEqual(['KM']);
  });

  it('transliterates other scripts first', () => {
    expect(phoneticKeys('Кузьменко')).toEqual(phoneticKeys('Kuzmenko'));
  });

  it('never throws on arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (s) => Array.isArray(phoneticKeys(s))));
  });
});
