import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownValue } from './own.js';

const OBJECT_MEMBERS = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('ownValue', () => {
  const table: Readonly<Record<string, string>> = { m: 'male', f: 'female' };

  it('reads the values the table holds', () => {
    expect(ownValue(table, 'm')).toBe('male');
    expect(ownValue(table, 'x')).toBeUndefined();
  });

  it('finds nothing under the names of Object.prototype members', () => {
    for (const key of OBJECT_MEMBERS) expect(ownValue(table, key)).toBeUndefined();
  });

  it('reads a table that does define such a name', () => {
    const odd: Readonly<Record<string, number>> = Object.fromEntries([['__proto__', 1], ['toString', 2]]);
    expect(ownValue(odd, '__proto__')).toBe(1);
    expect(ownValue(odd, 'toString')).toBe(2);
  });

  it('answers a held value or undefined for any key', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...OBJECT_MEMBERS)), (key) => {
        const v = ownValue(table, key);
        return v === undefined || v === table[key];
      }),
    );
  });
});
