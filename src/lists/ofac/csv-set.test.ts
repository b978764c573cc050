import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import {
  OFAC_REMARKS_CUT,
  ofacRoleFromColumns,
  ofacRoleFromName,
  ofacSetKindFromName,
  readOfacCsvSet,
  splitOfacPrograms,
} from './csv-set.js';
import { ofacCsvFile, primaryRow } from './test-support.js';

describe('ofacRoleFromName', () => {
  it.each([
    ['sdn.csv', 'primary'],
    ['SDN.CSV', 'primary'],
    ['sdn_2024-05-03.csv', 'primary'],
    ['sdn_comments_2025-12-24.csv', 'comments'],
    ['alt_2025-12-24.csv', 'alt'],
    ['ADD.CSV', 'add'],
    ['cons_prim.csv', 'primary'],
    ['cons_alt.csv', 'alt'],
    ['cons_add.csv', 'add'],
    ['cons_comments.csv', 'comments'],
    ['/data/lists/ofac-sdn/add_2025-12-24.csv', 'add'],
  ])('%s → %s', (name, role) => {
    expect(ofacRoleFromName(name)).toBe(role);
  });

  it('does not claim other files', () => {
    expect(ofacRoleFromName('UN_consolidated.xml')).toBeNull();
    expect(ofacRoleFromName('sdn.xml')).toBeNull();
    expect(ofacRoleFromName('list.csv')).toBeNull();
  });

  it('tells the SDN set from the Consolidated set', () => {
    expect(ofacSetKindFromName('cons_prim.csv')).toBe('cons');
    expect(ofacSetKindFromName('sdn_comments.csv')).toBe('sdn');
    expect(ofacSetKindFromName('other.csv')).toBeNull();
  });
});

describe('ofacRoleFromColumns', () => {
  it('maps the four field counts and nothing else', () => {
    expect([12, 6, 5, 2].map(ofacRoleFromColumns)).toEqual(['primary', 'add', 'alt', 'comments']);
    expect(ofacRoleFromColumns(3)).toBeNull();
  });
});

describe('splitOfacPrograms', () => {
  it('splits the bracketed list OFAC writes without its outer brackets', () => {
    expect(splitOfacPrograms('DPRK3] [CYBER2')).toEqual(['DPRK3', 'CYBER2']);
    expect(splitOfacPrograms('NPWMD] [DPRK2] [IFSR')).toEqual(['NPWMD', 'DPRK2', 'IFSR']);
    expect(splitOfacPrograms('[DPRK]')).toEqual(['DPRK']);
    expect(splitOfacPrograms('DPRK')).toEqual(['DPRK']);
    expect(splitOfacPrograms('')).toEqual([]);
  });
});

const LAZARUS_CUT = `${'x'.repeat(OFAC_REMARKS_CUT - 20)}a.k.a. 'WHOIS HACKIN`;

