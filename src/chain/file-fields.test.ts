import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { CsvChunk } from './csv-records.js';
import { ChunkFieldReader, FieldReader, allDigits, decodeHex, lowerHex } from './file-fields.js';
import { viewOf } from './transfer-columns.js';
import { HexColumn, TextColumn } from './transfer-columns.js';
import { parseUnitsText } from './units.js';

const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''));
const anyChar = fc.constantFrom(...'0123456789abcdefABCDEFxXgG \n٣,"'.split(''));

describe('field readers', () => {
  it('accept exactly what the regular expressions they replace accept, and lower-case the hex', () => {
    const candidates = fc.oneof(
      fc.array(hexChar, { minLength: 38, maxLength: 66 }).map((a) => `0x${a.join('')}`),
      fc.array(anyChar, { minLength: 0, maxLength: 68 }).map((a) => a.join('')),
      fc.array(anyChar, { minLength: 40, maxLength: 40 }).map((a) => `0x${a.join('')}`),
    );
    fc.assert(
      fc.property(candidates, (text) => {
        expect(lowerHex(text, 40)).toBe(/^0x[0-9a-fA-F]{40}$/.test(text) ? text.toLowerCase() : undefined);
        expect(lowerHex(text, 64)).toBe(/^0x[0-9a-fA-F]{64}$/.test(text) ? text.toLowerCase() : undefined);
        expect(allDigits(text)).toBe(/^\d+$/.test(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9٣ x]{0,20}$/), (text) => {
        expect(allDigits(text)).toBe(/^\d+$/.test(text));
      }),
    );
  });

  it('name the file, line and column of a bad value, as before', () => {
    const f = new FieldReader('t.csv', 7);
    expect(f.address('from_address', '0xAB00000000000000000000000000000000000001')).toBe('0xab00000000000000000000000000000000000001');
    expect(() => f.address('from_address', '0xzz00000000000000000000000000000000000001')).toThrow(
      new InputError('t.csv', 'expected a 0x-prefixed 20-byte address, got "0xzz00000000000000000000000000000000000001"', 7, 'from_address'),
    );
    expect(() => f.hash('transaction_hash', '')).toThrow(new InputError('t.csv', 'expected a 0x-prefixed 32-byte hash, got an empty value', 7, 'transaction_hash'));
    expect(() => f.int('block_number', '1234567890123456')).toThrow(/line 7|t\.csv:7/);
    expect(f.int('block_number', '123456789012345')).toBe(123456789012345);
    expect(() => f.bigint('value', '-1')).toThrow(new InputError('t.csv', 'expected a non-negative integer amount, got "-1"', 7, 'value'));
    expect(f.bigint('value', '115792089237316195423570985008687907853269984665640564039457584007913129639935')).toBe(2n ** 256n - 1n);
  });
});

describe('decodeHex', () => {
  const decode = (text: Uint8Array, start: number, end: number, size: number, out: Uint8Array, at: number) => decodeHex(viewOf(text), start, end, size, viewOf(out), at);
  const isHex = (b: number) => /^[0-9a-fA-F]$/.test(String.fromCharCode(b));

  it('decodes every pair of bytes that are two hex digits (either case) and refuses every other pair', () => {
    const out = new Uint8Array(1);
    for (let high = 0; high < 256; high++) {
      for (let low = 0; low < 256; low++) {
        const ok = decode(Uint8Array.of(48, 120, high, low), 0, 4, 1, out, 0);
        expect(ok).toBe(isHex(high) && isHex(low));
        if (ok) expect(out[0]).toBe(parseInt(String.fromCharCode(high, low), 16));
      }
    }
  });

  it('decodes every pair in either half of the four digits it reads at once, and refuses every other pair there', () => {
    const out = new Uint8Array(2);
    for (let high = 0; high < 256; high++) {
      for (let low = 0; low < 256; low++) {
        const pair = String.fromCharCode(high, low);
        for (const firstHalf of [true, false]) {
          // The other half is "7f".
          const digits = firstHalf ? [high, low, 0x37, 0x66] : [0x37, 0x66, high, low];
          const ok = decode(Uint8Array.of(48, 120, ...digits), 0, 6, 2, out, 0);
          expect(ok).toBe(isHex(high) && isHex(low));
          if (ok) expect([...out]).toEqual(firstHalf ? [parseInt(pair, 16), 0x7f] : [0x7f, parseInt(pair, 16)]);
        }
      }
    }
  });

  it('decodes any hex of any size at any offset as Buffer does, and refuses it with any byte that is not a digit', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.nat(7), fc.nat(7), fc.boolean(), fc.nat(), (bytes, lead, at, upper, bad) => {
        let hex = Buffer.from(bytes).toString('hex');
        if (upper) hex = hex.toUpperCase();
        const text = Buffer.from(`${'-'.repeat(lead)}0x${hex}`);
        const out = new Uint8Array(at + bytes.length);
        expect(decode(text, lead, text.length, bytes.length, out, at)).toBe(true);
        expect([...out.subarray(at)]).toEqual([...bytes]);
        if (bytes.length === 0) return;
        const spoilt = Buffer.from(text);
        spoilt[lead + 2 + (bad % (2 * bytes.length))] = 0x67; // 'g'
        expect(decode(spoilt, lead, spoilt.length, bytes.length, out, at)).toBe(false);
      }),
    );
  });

  it('refuses a wrong length or a missing 0x, and writes where it is told', () => {
    const out = new Uint8Array(4);
    expect(decode(Buffer.from('0x0aFF'), 0, 6, 2, out, 1)).toBe(true);
    expect([...out]).toEqual([0, 0x0a, 0xff, 0]);
    expect(decode(Buffer.from('0x0aF'), 0, 5, 2, out, 0)).toBe(false);
    expect(decode(Buffer.from('0X0aFF'), 0, 6, 2, out, 0)).toBe(false);
    expect(decode(Buffer.from('x0x0aFF'), 0, 7, 2, out, 0)).toBe(false);
    expect(decode(Buffer.from('xx0x0aFF'), 2, 8, 2, out, 0)).toBe(true);
  });
});

