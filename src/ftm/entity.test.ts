import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntityBuilder, slugId } from './entity.js';

/** What EntityBuilder.add and slugId did before their fast paths. */
const collapse = (v: string): string => v.replace(/\s+/g, ' ').trim();
const slugPart = (p: string): string =>
  p
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();

/** Text mixing words with every kind of whitespace JavaScript's `\s` knows, and other characters. */
const mixedText = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b'),
      fc.constantFrom('KIM', 'Jong', 'é', '-', '_', '.', 'Ő', 'ﬁ', '\u0000', '\u001f'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('EntityBuilder.add', () => {
  it('trims values, collapses whitespace runs, drops empty ones and keeps each value once', () => {
    const person = new EntityBuilder('Person', 'p-1', 'test').add('name', [' KIM \t Jong\nUn ', 'KIM Jong Un', '  ', null, undefined]);
    expect(person.get('name')).toEqual(['KIM Jong Un']);
  });

  it('normalises any text exactly as collapsing every run of \\s and trimming does', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const expected = collapse(text);
        expect(new EntityBuilder('Person', 'p', 'test').add('name', text).get('name')).toEqual(expected ? [expected] : []);
      }),
      { numRuns: 2000 },
    );
  });

  it('treats every character as \\s does', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = `a${ch}b`;
      const got = new EntityBuilder('Person', 'p', 'test').add('name', text).get('name');
      if (got[0] !== collapse(text)) throw new Error(`U+${c.toString(16)}: ${JSON.stringify(got)}`);
    }
  });

  it('refuses a property the schema does not have', () => {
    expect(() => new EntityBuilder('Person', 'p', 'test').add('imoNumber', '1')).toThrow(/no property "imoNumber"/);
  });
});

describe('slugId', () => {
  it('joins lower-cased parts with dashes, other characters made dashes and empty parts dropped', () => {
    expect(slugId('ofac', 12345, 'sanction')).toBe('ofac-12345-sanction');
    expect(slugId('UN', 'KPi.033', '', 'Café Ünter')).toBe('un-kpi.033-cafe-u-nter');
  });

  it('makes any parts into the id the full normalisation makes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(mixedText, fc.integer()), { maxLength: 4 }), (parts) => {
        const expected = parts.map((p) => slugPart(String(p))).filter(Boolean).join('-');
        expect(slugId(...parts)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
