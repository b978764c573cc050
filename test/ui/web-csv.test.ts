import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../web/src/lib/csv.js';
import { FileInputError } from '../../web/src/lib/input-error.js';

describe('web CSV reader and writer', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const records = parseCsv('\uFEFFfull_name,note\r\n"Kim, Jong Un","said ""hi""\nthen left"\r\n\r\nJane,x\n', 'people.csv');
    expect(records).toEqual([
      { cells: ['full_name', 'note'], line: 1 },
      { cells: ['Kim, Jong Un', 'said "hi"\nthen left'], line: 2 },
      { cells: ['Jane', 'x'], line: 5 },
    ]);
  });

  it('names the file and line of an unclosed quote or stray quote', () => {
    expect(() => parseCsv('a,b\n"open,2\n', 'bad.csv')).toThrow(new FileInputError('bad.csv', 'not valid CSV: a quoted cell is not closed', 2));
    expect(() => parseCsv('a,b\nx"y,2\n', 'bad.csv')).toThrow(/bad\.csv:2: not valid CSV: a quote inside an unquoted cell/);
    expect(() => parseCsv('a,b\n"x"y,2\n', 'bad.csv')).toThrow(/bad\.csv:2: not valid CSV: text after the closing quote/);
  });

  it('writes cells that a spreadsheet shows instead of running as formulas', () => {
    expect(csvLine(['1', 'Kim, Jong Un', '=HYPERLINK("x")', '-5', '-x', '@SUM'])).toBe('1,"Kim, Jong Un","\'=HYPERLINK(""x"")",-5,\'-x,\'@SUM');
  });

  it('reads back what it writes, for any text (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '"', '\n', ' ', '김', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const safe = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `x${c}` : c)));
        const text = `h1,h2\n${safe.map((r) => csvLine(r)).join('\n')}\n`;
        const read = parseCsv(text, 'p.csv').slice(1).map((r) => r.cells);
        expect(read).toEqual(safe);
      }),
    );
  });
});
