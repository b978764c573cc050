import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonNumber, jsonToBigInt, jsonToDecimalText, parseJsonLossless } from './lossless-json.js';

describe('lossless JSON', () => {
  it('keeps integers beyond 2^53 and decimals as their source text', () => {
    const v = parseJsonLossless('{"value": 7056176614974947328, "btc": 0.01, "whole": 50.0, "n": 12}') as Record<string, unknown>;
    expect(v.value).toEqual(new JsonNumber('7056176614974947328'));
    expect(jsonToBigInt(v.value as JsonNumber)).toBe(7056176614974947328n);
    expect(jsonToDecimalText(v.btc as JsonNumber)).toBe('0.01');
    expect(jsonToDecimalText(v.whole as JsonNumber)).toBe('50.0');
    expect(v.n).toBe(12);
  });

  it('does not let a fraction round to an integer (20999999.999999999 is not 21000000)', () => {
    const v = parseJsonLossless('[20999999.999999999]') as unknown[];
    expect(jsonToDecimalText(v[0] as JsonNumber)).toBe('20999999.999999999');
  });

  it('round-trips arbitrary big integers in nested documents', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 2n ** 256n }), { maxLength: 20 }), fc.string().filter((k) => k !== '@'), (values, key) => {
        const text = JSON.stringify({ [key]: 'x', list: '@' }).replace('"@"', `[${values.join(',')}]`);
        const parsed = parseJsonLossless(text) as { list: unknown[] };
        expect(parsed.list.map((v) => jsonToBigInt(v as JsonNumber))).toEqual(values);
      }),
    );
  });

  it('throws SyntaxError on broken JSON', () => {
    expect(() => parseJsonLossless('{"a": 1.5,')).toThrow(SyntaxError);
    expect(() => parseJsonLossless('{"a": 12345678901234567890 x}')).toThrow(SyntaxError);
  });
});

describe('parseJsonLossless with Object member keys', () => {
  it('keeps "__proto__" as an own field on the slow path (large numbers) instead of replacing the prototype', () => {
    const o = parseJsonLossless('{"big": 123456789012345678901234567890, "__proto__": {"hash": "0xinjected"}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(o.hash).toBeUndefined();
    expect(Object.keys(o)).toEqual(['big', '__proto__']);
  });
});
