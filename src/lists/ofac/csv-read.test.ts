import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { memorySource, type SourceFile } from '../source.js';
import { ofacValue, readOfacCsvRecords, type OfacCsvRecord } from './csv-read.js';

async function readAll(src: SourceFile, maxRecordChars?: number): Promise<OfacCsvRecord[]> {
  const out: OfacCsvRecord[] = [];
  for await (const rec of readOfacCsvRecords(src, { maxRecordChars })) out.push(rec);
  return out;
}

async function failure(src: SourceFile, maxRecordChars?: number): Promise<InputError> {
  try {
    await readAll(src, maxRecordChars);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('ofacValue', () => {
  it('reads the null marker with or without trailing spaces as empty', () => {
    expect(ofacValue('-0- ')).toBe('');
    expect(ofacValue('-0-')).toBe('');
    expect(ofacValue(' -0-   ')).toBe('');
    expect(ofacValue(undefined)).toBe('');
  });

  it('keeps real values, trimmed', () => {
    expect(ofacValue(' KIM, Jong Un ')).toBe('KIM, Jong Un');
    expect(ofacValue('-0-1')).toBe('-0-1');
  });
});

describe('readOfacCsvRecords', () => {
  it('reads CRLF records with quotes and null markers, stopping at the end-of-file byte', async () => {
    const text = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\r\n173,"ANGLO-CARIBBEAN CO., LTD.",-0- ,"CUBA"\r\n\x1a';
    const records = await readAll(memorySource('sdn.csv', text));
    expect(records).toEqual([
      { fields: ['36', 'AEROCARIBBEAN AIRLINES', '-0- ', 'CUBA'], line: 1 },
      { fields: ['173', 'ANGLO-CARIBBEAN CO., LTD.', '-0- ', 'CUBA'], line: 2 },
    ]);
  });

  it('numbers lines exactly across blank lines and newlines inside quoted fields', async () => {
    const text = '1,"a\r\nb",x\r\n2,"c",y\r\n\r\n\r\n3,d,e\r\n4,"z\r\nq"\r\n\x1a';
    const records = await readAll(memorySource('x.csv', text));
    expect(records.map((r) => r.line)).toEqual([1, 3, 6, 7]);
  });

  it('keeps line numbers exact when the text arrives in tiny chunks', async () => {
    const text = '1,"a\r\nb",x\r\n\r\n2,"c",y\r\n3,d,e\r\n\x1a';
    const bytes = new TextEncoder().encode(text);
    const src: SourceFile = {
      name: 'chunked.csv',
      async *open() {
        for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
      },
    };
    const records = await readAll(src);
    expect(records.map((r) => [r.fields[0], r.line])).toEqual([
      ['1', 1],
      ['2', 4],
      ['3', 5],
    ]);
  });

  it('accepts whitespace after the end-of-file byte', async () => {
    const records = await readAll(memorySource('x.csv', '1,a\r\n\x1a\r\n'));
    expect(records).toHaveLength(1);
  });

  it('refuses a file without the end-of-file byte as truncated, naming its last line', async () => {
    const err = await failure(memorySource('sdn.csv', '1,a\r\n2,b\r\n'));
    expect(err.source).toBe('sdn.csv');
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^sdn\.csv:2: .*0x1A/);
  });

  it('refuses data after the end-of-file byte', async () => {
    const err = await failure(memorySource('sdn.csv', '1,a\r\n\x1a2,b\r\n'));
    expect(err.line).toBe(2);
    expect(err.message).toContain('after the end-of-file byte');
  });

  it('names the line where a record with an unterminated quote starts', async () => {
    const err = await failure(memorySource('alt.csv', '1,"a"\r\n2,"b\r\n3,"c"\r\n\x1a'));
    expect(err.source).toBe('alt.csv');
    expect(err.line).toBe(2);
  });

  it('refuses a record over the size limit before reading on', async () => {
    const err = await failure(memorySource('add.csv', `1,a\r\n2,"${'x'.repeat(500)}"\r\n\x1a`), 100);
    expect(err.line).toBe(2);
    expect(err.message).toContain('longer than 100 characters');
  });

  it('refuses a quote inside an unquoted field', async () => {
    const err = await failure(memorySource('sdn.csv', '1,ab"c,d\r\n\x1a'));
    expect(err.line).toBe(1);
  });

  it('takes the first line break outside quotes as the record delimiter; other line breaks are text', async () => {
    expect(await readAll(memorySource('lf.csv', '1,a\n2,"b\r\nc"\n\x1a'))).toEqual([
      { fields: ['1', 'a'], line: 1 },
      { fields: ['2', 'b\r\nc'], line: 2 },
    ]);
    expect(await readAll(memorySource('crlf.csv', '1,a\r\n2,b\nc\r\n3,d\r\n\x1a'))).toEqual([
      { fields: ['1', 'a'], line: 1 },
      { fields: ['2', 'b\nc'], line: 2 },
      { fields: ['3', 'd'], line: 4 },
    ]);
  });

  it('reads a doubled quote inside quotes as a quote, and ends a quoted field at a NUL', async () => {
    expect(await readAll(memorySource('q.csv', '1,"say ""hi""","x"\0y\r\n\x1a'))).toEqual([{ fields: ['1', 'say "hi"', 'x\0y'], line: 1 }]);
  });

  it('counts the limit in characters of finished fields plus bytes of the field being read', async () => {
    expect(await readAll(memorySource('ok.csv', 'ab,éé\r\n\x1a'), 6)).toHaveLength(1);
    const err = await failure(memorySource('long.csv', 'ab,ééé\r\n\x1a'), 6);
    expect(err.message).toContain('longer than 6 characters');
  });
});
