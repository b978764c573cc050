import { memorySource, type SourceFile } from '../source.js';

/** One OFAC CSV field as OFAC writes it: quoted text, or the bare null marker `-0- ` for ''. */
function ofacField(value: string): string {
  return value === '' ? '-0- ' : /^\d+$/.test(value) ? value : `"${value}"`;
}

/**
 * Text of an OFAC CSV file: no header, CRLF, null markers, final 0x1A byte.
 *
 * @example
 * ofacCsvText([['36', '12', 'aka', 'AERO-CARIBBEAN', '']]); // '36,12,"aka","AERO-CARIBBEAN",-0- \r\n\x1a'
 */
export function ofacCsvText(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(ofacField).join(',') + '\r\n').join('') + '\x1a';
}

/**
 * An in-memory OFAC CSV file for tests.
 *
 * @example
 * ofacCsvFile('alt.csv', [['36', '12', 'aka', 'AERO-CARIBBEAN', '']]);
 */
export function ofacCsvFile(name: string, rows: readonly (readonly string[])[]): SourceFile {
  return memorySource(name, ofacCsvText(rows));
}

/**
 * A primary-file row: ent_num, name, type, programs, remarks; the vessel columns empty.
 *
 * @example
 * primaryRow('27307', 'LAZARUS GROUP', '', 'DPRK3', "a.k.a. 'HIDDEN COBRA'.");
 */
export function primaryRow(entNum: string, name: string, type: string, programs: string, remarks = ''): string[] {
  return [entNum, name, type, programs, '', '', '', '', '', '', '', remarks];
}
