import { CsvError, parse } from 'csv-parse/sync';
import { ownValue } from '../common/own.js';
import { InputError } from '../errors.js';
import { readText, type SourceFile } from '../lists/source.js';
import { screenSchema, type ScreenSchema } from './query-fields.js';

/** One pair of names to compare, with its label when the file has an `is_match` column. */
export interface NamePair {
  line: number;
  schema: ScreenSchema;
  name1: string;
  name2: string;
  isMatch?: boolean;
}

export interface PairsInput {
  pairs: NamePair[];
  /** True when the file has an `is_match` column (then every pair has a label). */
  labelled: boolean;
}

export const MAX_PAIRS_BYTES = 64 * 1024 * 1024;
const LABELS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, yes: true, no: false };

/**
 * Reads a labelled (or unlabelled) pairs file for model validation: a CSV with the header columns
 * `schema,name1,name2` and optionally `is_match` (true/false, 1/0, yes/no); other columns are
 * ignored. When `is_match` is there every row needs a label. Any bad row (unknown schema, empty name,
 * unreadable label, wrong number of fields) is an InputError naming the file, line and column.
 *
 * @example
 * const { pairs, labelled } = await readPairsCsv(fileSource('pairs.csv'));
 * pairs[0]; // { line: 2, schema: 'Person', name1: 'KIM JONG UN', name2: 'Kim Jong-un', isMatch: true }
 */
export async function readPairsCsv(src: SourceFile, options: { maxBytes?: number } = {}): Promise<PairsInput> {
  const maxBytes = options.maxBytes ?? MAX_PAIRS_BYTES;
  let text = '';
  for await (const chunk of readText(src)) {
    text += chunk;
    if (text.length > maxBytes) throw new InputError(src.name, `pairs file is over the ${maxBytes}-byte limit`);
  }
  text = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, max_record_size: 64 * 1024 }) as unknown as typeof records;
  } catch (err) {
    if (err instanceof CsvError) throw new InputError(src.name, `not a valid CSV file: ${err.message}`, (err as CsvError & { lines?: number }).lines);
    throw err;
  }
  const [head, ...rows] = records;
  if (!head) throw new InputError(src.name, 'empty file: expected the header schema,name1,name2[,is_match]', 1);
  const header = head.record.map((h) => h.trim().toLowerCase());
  const col = (name: string): number | undefined => {
    const i = header.indexOf(name);
    return i === -1 ? undefined : i;
  };
  const missing = ['schema', 'name1', 'name2'].filter((c) => col(c) === undefined);
  if (missing.length) throw new InputError(src.name, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the header needs schema,name1,name2 (and optionally is_match)`, 1);
  const labelColumn = col('is_match');

  const pairs: NamePair[] = rows.map(({ record, info }) => {
    const line = info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    const cell = (i: number | undefined): string => (i === undefined ? '' : (record[i] ?? '').trim());
    const rawSchema = cell(col('schema'));
    const schema = screenSchema(rawSchema);
    if (!schema) throw new InputError(src.name, `unknown schema "${rawSchema}"; use Person, Organization, Company, LegalEntity, Vessel, Airplane or CryptoWallet`, line, 'schema');
    const name1 = cell(col('name1'));
    const name2 = cell(col('name2'));
    if (!name1) throw new InputError(src.name, 'empty name', line, 'name1');
    if (!name2) throw new InputError(src.name, 'empty name', line, 'name2');
    const pair: NamePair = { line, schema, name1, name2 };
    if (labelColumn !== undefined) {
      const label = ownValue(LABELS, cell(labelColumn).toLowerCase());
      if (label === undefined) throw new InputError(src.name, `"${cell(labelColumn)}" is not a label; use true/false, 1/0 or yes/no`, line, 'is_match');
      pair.isMatch = label;
    }
    return pair;
  });
  return { pairs, labelled: labelColumn !== undefined };
}
