import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { memorySource, type SourceFile } from '../source.js';
import type { ParsedList } from '../types.js';
import { MAX_OFAC_RECORD_CHARS } from './csv-read.js';
import { parseOfacSdnCsv } from './parse-ofac-csv.js';
import { ofacCsvText, primaryRow } from './test-support.js';

const ROWS: string[][] = [
  primaryRow('12210', 'RECONNAISSANCE GENERAL BUREAU', '', 'DPRK] [DPRK2', "a.k.a. 'RGB'."),
  primaryRow('17069', 'CHONG CHON GANG', 'vessel', 'DPRK', 'Vessel Registration Identification IMO 7937317.'),
  primaryRow('18668', 'RI, Chong Chol', 'individual', 'DPRK2', 'DOB 12 Apr 1970; Passport 199110092 (Korea, North) expires 17 Mar 2014.'),
  primaryRow('20540', 'P-532', 'aircraft', 'DPRK3', 'Aircraft Model AN24-RV.'),
  primaryRow('27307', 'LAZARUS GROUP', '', 'DPRK3', 'Digital Currency Address - ETH 0x098B716B8Aaf21512996dC57EB0615e2383E2f96.'),
];
const VALID = ofacCsvText(ROWS);

/** Parses a one-file set; returns the list or the error it was refused with. */
async function parse(src: SourceFile): Promise<ParsedList | unknown> {
  return parseOfacSdnCsv([src], {}).catch((err: unknown) => err);
}

function expectInputError(result: unknown, source: string, line?: number): void {
  expect(result).toBeInstanceOf(InputError);
  const err = result as InputError;
  expect(err.source).toBe(source);
  expect(err.message.startsWith(`${source}:`)).toBe(true);
  if (line !== undefined) expect(err.line).toBe(line);
}

describe('parseOfacSdnCsv on hostile input', () => {
  it('reads the untouched sample (the properties below start from a valid file)', async () => {
    const list = (await parse(memorySource('sdn.csv', VALID))) as ParsedList;
    expect(list.entities.filter((e) => e.target && e.schema !== 'CryptoWallet')).toHaveLength(ROWS.length);
  });

  it('refuses every truncation of a file, naming file and a line within it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: VALID.length - 1 }), async (cut) => {
        const text = VALID.slice(0, cut);
        const result = await parse(memorySource('sdn.csv', text));
        expectInputError(result, 'sdn.csv');
        const line = (result as InputError).line ?? 0;
        expect(line).toBeGreaterThanOrEqual(1);
        expect(line).toBeLessThanOrEqual(text.split('\n').length);
      }),
      { numRuns: 150 },
    );
  });

  it('never returns anything but a list or an InputError for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.boolean(), async (bytes, withEof) => {
        const content = withEof ? new Uint8Array([...bytes, 0x1a]) : bytes;
        const result = await parse(memorySource('sdn.csv', content));
        if (result instanceof Error) expectInputError(result, 'sdn.csv');
        else expect(Array.isArray((result as ParsedList).entities)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('names the line of a record whose quote is never closed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ROWS.length - 1 }), async (index) => {
        const lines = VALID.split('\r\n');
        lines[index] = (lines[index] ?? '').replace(/"([^"]*)"/, '"$1');
        const result = await parse(memorySource('sdn.csv', lines.join('\r\n')));
        expectInputError(result, 'sdn.csv', index + 1);
      }),
    );
  });

  it('names the line of a record with a wrong number of fields', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: ROWS.length - 1 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 13, max: 20 }),
        fc.boolean(),
        async (index, fewer, more, cutFields) => {
          const rows = ROWS.map((r) => [...r]);
          const row = rows[index] ?? [];
          const changed = cutFields ? row.slice(0, fewer) : [...row, ...Array<string>(more - row.length).fill('x')];
          rows[index] = changed;
          const result = await parse(memorySource('sdn.csv', ofacCsvText(rows)));
          expectInputError(result, 'sdn.csv', index + 1);
          expect((result as Error).message).toContain(`expected 12 fields (OFAC primary file), found ${changed.length}`);
        },
      ),
    );
  });

  it('stops reading a 1 GB line early, naming file and line', async () => {
    const chunk = new TextEncoder().encode('A'.repeat(64 * 1024));
    const total = (1 << 30) / chunk.length;
    let pulled = 0;
    let closed = false;
    const huge: SourceFile = {
      name: 'sdn_huge.csv',
      size: 1 << 30,
      async *open() {
        try {
          yield new TextEncoder().encode('1,"LAZARUS GROUP",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"');
          for (pulled = 0; pulled < total; pulled++) yield chunk;
        } finally {
          closed = true;
        }
      },
    };
    const result = await parse(huge);
    expectInputError(result, 'sdn_huge.csv', 2);
    expect((result as Error).message).toContain(`longer than ${MAX_OFAC_RECORD_CHARS} characters`);
    expect(pulled).toBeLessThan(100);
    await expect.poll(() => closed).toBe(true);
  });
});
