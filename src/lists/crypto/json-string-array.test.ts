import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseJsonStringArray } from './json-string-array.js';

describe('parseJsonStringArray', () => {
  it('returns each string with its line', () => {
    expect(parseJsonStringArray('[\n  "a",\n  "b\\u0041"\n]\n', 'f.json')).toEqual([
      { value: 'a', line: 2 },
      { value: 'bA', line: 3 },
    ]);
    expect(parseJsonStringArray(' [ ] ', 'f.json')).toEqual([]);
  });

  it.each([
    ['{"a": 1}', 1, /expected '\['/],
    ['[\n "a",\n 5\n]', 3, /element 2 is not a string/],
    ['[\n "a",\n "b"', 3, /expected ',' or '\]' after element 2, the file ends/],
    ['[\n "a\n"]', 2, /control character/],
    ['["a"] x', 1, /unexpected data after the array/],
    ['["a",]', 1, /element 2 is not a string/],
    ['["\\x"]', 1, /invalid escape/],
    ['', 1, /expected '\['/],
  ])('refuses %j naming line %i', (text, line, message) => {
    let error: unknown;
    try {
      parseJsonStringArray(text, 'f.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(line);
    expect((error as InputError).message).toMatch(message);
  });

  it('property: agrees with JSON.parse on arrays of strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.boolean(), (values, pretty) => {
        const text = JSON.stringify(values, null, pretty ? 2 : undefined);
        expect(parseJsonStringArray(text, 'f.json').map((v) => v.value)).toEqual(values);
      }),
    );
  });

  it('property: every strict prefix of a non-empty array is refused with an InputError', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1 }), fc.nat(), (values, cut) => {
        const text = JSON.stringify(values, null, 2);
        const prefix = text.slice(0, cut % text.length);
        expect(() => parseJsonStringArray(prefix, 'f.json')).toThrow(InputError);
      }),
    );
  });

  it('property: arbitrary text either parses like JSON.parse or is an InputError', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          expected = undefined;
        }
        const isStringArray = Array.isArray(expected) && expected.every((v) => typeof v === 'string');
        if (isStringArray) expect(parseJsonStringArray(text, 'f.json').map((v) => v.value)).toEqual(expected);
        else expect(() => parseJsonStringArray(text, 'f.json')).toThrow(InputError);
      }),
      { numRuns: 500 },
    );
  });
});