describe('field readers on the bytes of a CSV chunk', () => {
  /** A reader over one field holding `text`. */
  function over(text: string): ChunkFieldReader {
    const chunk = new CsvChunk();
    chunk.bytes = Buffer.from(text);
    chunk.ascii = chunk.bytes.length === text.length;
    chunk.count = 1;
    chunk.first[1] = 1;
    chunk.starts[0] = 0;
    chunk.ends[0] = chunk.bytes.length;
    const fields = new ChunkFieldReader(new FieldReader('b.csv', 3));
    fields.chunk = chunk;
    return fields;
  }
  it('say whether a field is spelt exactly as given bytes, whatever its length and wherever they differ', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), fc.nat(6), fc.option(fc.nat(), { nil: undefined }), fc.integer({ min: -1, max: 1 }), (field, lead, spoil, lengthChange) => {
        const chunk = new CsvChunk();
        chunk.bytes = Buffer.concat([Buffer.alloc(lead, 0x2c), field, Buffer.from(',')]);
        chunk.count = 1;
        chunk.starts[0] = lead;
        chunk.ends[0] = lead + field.length;
        const fields = new ChunkFieldReader(new FieldReader('b.csv', 3));
        fields.chunk = chunk;
        const spelling = new Uint8Array(72);
        spelling.set(field);
        const length = Math.max(0, field.length + lengthChange);
        if (spoil !== undefined && field.length > 0) spelling[spoil % field.length]! ^= 1;
        const same = length === field.length && Buffer.compare(spelling.subarray(0, length), field) === 0;
        expect(fields.spells(0, viewOf(spelling), length)).toBe(same);
      }),
    );
  });

  const outcome = (fn: () => unknown) => {
    try {
      return { value: fn() };
    } catch (e) {
      return { error: (e as InputError).message };
    }
  };
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 40, maxLength: 40 }).map((h) => `0x${h}`),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 64, maxLength: 64 }).map((h) => `0x${h}`),
    fc.string({ unit: fc.constantFrom(...'0123456789.e- xXgé'), maxLength: 24 }),
    fc.constantFrom('', '0', '00', '1', 'true', 'False', 'TRUE', '1.', '.5', '0.000', '007.100'),
  );

  it('accept, convert and refuse exactly as the string readers do', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 20 }), (t, decimals) => {
        const f = new FieldReader('b.csv', 3);
        const hexOf = (c: HexColumn) => c.get(0);
        expect(outcome(() => { const c = new HexColumn(32, 1); over(t).hash('h', 0, c); return hexOf(c); })).toEqual(outcome(() => f.hash('h', t)));
        expect(outcome(() => { const c = new HexColumn(20, 1); over(t).address('a', 0, c); return hexOf(c); })).toEqual(outcome(() => f.address('a', t)));
        expect(outcome(() => { const c = new HexColumn(20, 1); over(t).optionalAddress('a', 0, c); return hexOf(c); })).toEqual(outcome(() => f.optionalAddress('a', t)));
        expect(outcome(() => over(t).int('n', 0))).toEqual(outcome(() => f.int('n', t)));
        expect(outcome(() => over(t).optionalInt('n', 0))).toEqual(outcome(() => f.optionalInt('n', t)));
        expect(outcome(() => { const c = new TextColumn(1); const zero = over(t).amount('v', 0, c); return [c.get(0), zero]; })).toEqual(outcome(() => { const v = f.bigint('v', t); return [v.toString(), v === 0n]; }));
        expect(outcome(() => over(t).optionalBool('s', 0))).toEqual(outcome(() => f.optionalBool('s', t)));
        expect(outcome(() => { const c = new TextColumn(1); const zero = over(t).units('amount', 0, decimals, c); return [c.get(0), zero]; })).toEqual(
          outcome(() => {
            const parsed = parseUnitsText(t.trim(), decimals);
            return 'value' in parsed ? [parsed.value, parsed.value === '0'] : f.fail('amount', parsed.error);
          }),
        );
        expect(outcome(() => over(t).checkHash('h', 0))).toEqual(outcome(() => void f.hash('h', t)));
      }),
      { numRuns: 3000 },
    );
  });
});
