import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../ftm/entity.js';
import { fileSource, memorySource } from '../lists/source.js';
import { BATCH_OUTPUT_COLUMNS, batchCsvLines, csvLine, readBatchCsv, screenBatchRow, type Matcher } from './batch.js';
import type { MatchQuery, MatchResult } from './types.js';

const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

const HEADER = 'full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality';

describe('readBatchCsv', () => {
  it('reads rows with their file lines, including quoted fields over two lines and CRLF endings', async () => {
    const csv = `${HEADER},id\r\n"SALEK, ABDULHAI",,,,,1965,"Awlyatak Village,\r\nAfghanistan",af,c-1\r\n\r\n,Jong Un,,KIM,m,1984-1-8,,kp,c-2\r\n`;
    const { rows, warnings } = await readBatchCsv(memorySource('in.csv', csv));
    expect(warnings).toEqual([]);
    expect(rows.map((r) => [r.row, r.line, r.id, r.inputName])).toEqual([
      [1, 2, 'c-1', 'SALEK, ABDULHAI'],
      [2, 5, 'c-2', 'Jong Un KIM'],
    ]);
    expect(rows[0]?.queries).toEqual([
      { schema: 'Person', properties: { name: ['SALEK, ABDULHAI'], birthDate: ['1965'], birthPlace: ['Awlyatak Village, Afghanistan'], nationality: ['af'] } },
    ]);
    expect(rows[1]?.queries[0]?.properties).toMatchObject({ firstName: ['Jong Un'], lastName: ['KIM'], gender: ['male'], birthDate: ['1984-01-08'] });
  });

  it('keeps a row with a bad value, leaving that value out and naming its column', async () => {
    const { rows } = await readBatchCsv(memorySource('in.csv', `${HEADER}\nRI PYONG CHOL,,,,,about 1948,,Atlantis\n`));
    expect(rows[0]?.queries).toEqual([{ schema: 'Person', properties: { name: ['RI PYONG CHOL'] } }]);
    expect(rows[0]?.errors).toEqual([
      'date_of_birth: "about 1948" not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored',
      'nationality: "Atlantis" not a country code or a country name we know; ignored',
    ]);
  });

  it('reads the optional schema, id_number and wallet columns and warns about unknown ones', async () => {
    const csv = 'schema,full_name,id_number,wallet,notes\nVessel,CHON MA SAN,8660313,,x\n,,,0x098b716b8aaf21512996dc57eb0615e2383e2f96,\n';
    const { rows, warnings } = await readBatchCsv(memorySource('in.csv', csv));
    expect(rows.map((r) => r.queries)).toEqual([
      [{ schema: 'Vessel', properties: { name: ['CHON MA SAN'], imoNumber: ['8660313'] } }],
      [{ schema: 'CryptoWallet', properties: { publicKey: ['0x098b716b8aaf21512996dc57eb0615e2383e2f96'] } }],
    ]);
    expect(rows[1]?.inputName).toBe('0x098b716b8aaf21512996dc57eb0615e2383e2f96');
    expect(warnings).toEqual(['in.csv: column "notes" is not a batch input column; ignored']);
  });

  it('warns about columns named like Object members: they are not input columns either', async () => {
    const names = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];
    const { rows, warnings } = await readBatchCsv(memorySource('in.csv', `full_name,${names.join(',')}\nRI,a,b,c,d,e\n`));
    expect(rows.map((r) => r.queries)).toEqual([[{ schema: 'LegalEntity', properties: { name: ['RI'] } }]]);
    expect(warnings).toEqual(names.map((n) => `in.csv: column "${n.toLowerCase()}" is not a batch input column; ignored`));
  });

  it('refuses structural problems with the file and line', async () => {
    const bad = (csv: string) => readBatchCsv(memorySource('in.csv', csv));
    await expect(bad(`${HEADER}\nKIM,,,,,,,kp\nRI,,,\n`)).rejects.toThrow(/^in\.csv:3: not a valid CSV file: this row has a different number of fields than the header$/);
    await expect(bad(`${HEADER}\nKIM,,,,,,,kp\n"RI,,,,,,,kp\n`)).rejects.toThrow(/^in\.csv:\d+: not a valid CSV file: a quoted field is not closed/);
    await expect(bad(`${HEADER}\nKIM,,,,,,,kp\n,,,,,1980,,kp\n`)).rejects.toThrow('in.csv:3: nothing to screen: the row has no name, id_number or wallet');
    await expect(bad('name,dob\nKIM,1984\n')).rejects.toThrow(/^in\.csv:1: missing column: the header needs full_name/);
    await expect(bad('full_name,full_name\nA,B\n')).rejects.toThrow('in.csv:1: column "full_name" appears twice in the header');
    await expect(bad('')).rejects.toThrow('in.csv:1: empty file');
    await expect(readBatchCsv(memorySource('in.csv', `${HEADER}\n${'A'.repeat(200)},,,,,,,\n`), { maxBytes: 100 })).rejects.toThrow(/over the 100-byte limit/);
    await expect(readBatchCsv(memorySource('in.csv', new Uint8Array([0x66, 0x75, 0x6c, 0x6c, 0x5f, 0xff])))).rejects.toThrow(/^in\.csv: not valid UTF-8/);
  });

  it('screens rows without a schema value as the default schema when one is given', async () => {
    const csv = 'schema,full_name\n,KOREA MINING\nVessel,CHON MA SAN\n';
    expect((await readBatchCsv(memorySource('in.csv', csv))).rows.map((r) => r.queries[0]?.schema)).toEqual(['LegalEntity', 'Vessel']);
    expect((await readBatchCsv(memorySource('in.csv', csv), { defaultSchema: 'Company' })).rows.map((r) => r.queries[0]?.schema)).toEqual(['Company', 'Vessel']);
  });

  it.skipIf(!existsSync(SHARED))('reads all 683 rows of positives_un_treated.csv as Person queries', async () => {
    const src = fileSource(`${SHARED}names/positives_un_treated.csv`);
    const guessed = await readBatchCsv(src);
    // Seven rows carry a name and nothing else, so nothing says they are persons.
    expect(guessed.rows.filter((r) => r.queries[0]?.schema === 'LegalEntity')).toHaveLength(7);
    const { rows, warnings } = await readBatchCsv(src, { defaultSchema: 'Person' });
    expect(warnings).toEqual([]);
    expect(rows).toHaveLength(683);
    expect(rows.every((r) => r.queries.length === 1 && r.queries[0]?.schema === 'Person')).toBe(true);
    expect(rows.filter((r) => r.queries[0]?.properties.nationality?.[0] === 'kp')).toHaveLength(79);
    // The treated file has typos in dates too; the year (and month) survive.
    expect(rows.flatMap((r) => r.errors)).toEqual([
      'date_of_birth: "1974-01-32" not a real date; kept 1974-01',
      'date_of_birth: "1968-13-30" not a real date; kept 1968',
      'date_of_birth: "1948-13-16" not a real date; kept 1948',
    ]);
  });
});

