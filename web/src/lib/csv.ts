import { FileInputError } from './input-error.js';

// Written as `counterflow screen --batch` writes it: one CSV writer for the CLI and the browser.
export { csvLine } from '../../../src/screening/batch-output.js';

/** One parsed CSV record and the line of the file it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/**
 * Parses CSV text (RFC 4180: quoted cells may hold commas, quotes doubled, line breaks; CRLF or LF;
 * a leading BOM dropped; blank lines skipped). An unclosed quote or text after a closing quote is a
 * FileInputError naming the line.
 *
 * @example
 * parseCsv('full_name,nationality\n"Kim, Jong Un",kp\n', 'people.csv');
 * // [{ cells: ['full_name', 'nationality'], line: 1 }, { cells: ['Kim, Jong Un', 'kp'], line: 2 }]
 */
export function parseCsv(text: string, fileName: string, delimiter = ','): CsvRecord[] {
  const src = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quotedCell = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '' || quotedCell) records.push({ cells, line: recordLine });
    cells = [];
    cell = '';
    quotedCell = false;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"' && cell === '' && !quotedCell) {
      const start = line;
      quotedCell = true;
      i++;
      for (;;) {
        if (i >= src.length) throw new FileInputError(fileName, 'not valid CSV: a quoted cell is not closed', start);
        const c = src[i]!;
        if (c === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        cell += c;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new FileInputError(fileName, 'not valid CSV: text after the closing quote of a cell', line);
      }
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      quotedCell = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"' && !quotedCell) throw new FileInputError(fileName, 'not valid CSV: a quote inside an unquoted cell', line);
    cell += ch;
    i++;
  }
  if (cell !== '' || cells.length > 0 || quotedCell) endRecord();
  return records;
}
