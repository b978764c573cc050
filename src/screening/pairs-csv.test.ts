import { describe, expect, it } from 'vitest';
import { memorySource } from '../lists/source.js';
import { readPairsCsv } from './pairs-csv.js';

describe('readPairsCsv', () => {
  it('reads labelled pairs in any column order, ignoring extra columns', async () => {
    const csv = 'note,is_match,name2,name1,schema\r\nx,Yes,Kim Jong-un,KIM JONG UN,person\r\n,0,"Ri, Li",RI PYONG CHOL,Person\r\ny,TRUE,A,B,vessel\r\n';
    expect(await readPairsCsv(memorySource('p.csv', csv))).toEqual({
      labelled: true,
      pairs: [
        { line: 2, schema: 'Person', name1: 'KIM JONG UN', name2: 'Kim Jong-un', isMatch: true },
        { line: 3, schema: 'Person', name1: 'RI PYONG CHOL', name2: 'Ri, Li', isMatch: false },
        { line: 4, schema: 'Vessel', name1: 'B', name2: 'A', isMatch: true },
      ],
    });
  });

  it('reads pairs without labels', async () => {
    const r = await readPairsCsv(memorySource('p.csv', 'schema,name1,name2\nCompany,A,B\n'));
    expect(r).toEqual({ labelled: false, pairs: [{ line: 2, schema: 'Company', name1: 'A', name2: 'B' }] });
  });

  it('names the file, line and column of a bad row', async () => {
    const bad = (csv: string) => readPairsCsv(memorySource('p.csv', csv));
    await expect(bad('schema,name1,name2,is_match\nPerson,A,B,true\nPerson,A,B,maybe\n')).rejects.toThrow('p.csv:3 (is_match): "maybe" is not a label; use true/false, 1/0 or yes/no');
    await expect(bad('schema,name1,name2,is_match\nPerson,A,B,\n')).rejects.toThrow('p.csv:2 (is_match): "" is not a label');
    await expect(bad('schema,name1,name2\nSanction,A,B\n')).rejects.toThrow('p.csv:2 (schema): unknown schema "Sanction"');
    await expect(bad('schema,name1,name2\nPerson,"A\nA",\n')).rejects.toThrow('p.csv:2 (name2): empty name');
    await expect(bad('schema,name1\nPerson,A\n')).rejects.toThrow('p.csv:1: missing column name2');
    await expect(bad('schema,name1,name2\nPerson,A,B,C\n')).rejects.toThrow(/^p\.csv:2: not a valid CSV file/);
    await expect(bad('')).rejects.toThrow('p.csv:1: empty file');
  });

  it('refuses labels spelled like Object members', async () => {
    for (const label of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf']) {
      await expect(readPairsCsv(memorySource('p.csv', `schema,name1,name2,is_match\nPerson,A,B,${label}\n`))).rejects.toThrow(`p.csv:2 (is_match): "${label}" is not a label`);
    }
  });
});
