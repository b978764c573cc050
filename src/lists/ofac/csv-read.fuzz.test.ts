import { CsvError, parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { memorySource, type SourceFile } from '../source.js';
import { chunkedSource } from '../xml/test-support/xml-sources.js';
import { readOfacCsvRecords, type OfacCsvRecord } from './csv-read.js';

const MESSAGES: Record<string, RegExp> = {
  CSV_QUOTE_NOT_CLOSED: /a quoted field is not closed/,
  CSV_MAX_RECORD_SIZE: /record is longer than/,
  CSV_INVALID_CLOSING_QUOTE: /unexpected character after a closing quote/,
  INVALID_OPENING_QUOTE: /a quote appears inside an unquoted field/,
};

/** What csv-parse makes of the text with the options the reader was first built on. */
function csvParse(text: string, maxRecordChars: number): string[][] | CsvError {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: maxRecordChars }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) return err;
    throw err;
  }
}

async function readFields(text: string, maxRecordChars: number): Promise<string[][] | InputError> {
  const out: string[][] = [];
  try {
    for await (const rec of readOfacCsvRecords(memorySource('f.csv', `${text}\x1a`), { maxRecordChars })) out.push(rec.fields);
    return out;
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
}

describe('readOfacCsvRecords against csv-parse', () => {
  it('reads any text into the records csv-parse reads, and refuses what it refuses, for the same reason', async () => {
    const piece = fc.constantFrom('"', '""', ',', '\r\n', '\n', '\r', 'a', 'é', '𝄞', '\0', ' ', '\uFEFF', '-0- ');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 40 }), async (pieces, max) => {
        const text = pieces.join('');
        // Decoding the file already drops one byte-order mark; csv-parse saw the text after it.
        const expected = csvParse(text.replace(/^\uFEFF/, ''), max);
        const actual = await readFields(text, max);
        if (expected instanceof CsvError) {
          expect(actual).toBeInstanceOf(InputError);
          expect((actual as InputError).message).toMatch(MESSAGES[expected.code] ?? /^$/);
        } else {
          expect(actual).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

async function outcome(src: SourceFile, maxRecordChars: number): Promise<OfacCsvRecord[] | string> {
  const out: OfacCsvRecord[] = [];
  try {
    for await (const rec of readOfacCsvRecords(src, { maxRecordChars })) out.push(rec);
    return out;
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
}

describe('readOfacCsvRecords in chunks', () => {
  it('gives the same records, lines and errors however the bytes are cut into chunks', async () => {
    const piece = fc.constantFrom('"', '""', ',', '\r\n', '\n', '\r', 'a', 'é', '𝄞', '\0', '\x1a', '-0- ', '1,"x"\r\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        async (pieces, cuts, max) => {
          const bytes = new TextEncoder().encode(pieces.join(''));
          const whole = await outcome(memorySource('f.csv', bytes), max);
          expect(await outcome(chunkedSource('f.csv', bytes, cuts), max)).toEqual(whole);
        },
      ),
      { numRuns: 500 },
    );
  });
});
