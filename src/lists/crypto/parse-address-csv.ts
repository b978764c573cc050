import { parse } from 'csv-parse/sync';
import { normaliseAddress } from '../../addresses/index.js';
import type { NormalisedAddress } from '../../addresses/index.js';
import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { EntityBuilder } from '../../ftm/entity.js';
import type { SourceFile } from '../source.js';
import { readLines, sourceBaseName } from '../source.js';
import type { ListParser, ParseOptions, ParsedList } from '../types.js';
import { WalletIds } from './wallet-ids.js';

const MAX_LINE_BYTES = 64 * 1024;
const MAX_FILE_CHARS = 64 * 1024 * 1024;
const ADDRESS_HEADERS = new Set(['address', 'addr', 'wallet', 'publickey', 'public_key', 'crypto_address', 'cryptoaddress']);
const NAME_HEADERS = new Set(['name', 'holder', 'owner', 'label', 'entity']);
const CURRENCY_HEADERS = new Set(['currency', 'ticker', 'asset', 'symbol']);
const HOLDER_NOTE = 'holder named in source';

/**
 * Default list name from the file name: `dprk_related_eth_subset.csv` → `dprk_related_eth_subset`.
 *
 * @example
 * listNameFromFile('crypto/crypto-addresses.csv'); // 'crypto_addresses'
 */
export function listNameFromFile(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, '');
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'crypto_addresses';
}

/** A first row is a header when it names an address column, or names other columns and holds no address. */
function isHeaderRow(cells: string[]): boolean {
  const lower = cells.map((c) => c.trim().toLowerCase());
  if (lower.some((c) => ADDRESS_HEADERS.has(c))) return true;
  return lower.some((c) => NAME_HEADERS.has(c) || CURRENCY_HEADERS.has(c)) && !cells.some((c) => normaliseAddress(c).valid);
}

/**
 * Recognises an `address,name` CSV (with or without header) from its name and head: a header naming an
 * address column, or a first row whose first cell is a valid address.
 *
 * @example
 * sniffAddressCsv('address,name\n0x098B…,"LAZARUS GROUP"\n', 'data.csv'); // true
 */
export function sniffAddressCsv(head: string, fileName: string): boolean {
  if (!/\.csv$/i.test(fileName)) return false;
  const first = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const cells = first.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cells.length > 4) return false;
  if (cells.some((c) => ADDRESS_HEADERS.has(c.toLowerCase()))) return true;
  return cells[0] !== undefined && normaliseAddress(cells[0]).valid;
}

interface Columns {
  address: number;
  name?: number;
  currency?: number;
  /** Other named columns: kept in the wallet's notes as `header: value`. */
  other: { index: number; header: string }[];
}

function columnsFromHeader(header: string[], file: string, line: number): Columns {
  const lower = header.map((h) => h.trim().toLowerCase());
  const address = lower.findIndex((h) => ADDRESS_HEADERS.has(h));
  if (address < 0) throw new InputError(file, `header has no address column (expected one of: ${[...ADDRESS_HEADERS].join(', ')})`, line);
  const name = lower.findIndex((h) => NAME_HEADERS.has(h));
  const currency = lower.findIndex((h) => CURRENCY_HEADERS.has(h));
  const used = new Set([address, name, currency]);
  const other = header.map((h, index) => ({ index, header: h.trim() })).filter((c) => !used.has(c.index));
  return { address, ...(name >= 0 ? { name } : {}), ...(currency >= 0 ? { currency } : {}), other };
}

async function readCsvText(src: SourceFile, onBytes?: (bytes: number) => void): Promise<string> {
  const lines: string[] = [];
  let chars = 0;
  for await (const { line, lineNo } of readLines(src, { maxLineBytes: MAX_LINE_BYTES, onBytes })) {
    chars += line.length + 1;
    if (chars > MAX_FILE_CHARS) throw new InputError(src.name, `file is larger than the ${MAX_FILE_CHARS}-byte limit for this format`, lineNo);
    lines.push(line);
  }
  return lines.join('\n');
}

interface Row {
  cells: string[];
  line: number;
}

function parseRows(text: string, file: string): Row[] {
  try {
    const records = parse(text, { bom: true, skip_empty_lines: true, info: true, raw: true, relax_column_count: false, max_record_size: MAX_LINE_BYTES }) as unknown as {
      record: string[];
      info: { lines: number };
      raw: string;
    }[];
    // `info.lines` is where a record ends; `raw` also holds the empty lines skipped before it.
    return records.map(({ record, info, raw }) => {
      const ownText = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
      return { cells: record, line: info.lines - (ownText.match(/\n/g)?.length ?? 0) };
    });
  } catch (err) {
    const e = err as { message?: string; lines?: number; code?: string };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) throw new InputError(file, `not a valid CSV file: ${e.message}`, e.lines);
    throw err;
  }
}

