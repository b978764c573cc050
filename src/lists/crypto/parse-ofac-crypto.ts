import { normaliseAddress } from '../../addresses/index.js';
import type { NormalisedAddress } from '../../addresses/index.js';
import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { EntityBuilder } from '../../ftm/entity.js';
import type { SourceFile } from '../source.js';
import { readLines, sourceBaseName } from '../source.js';
import type { ListParser, ParseOptions, ParsedList } from '../types.js';
import { parseJsonStringArray } from './json-string-array.js';
import { readCappedText } from './read-capped.js';
import { WalletIds } from './wallet-ids.js';

export const OFAC_CRYPTO_LIST = 'us_ofac_crypto';
export const OFAC_CRYPTO_PROGRAM = 'OFAC-SDN-CRYPTO';

const FILE_NAME = /^sanctioned_addresses_([A-Za-z0-9]+)\.(txt|json)$/i;
/** No address is this long; a longer line is not this format. */
const MAX_LINE_BYTES = 1024;
const MAX_JSON_BYTES = 16 * 1024 * 1024;

/**
 * The OFAC ticker a per-asset file is for, from its name (`sanctioned_addresses_XBT.txt` → `XBT`).
 *
 * @example
 * tickerFromFileName('lists/sanctioned_addresses_usdt.json'); // 'USDT'
 */
export function tickerFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return FILE_NAME.exec(base)?.[1]?.toUpperCase();
}

/**
 * Recognises a per-asset text list: its file name, and a head of one address-like token per line.
 *
 * @example
 * sniffOfacCryptoTxt('0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c\n', 'sanctioned_addresses_ARB.txt'); // true
 */
export function sniffOfacCryptoTxt(head: string, fileName: string): boolean {
  if (!/\.txt$/i.test(fileName) || tickerFromFileName(fileName) === undefined) return false;
  // The head may end inside a line: judge the complete lines, or the only one there is.
  const parts = head.split('\n');
  const complete = parts.length > 1 ? parts.slice(0, -1) : parts;
  const lines = complete.map((l) => l.trim()).filter(Boolean);
  return lines.length > 0 && lines.every((l) => /^[A-Za-z0-9:]{20,128}$/.test(l));
}

/**
 * Recognises a per-asset JSON list: its file name and a JSON array of strings.
 *
 * @example
 * sniffOfacCryptoJson('[\n  "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c"\n]', 'sanctioned_addresses_ARB.json'); // true
 */
export function sniffOfacCryptoJson(head: string, fileName: string): boolean {
  if (!/\.json$/i.test(fileName) || tickerFromFileName(fileName) === undefined) return false;
  return /^\uFEFF?\s*\[\s*("|\])/.test(head);
}

interface Listed {
  ticker: string;
  raw: string;
  file: string;
  line: number;
}

async function readListed(src: SourceFile, ticker: string, onBytes?: (bytes: number) => void): Promise<{ entries: Listed[]; json: boolean }> {
  const base = sourceBaseName(src);
  if (/\.json$/i.test(base)) {
    const text = await readCappedText(src, MAX_JSON_BYTES, onBytes);
    const entries = parseJsonStringArray(text, src.name).map(({ value, line }) => ({ ticker, raw: value, file: src.name, line }));
    return { entries, json: true };
  }
  const entries: Listed[] = [];
  for await (const { line, lineNo } of readLines(src, { maxLineBytes: MAX_LINE_BYTES, onBytes })) {
    if (line.trim() === '') continue;
    entries.push({ ticker, raw: line, file: src.name, line: lineNo });
  }
  return { entries, json: false };
}

interface Wallet {
  first: Listed;
  normalised: NormalisedAddress;
  tickers: string[];
  notes: string[];
}

function describeProblem(entry: Listed, n: NormalisedAddress): string | undefined {
  if (!n.valid) return `${entry.file}:${entry.line}: ${entry.ticker} address "${entry.raw.trim()}" kept as written: ${n.problem}`;
  if (n.warning) return `${entry.file}:${entry.line}: ${entry.ticker} address ${n.address}: ${n.warning}`;
  return undefined;
}

function buildWallet(wallet: Wallet, ids: WalletIds, list: string, sourceUrl: string | undefined): FtmEntity {
  const n = wallet.normalised;
  const builder = new EntityBuilder('CryptoWallet', ids.idFor(n.address), list)
    .add('publicKey', n.valid ? n.address : n.raw.trim())
    .add('currencySymbol', wallet.tickers)
    .add('topics', 'sanction')
    .add('program', OFAC_CRYPTO_PROGRAM)
    .add('notes', wallet.notes);
  builder.target = true;
  builder.provenance = {
    list,
    entryId: n.address,
    programs: [OFAC_CRYPTO_PROGRAM],
    ...(sourceUrl ? { sourceUrl } : {}),
    file: wallet.first.file,
    line: wallet.first.line,
  };
  return builder.build();
}

/**
 * Reads OFAC's per-asset digital-currency address lists (0xB10C's exporter: `.txt` one address per
 * line, `.json` an array of strings; the ticker comes from the file name). Several files may be given
 * at once: each distinct address (by {@link addressKey}) becomes one target CryptoWallet listing every
 * ticker it appears under. Invalid addresses are kept exactly as written, with a warning.
 *
 * @example
 * const list = await parseOfacCrypto([fileSource('sanctioned_addresses_XBT.txt')], {});
 * list.entities[0]?.properties.currencySymbol; // ['XBT']
 */
export const parseOfacCrypto: ListParser = async (files: SourceFile[], options: ParseOptions): Promise<ParsedList> => {
  if (files.length === 0) throw new InputError('ofac-crypto', 'no files given');
  const list = options.list ?? OFAC_CRYPTO_LIST;
  const sorted = [...files].sort((a, b) => sourceBaseName(a).localeCompare(sourceBaseName(b)));
  const wallets = new Map<string, Wallet>();
  const warnings: string[] = [];
  let allJson = true;
  for (const src of sorted) {
    const ticker = tickerFromFileName(sourceBaseName(src));
    if (!ticker) throw new InputError(src.name, 'cannot tell the asset: expected a file named sanctioned_addresses_<TICKER>.txt or .json');
    const { entries, json } = await readListed(src, ticker, options.onBytes);
    allJson &&= json;
    for (const entry of entries) {
      const n = normaliseAddress(entry.raw, { ticker });
      const problem = describeProblem(entry, n);
      if (problem) warnings.push(problem);
      const known = wallets.get(n.address);
      if (known) {
        if (!known.tickers.includes(ticker)) known.tickers.push(ticker);
        if (n.warning) known.notes.push(`address warning: ${n.warning}`);
        continue;
      }
      const notes = [];
      if (!n.valid) notes.push(`address problem: ${n.problem}`);
      if (n.warning) notes.push(`address warning: ${n.warning}`);
      wallets.set(n.address, { first: entry, normalised: n, tickers: [ticker], notes });
    }
  }
  const ids = new WalletIds(list);
  const entities = [...wallets.values()].map((w) => buildWallet(w, ids, list, options.sourceUrl));
  return {
    list,
    format: allJson ? 'ofac-crypto-json' : 'ofac-crypto-txt',
    publishedAt: null,
    sourceUrl: options.sourceUrl ?? null,
    entities,
    warnings,
  };
};