function entity(id: string, caption: string): FtmEntity {
  return { id, schema: 'Person', caption, properties: { name: [caption] }, datasets: ['un_sc'], target: true, provenance: { list: 'un_sc', entryId: id.toUpperCase(), programs: [] } };
}

function result(e: FtmEntity, score: number, detail = 'names agree'): MatchResult {
  return { entity: e, score, match: score >= 0.7, review: score < 0.7 && score >= 0.5, explanations: { name_match: { feature: 'name_match', score, weight: 1, detail } } };
}

describe('screenBatchRow', () => {
  it('merges the results of a row\'s queries, keeping the best score per entity', async () => {
    const a = entity('un-a', 'LAZARUS GROUP');
    const b = entity('un-b', 'WALLET');
    const stub: Matcher = {
      match: (q: MatchQuery) =>
        q.schema === 'CryptoWallet' ? { results: [result(a, 1), result(b, 0.9)], total: 2 } : { results: [result(a, 0.6)], total: 1 },
    };
    const { rows } = await readBatchCsv(memorySource('in.csv', 'full_name,wallet\nLAZARUS,0xabc\n'));
    const merged = screenBatchRow(stub, rows[0]!, { limit: 5 });
    expect(merged.map((r) => [r.entity.id, r.score])).toEqual([
      ['un-a', 1],
      ['un-b', 0.9],
    ]);
    expect(screenBatchRow(stub, rows[0]!, { limit: 1 })).toHaveLength(1);
  });
});

describe('batchCsvLines / csvLine', () => {
  it('writes one line per result and one line for a row without results, readable back as CSV', async () => {
    const { rows } = await readBatchCsv(memorySource('in.csv', 'full_name,date_of_birth\n"KIM, Jong Un",1984\nNOBODY,soon\n'));
    const lines = [
      csvLine(BATCH_OUTPUT_COLUMNS),
      ...batchCsvLines(rows[0]!, [result(entity('un-1', 'KIM JONG UN'), 0.97, 'query name "Kim, Jong Un" met KIM JONG UN'), result(entity('un-2', 'KIM JONG IL'), 0.55)]),
      ...batchCsvLines(rows[1]!, []),
    ];
    const back = parse(lines.join('\n'), { columns: true }) as Record<string, string>[];
    expect(back).toEqual([
      { row: '1', line: '2', id: '1', input_name: 'KIM, Jong Un', rank: '1', score: '0.9700', match: 'true', review: 'false', entity_id: 'un-1', caption: 'KIM JONG UN', schema: 'Person', list: 'un_sc', entry_id: 'UN-1', explanation: 'query name "Kim, Jong Un" met KIM JONG UN', error: '' },
      { row: '1', line: '2', id: '1', input_name: 'KIM, Jong Un', rank: '2', score: '0.5500', match: 'false', review: 'true', entity_id: 'un-2', caption: 'KIM JONG IL', schema: 'Person', list: 'un_sc', entry_id: 'UN-2', explanation: 'names agree', error: '' },
      { row: '2', line: '3', id: '2', input_name: 'NOBODY', rank: '', score: '', match: '', review: '', entity_id: '', caption: '', schema: '', list: '', entry_id: '', explanation: '', error: 'date_of_birth: "soon" not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored' },
    ]);
  });

  it('defuses spreadsheet formulas but leaves negative numbers alone', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '@SUM', '-0.5', 'plain'])).toBe(`"'=HYPERLINK(""x"")",'+1,'@SUM,-0.5,plain`);
  });
});
