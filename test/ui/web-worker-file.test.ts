import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/lists/source.js';
import { csvRowToObject as serverCsvRow, readRecords } from '../../src/vetting/input/read-records.js';
import { csvRowToObject, readWorkerFile, recordErrorInFile, workerName } from '../../web/src/lib/worker-file.js';

describe('web worker file reader (the `counterflow vet` formats)', () => {
  const records = [
    { id: 'w1', names: ['Jane Doe'] },
    { id: 'w2', full_name: 'Kim Chol', emails: ['k@example.com'] },
  ];

  it('reads a JSON array, an object with records, and JSON lines, with the line each record starts on', () => {
    const array = `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
    expect(readWorkerFile('w.json', array)).toEqual([
      { record: records[0], line: 2 },
      { record: records[1], line: 3 },
    ]);
    expect(readWorkerFile('w.json', JSON.stringify({ records }, null, 1)).map((w) => w.record)).toEqual(records);
    expect(readWorkerFile('w.jsonl', records.map((r) => JSON.stringify(r)).join('\n\n'))).toEqual([
      { record: records[0], line: 1 },
      { record: records[1], line: 3 },
    ]);
  });

  it('reads the same records as `counterflow vet` from the demo-like formats', async () => {
    const text = records.map((r) => JSON.stringify(r)).join('\n');
    const server = await readRecords([memorySource('w.jsonl', text)]);
    expect(readWorkerFile('w.jsonl', text).map((w) => w.record.id)).toEqual(server.records.map((r) => r.id));
  });

  it('names the file and line of a malformed record', () => {
    expect(() => readWorkerFile('w.jsonl', '{"id":"a"}\n{"id":\n')).toThrow(/^w\.jsonl:2: not valid JSON/);
    expect(() => readWorkerFile('w.json', '[{"id":"a"}, 3]')).toThrow(/w\.json:1: each record must be a JSON object/);
    expect(() => readWorkerFile('w.csv', 'id,names\n1,"Jane\n')).toThrow(/w\.csv:2: not valid CSV/);
    expect(() => readWorkerFile('w.csv', 'id,documents.0.number\n1,X\n2\n')).toThrow(/w\.csv:3: not valid CSV: this row has 1 fields, the header 2/);
  });

  it('reads a CSV column named like an object prototype as a field, as `counterflow vet` does, and pollutes nothing', () => {
    const record = csvRowToObject(['id', '__proto__.polluted'], ['1', 'yes'], 'w.csv', 2);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns CSV rows into the same record objects as `counterflow vet` (property)', () => {
    const header = fc.uniqueArray(fc.constantFrom('id', 'names', 'emails', 'country', 'documents.number', 'documents.type', 'devices.0.id', 'devices.1.id', 'resume_text'), { minLength: 1, maxLength: 5 });
    const cell = fc.constantFrom('', 'a', 'a; b', ' spaced ', '[1,2]', '{"k":"v"}', 'x;y;', '7');
    fc.assert(
      fc.property(header, fc.array(cell, { minLength: 5, maxLength: 5 }), (columns, cells) => {
        const row = Object.fromEntries(columns.map((c, i) => [c, cells[i]!]));
        expect(csvRowToObject(columns, cells.slice(0, columns.length), 'w.csv', 2)).toEqual(serverCsvRow(row, 'w.csv', 2));
      }),
    );
  });

  it('finds the primary name under any of its field names', () => {
    expect(workerName({ names: ['Jane Doe', 'J. Doe'] })).toBe('Jane Doe');
    expect(workerName({ 'Full-Name': 'Kim Chol' })).toBe('Kim Chol');
    expect(workerName({ names: [{ name: 'Ri Ok', type: 'legal' }] })).toBe('Ri Ok');
    expect(workerName({ id: 'x' })).toBeUndefined();
  });

  it('words the server’s error about record n with the file and line it came from', () => {
    const inputs = readWorkerFile('w.json', `[\n{"id":"a"},\n\n{"id":"b"}\n]`);
    expect(recordErrorInFile('records:2 (photo_hash): not a hash', 'w.json', inputs)).toBe('w.json:4 (photo_hash): not a hash');
  });
});