describe('readOfacCsvSet', () => {
  const primary = () =>
    ofacCsvFile('sdn_2024-05-03.csv', [
      primaryRow('27307', 'LAZARUS GROUP', '', 'DPRK3', LAZARUS_CUT),
      primaryRow('17069', 'CHONG CHON GANG', 'vessel', 'DPRK', 'Vessel Registration Identification IMO 7937317.'),
    ]);

  it('joins alt, add and comments rows on ent_num and continues cut remarks', async () => {
    const set = await readOfacCsvSet([
      primary(),
      ofacCsvFile('alt_2025-12-24.csv', [['17069', '1', 'aka', 'CHONGCHONGANG', '']]),
      ofacCsvFile('add_2025-12-24.csv', [['27307', '41656', '', 'Pyongyang', 'Korea, North', '']]),
      ofacCsvFile('sdn_comments_2025-12-24.csv', [['27307', "G TEAM'; a.k.a. 'ZINC'."]]),
    ]);
    expect(LAZARUS_CUT).toHaveLength(OFAC_REMARKS_CUT);
    const [lazarus, vessel] = set.entries;
    expect(lazarus?.remarks.endsWith("a.k.a. 'WHOIS HACKING TEAM'; a.k.a. 'ZINC'.")).toBe(true);
    expect(lazarus?.addresses.map((a) => [a.cityStateZip, a.country, a.line])).toEqual([['Pyongyang', 'Korea, North', 1]]);
    expect(vessel?.alts.map((a) => [a.type, a.name])).toEqual([['aka', 'CHONGCHONGANG']]);
    expect(vessel?.primary).toMatchObject({ entNum: '17069', type: 'vessel', programs: ['DPRK'], file: 'sdn_2024-05-03.csv', line: 2 });
    expect(set.kind).toBe('sdn');
    expect(set.primaryDate).toBe('2024-05-03');
    expect(set.warnings).toEqual([expect.stringContaining('different dates (primary 2024-05-03, alt 2025-12-24')]);
  });

  it('accepts the primary file alone and says which remarks stay cut', async () => {
    const set = await readOfacCsvSet([primary()]);
    expect(set.entries).toHaveLength(2);
    expect(set.entries[0]?.remarks).toBe(LAZARUS_CUT);
    expect(set.warnings).toEqual([expect.stringMatching(/cut at 1000 characters and no comments file was given \(ent_num 27307\)/)]);
  });

  it('skips rows of other dates whose ent_num is not in the primary file, with one warning per file', async () => {
    const set = await readOfacCsvSet([
      primary(),
      ofacCsvFile('alt.csv', [
        ['17069', '1', 'aka', 'A', ''],
        ['99999', '2', 'aka', 'B', ''],
        ['99999', '3', 'aka', 'C', ''],
        ['88888', '4', 'fka', 'D', ''],
      ]),
    ]);
    expect(set.entries[1]?.alts).toHaveLength(1);
    expect(set.warnings).toContainEqual(expect.stringMatching(/^alt\.csv: 3 rows \(2 of 3 ent_nums\) have no entry in sdn_2024-05-03\.csv/));
  });

  it('does not glue comments onto remarks that were not cut, but keeps them', async () => {
    const set = await readOfacCsvSet([primary(), ofacCsvFile('sdn_comments.csv', [['17069', 'tail from a newer file']])]);
    const vessel = set.entries[1];
    expect(vessel?.remarks).toBe('Vessel Registration Identification IMO 7937317.');
    expect(vessel?.unjoinedComments.map((c) => c.text)).toEqual(['tail from a newer file']);
    expect(set.warnings).toContainEqual(expect.stringContaining('do not continue their remarks'));
  });

  it('falls back to the field count for files with other names', async () => {
    const set = await readOfacCsvSet([
      ofacCsvFile('list-a.csv', [primaryRow('1', 'A', '', 'SDGT')]),
      ofacCsvFile('list-b.csv', [['1', '5', 'fka', 'OLD A', '']]),
    ]);
    expect(set.files).toEqual({ primary: 'list-a.csv', alt: 'list-b.csv' });
    expect(set.entries[0]?.alts[0]?.type).toBe('fka');
    expect(set.kind).toBeNull();
  });

  it('refuses a set without a primary file', async () => {
    await expect(readOfacCsvSet([ofacCsvFile('alt.csv', [['1', '5', 'aka', 'A', '']])])).rejects.toThrow(/no primary file/);
  });

  it('refuses two files with the same role', async () => {
    await expect(readOfacCsvSet([primary(), primary()])).rejects.toThrow(/a second primary file/);
  });

  it('refuses a record with the wrong number of fields, naming file and line', async () => {
    const err = await readOfacCsvSet([primary(), ofacCsvFile('add.csv', [['1', '2', 'a', 'b', 'c', ''], ['1', '3', 'a', 'b', 'c']])]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ source: 'add.csv', line: 2 });
    expect((err as Error).message).toContain('expected 6 fields (OFAC add file), found 5');
  });

  it('refuses a duplicate or non-numeric ent_num and a nameless entry', async () => {
    const dup = ofacCsvFile('sdn.csv', [primaryRow('1', 'A', '', 'X'), primaryRow('1', 'B', '', 'X')]);
    await expect(readOfacCsvSet([dup])).rejects.toMatchObject({ line: 2, field: 'ent_num' });
    const text = ofacCsvFile('sdn.csv', [primaryRow('x1', 'A', '', 'X')]);
    await expect(readOfacCsvSet([text])).rejects.toMatchObject({ line: 1, field: 'ent_num' });
    const nameless = ofacCsvFile('sdn.csv', [primaryRow('1', '', '', 'X')]);
    await expect(readOfacCsvSet([nameless])).rejects.toMatchObject({ line: 1, field: 'SDN_Name' });
  });

  it('refuses a file whose field count fits no role', async () => {
    await expect(readOfacCsvSet([ofacCsvFile('other.csv', [['1', 'a', 'b']])])).rejects.toThrow(/other\.csv:1: 3 fields/);
  });
});
