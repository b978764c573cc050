import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { fileSource, type SourceFile } from '../lists/source.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { readCsvChunks, readCsvRecords } from './csv-records.js';

/** A source delivering the text in the given chunk sizes, to cut records anywhere. */
function chunked(name: string, text: string, sizes: number[] = [1 << 20]): SourceFile {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    size: bytes.length,
    async *open() {
      let at = 0;
      for (let i = 0; at < bytes.length; i++) {
        const n = Math.max(1, sizes[i % sizes.length]!);
        yield bytes.subarray(at, at + n);
        at += n;
      }
    },
  };
}

async function readAll(src: SourceFile, chunkBytes?: number) {
  const records: string[][] = [];
  const lines: number[] = [];
  for await (const c of readCsvRecords(src, { chunkBytes })) {
    records.push(...c.records);
    lines.push(...c.lines);
  }
  return { records, lines };
}

describe('CSV records', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM, and numbers lines', async () => {
    const text = '\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"multi\nline",\n3,,"0x1,0x2"';
    expect(await readAll(chunked('t.csv', text, [3]), 4)).toEqual({
      records: [
        ['a', 'b', 'c'],
        ['1', 'x, y', 'say "hi"'],
        ['2', 'multi\nline', ''],
        ['3', '', '0x1,0x2'],
      ],
      lines: [1, 2, 4, 6],
    });
  });

  it('gives the same records however the bytes are chunked', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', 'é', '1') });
    return fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), async (rows, sizes) => {
        const quote = (f: string) => `"${f.replace(/"/g, '""')}"`;
        const text = rows.map((r) => r.map(quote).join(',')).join('\n');
        const { records } = await readAll(chunked('p.csv', text, sizes), sizes[0]);
        expect(records).toEqual(rows);
      }),
    );
  });

  it('splits lines without quotes exactly, with bytes that the four-byte scan could mistake for a comma or a line feed', () => {
    // '-' is a comma plus one and '\v' a line feed plus one: the scan's false alarms sit on such bytes.
    const field = fc.string({ unit: fc.constantFrom('a', '-', '\v', ',', '\t', '1', 'é', '.'), maxLength: 9 });
    return fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 11 }), { minLength: 1 }),
        async (lines, eol, sizes) => {
          const rows = lines.map((fields) => fields.join(',').split(','));
          const text = rows.map((r) => r.join(',')).join(eol);
          const expected = rows.filter((r) => r.join(',') !== ''); // blank lines are skipped
          expect((await readAll(chunked('plain.csv', text, sizes), sizes[0])).records).toEqual(expected);
          expect((await readAll(chunked('plain.csv', text))).records).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the file and line of an unterminated quote, a stray quote and invalid UTF-8', async () => {
    await expect(readAll(chunked('q.csv', 'a,b\n1,"open\n2,3\n'))).rejects.toThrow(new InputError('q.csv', 'a quoted field is not closed before the end of the file', 2));
    await expect(readAll(chunked('s.csv', 'a,b\n1,x"y\n'))).rejects.toThrow('s.csv:2: a quote inside an unquoted field (column 2)');
    const bad: SourceFile = { name: 'u.csv', async *open() { yield new Uint8Array([0x61, 0x0a, 0xff, 0x0a]); } };
    await expect(readAll(bad)).rejects.toThrow(/^u\.csv:2: not valid UTF-8 text$/);
  });

  it('reads UTF-8 after ASCII, a character split across pieces, and names the exact line of a bad byte or a cut-off character', async () => {
    const split = new TextEncoder().encode('a,b\n1,2\n3,é\n4,ü\n');
    const cut = split.indexOf(0xc3) + 1; // inside the two bytes of é
    const src: SourceFile = { name: 'm.csv', async *open() { yield split.subarray(0, 8); yield split.subarray(8, cut); yield split.subarray(cut); } }; // ASCII, then é cut in two
    expect((await readAll(src, 1)).records).toEqual([['a', 'b'], ['1', '2'], ['3', 'é'], ['4', 'ü']]);
    const late: SourceFile = { name: 'l.csv', async *open() { yield new TextEncoder().encode('a\n1\n2\n'); yield new Uint8Array([0x33, 0x0a, 0xc3, 0x28, 0x0a]); } };
    await expect(readAll(late, 1)).rejects.toThrow(/^l\.csv:5: not valid UTF-8 text$/);
    const truncated: SourceFile = { name: 'c.csv', async *open() { yield new Uint8Array([0x61, 0x0a, 0x62, 0xc3]); } };
    await expect(readAll(truncated)).rejects.toThrow(/^c\.csv:2: the file ends inside a multi-byte UTF-8 character$/);
  });

  it('reads what csv-parse reads, quoted or not, however the bytes arrive', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'é', '1', ' ', 'x', '0', '-'), maxLength: 6 });
    const quoted = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r\n', 'ü', '1'), maxLength: 6 }).map((f) => ({ quoted: f }));
    const row = fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 5 });
    return fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1 }), async (rows, eol, sizes) => {
        const text = rows.map((r) => r.map((f) => (typeof f === 'string' ? f : `"${f.quoted.replace(/"/g, '""')}"`)).join(',')).join(eol) + eol;
        const expected = parseCsv(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
        expect((await readAll(chunked('o.csv', text, sizes), sizes[0])).records).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives fields as byte ranges of the chunk, unquoted in place without touching the next record', async () => {
    const chunks = [];
    for await (const c of readCsvChunks(chunked('b.csv', 'x,"a""b",é\n"q\nr",2\n'))) {
      chunks.push({ ascii: c.ascii, rows: Array.from({ length: c.count }, (_, i) => [c.width(i), c.text(i, 0), c.text(i, 2), c.bytes.toString('utf8', c.starts[c.first[i]! + 1], c.ends[c.first[i]! + 1])]) });
    }
    expect(chunks).toEqual([{ ascii: false, rows: [[3, 'x', 'é', 'a"b'], [2, 'q\nr', undefined, '2']] }]);
  });

  it('reads a file into its own buffer (fileSource) exactly as the same bytes streamed, for any chunk size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-csv-file-'));
    try {
      const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', 'é', '1') });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 40 }), async (rows, chunkBytes) => {
          const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
          const path = join(dir, 'f.csv');
          writeFileSync(path, text);
          const src = fileSource(path);
          expect(src.openReader).toBeDefined();
          expect(await readAll(src, chunkBytes)).toEqual(await readAll(chunked('f.csv', text, [chunkBytes]), chunkBytes));
          expect((await readAll(src, chunkBytes)).records).toEqual(rows);
        }),
        { numRuns: 60 },
      );
      // A path that opens but cannot be read (a directory) is an InputError naming it, not a raw EISDIR.
      const read = async () => {
        for await (const _ of readCsvRecords(fileSource(dir))) void _;
      };
      await expect(read()).rejects.toThrow(InputError);
      await expect(read()).rejects.toThrow(`${dir}: cannot read file: EISDIR`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an over-long record before buffering it whole', async () => {
    const src = chunked('long.csv', `a\n${'x'.repeat(5000)}\n`, [100]);
    const read = async () => {
      for await (const _ of readCsvRecords(src, { maxRecordBytes: 1000 })) void _;
    };
    await expect(read()).rejects.toThrow('long.csv:2: record is longer than 1000 bytes; refusing to read it');
  });
});