interface Wallet {
  normalised: NormalisedAddress;
  names: string[];
  currencies: string[];
  extraNotes: string[];
  file: string;
  line: number;
}

function buildWallet(wallet: Wallet, ids: WalletIds, list: string, sourceUrl: string | undefined): FtmEntity {
  const n = wallet.normalised;
  const builder = new EntityBuilder('CryptoWallet', ids.idFor(n.address), list)
    .add('publicKey', n.valid ? n.address : n.raw.trim())
    .add('name', wallet.names)
    .add('currencySymbol', wallet.currencies);
  if (wallet.names.length > 0) builder.add('notes', HOLDER_NOTE);
  builder.add('notes', wallet.extraNotes);
  if (!n.valid) builder.add('notes', `address problem: ${n.problem}`);
  if (n.warning) builder.add('notes', `address warning: ${n.warning}`);
  builder.target = true;
  builder.provenance = { list, entryId: n.address, programs: [], ...(sourceUrl ? { sourceUrl } : {}), file: wallet.file, line: wallet.line };
  return builder.build();
}

/**
 * Reads an `address,name` CSV (header optional; a `currency` column is used when present, other
 * named columns go to `notes` as `header: value`). Each
 * distinct address (by {@link addressKey}) is one target CryptoWallet; the holder's name goes into the
 * wallet's `name` so that a name search finds it (FtM has no holder entity here), with the note
 * "holder named in source". Invalid addresses are kept as written, with a warning.
 *
 * @example
 * const list = await parseAddressCsv([fileSource('data.csv')], {});
 * list.list; // 'data'
 */
export const parseAddressCsv: ListParser = async (files: SourceFile[], options: ParseOptions): Promise<ParsedList> => {
  const [src, ...extra] = files;
  if (!src || extra.length > 0) throw new InputError(files[1]?.name ?? 'address-csv', 'address-csv reads exactly one file');
  const list = options.list ?? listNameFromFile(sourceBaseName(src));
  const rows = parseRows(await readCsvText(src, options.onBytes), src.name);
  const warnings: string[] = [];
  const wallets = new Map<string, Wallet>();
  let columns: Columns = { address: 0, name: 1, other: [] };
  let data = rows;
  const first = rows[0];
  if (first && isHeaderRow(first.cells)) {
    columns = columnsFromHeader(first.cells, src.name, first.line);
    data = rows.slice(1);
  } else if (first && first.cells.length > 2) {
    throw new InputError(src.name, `expected address,name columns but the first row has ${first.cells.length} columns and no header`, first.line);
  }
  for (const row of data) {
    const raw = row.cells[columns.address]?.trim() ?? '';
    if (raw === '') throw new InputError(src.name, 'empty address', row.line, 'address');
    const name = columns.name === undefined ? undefined : row.cells[columns.name]?.trim();
    const currency = columns.currency === undefined ? undefined : row.cells[columns.currency]?.trim().toUpperCase();
    const n = normaliseAddress(raw, currency ? { ticker: currency } : {});
    if (!n.valid) warnings.push(`${src.name}:${row.line}: address "${raw}" kept as written: ${n.problem}`);
    else if (n.warning) warnings.push(`${src.name}:${row.line}: address ${n.address}: ${n.warning}`);
    let wallet = wallets.get(n.address);
    if (!wallet) {
      wallet = { normalised: n, names: [], currencies: [], extraNotes: [], file: src.name, line: row.line };
      wallets.set(n.address, wallet);
    }
    if (name && !wallet.names.includes(name)) wallet.names.push(name);
    if (currency && !wallet.currencies.includes(currency)) wallet.currencies.push(currency);
    for (const { index, header } of columns.other) {
      const value = row.cells[index]?.trim();
      if (value) wallet.extraNotes.push(`${header || `column ${index + 1}`}: ${value}`);
    }
  }
  const ids = new WalletIds(list);
  return {
    list,
    format: 'address-csv',
    publishedAt: null,
    sourceUrl: options.sourceUrl ?? null,
    entities: [...wallets.values()].map((w) => buildWallet(w, ids, list, options.sourceUrl)),
    warnings,
  };
};
