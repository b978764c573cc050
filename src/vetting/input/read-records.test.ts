import { describe, expect, it } from 'vitest';
import { memorySource } from '../../lists/source.js';
import { csvRowToObject, detectFormat, readRecords, splitJsonArray } from './read-records.js';

describe('readRecords', () => {
  it('reads JSON lines, skipping blank lines, numbering lines from 1', async () => {
    const { records } = await readRecords([memorySource('a.jsonl', '{"id":"w1","names":"Jane Doe"}\n\n{"id":"w2"}\n')]);
    expect(records.map((r) => [r.id, r.source.line])).toEqual([['w1', 1], ['w2', 3]]);
  });

  it('reads a JSON array and names the line each element starts on', async () => {
    const text = '[\n  {"id": "w1"},\n  {"id": "w2",\n   "photo_hash": "zz"}\n]';
    await expect(readRecords([memorySource('a.json', text)])).rejects.toThrow('a.json:3 (photo_hash): "zz" is not a 64-bit hash: write 16 hex digits');
    const { records } = await readRecords([memorySource('b.json', '[{"id":"w1"},{"id":"w2"}]')]);
    expect(records.map((r) => r.id)).toEqual(['w1', 'w2']);
  });

  it('reads CSV with ;-separated list columns, JSON cells and dotted columns', async () => {
    const csv = 'id,names,emails,claimed_country,documents.type,documents.number,logins\nw1,Jane Doe;J. Doe,"a@x.com; b@y.com",US,passport,X123456,"[{""timestamp"":""2025-04-01T10:00:00Z"",""ip"":""8.8.8.8""}]"\nw2,,,,,,\n';
    const { records } = await readRecords([memorySource('a.csv', csv)]);
    expect(records[0]).toMatchObject({ id: 'w1', names: ['Jane Doe', 'J. Doe'], emails: ['a@x.com', 'b@y.com'], claimedCountry: 'us', documents: [{ type: 'passport', number: 'X123456' }], source: { line: 2 } });
    expect(records[0]!.logins[0]!.ip).toBe('8.8.8.8');
    expect(records[1]).toMatchObject({ id: 'w2', names: [], source: { line: 3 } });
  });

  it.each([
    ['a.jsonl', '{"id":"w1"}\n{"id":"w1"}\n', 'a.jsonl:2 (id): id "w1" is used twice (first at a.jsonl:1)'],
    ['a.jsonl', '{"id":"w1"}\n{"id": }\n', 'a.jsonl:2: not valid JSON'],
    ['a.json', '[{"id":"w1"},', 'a.json:1: the JSON array is not closed (truncated file?)'],
    ['a.csv', 'id,names\nw1,Jane,extra\n', 'a.csv:2: not valid CSV'],
    ['a.csv', 'id,logins\nw1,[not json\n', 'a.csv:2 (logins): the cell starts like JSON but is not valid JSON'],
  ])('refuses bad input in %s with file and line', async (name, text, message) => {
    await expect(readRecords([memorySource(name, text)])).rejects.toThrow(message);
  });

  it('refuses bytes that are not UTF-8 and over-long lines', async () => {
    await expect(readRecords([memorySource('a.jsonl', new Uint8Array([0x7b, 0xff, 0x7d, 0x0a]))])).rejects.toThrow(/a\.jsonl.*not valid UTF-8/);
    await expect(readRecords([memorySource('a.jsonl', `{"id":"${'x'.repeat(200)}"}\n`)], { maxLineBytes: 100 })).rejects.toThrow('a.jsonl:1: line is longer than 100 bytes');
  });
});

describe('format detection and helpers', () => {
  it('detects the format by extension, else by the first character', async () => {
    expect(await detectFormat(memorySource('x.ndjson', '[]'))).toBe('jsonl');
    expect(await detectFormat(memorySource('x.txt', '  [{"id":1}]'))).toBe('json');
    expect(await detectFormat(memorySource('x.txt', '{"id":1}'))).toBe('jsonl');
    expect(await detectFormat(memorySource('x.txt', 'id,names'))).toBe('csv');
  });

  it('splits JSON arrays with strings containing brackets and commas', () => {
    expect(splitJsonArray('[{"a":"],\\"{"}, [1,2]]', 'x').map((e) => e.text.trim())).toEqual(['{"a":"],\\"{"}', '[1,2]']);
  });

  it('reads columns named like Object members as plain fields', () => {
    const names = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];
    const out = csvRowToObject(Object.fromEntries(names.map((n) => [n, `${n} cell`])), 'x.csv', 2);
    expect(Object.keys(out)).toEqual(names);
    for (const n of names) expect(Object.getOwnPropertyDescriptor(out, n)?.value).toBe(`${n} cell`);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('nests a dotted __proto__ or constructor column into its own field, never into Object.prototype', () => {
    const row = Object.fromEntries([
      ['__proto__.polluted', 'yes'],
      ['constructor.prototype.polluted', 'yes'],
      ['extra', '{}'],
      ['extra.__proto__.polluted', 'yes'],
    ]);
    try {
      const out = csvRowToObject(row, 'x.csv', 2);
      expect(JSON.parse(JSON.stringify(out))).toEqual(
        JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"extra":{"__proto__":{"polluted":"yes"}}}'),
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it('keeps a CSV column named like an Object member among the unknown fields of its record', async () => {
    const { records } = await readRecords([memorySource('a.csv', 'id,constructor,__proto__.x\nw1,c,p\n')]);
    expect(JSON.parse(JSON.stringify(records[0]!.extra))).toEqual(JSON.parse('{"constructor":"c","__proto__":{"x":"p"}}'));
  });

  it('refuses two columns writing one value', () => {
    expect(() => csvRowToObject({ 'documents.number': 'A', 'documents.0.number': 'B' }, 'x.csv', 2)).toThrow('x.csv:2 (documents.0.number): column "documents.0.number" mixes list positions and field names under "documents"');
  });
});
