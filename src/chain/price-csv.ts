import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';
import type { PriceRow } from '../store/transfer-store.js';
import { CHAINS, requireChain } from './chains.js';
import { readCsvRecords } from './csv-records.js';
import { FieldReader, columnIndexes } from './file-fields.js';
import { NATIVE_ASSET } from './transfer.js';
import { parseUnits } from './units.js';

/**
 * Reads a daily USD price CSV: header `date,chain,asset,usd`; `date` YYYY-MM-DD (UTC day), `asset` `native` or
 * a token contract address, `usd` a decimal price of one whole unit. Every row is checked; a bad row is an
 * InputError naming the line, and nothing of the file is used.
 *
 * @example
 * const rows = await readPriceCsv(fileSource('prices.csv')); // [{ chain: 'ethereum', asset: 'native', day: '2025-02-21', usd: '2756.41' }]
 */
export async function readPriceCsv(src: SourceFile): Promise<PriceRow[]> {
  const f: FieldReader = new FieldReader(src.name);
  const rows: PriceRow[] = [];
  let ix: Record<'date' | 'chain' | 'asset' | 'usd', number> | undefined;
  let width = 0;
  for await (const chunk of readCsvRecords(src)) {
    for (let i = 0; i < chunk.records.length; i++) {
      const r = chunk.records[i]!;
      f.line = chunk.lines[i]!;
      if (!ix) {
        ix = columnIndexes(src.name, r, ['date', 'chain', 'asset', 'usd']);
        width = r.length;
        continue;
      }
      if (r.length !== width) throw new InputError(src.name, `expected ${width} columns as in the header, found ${r.length}`, f.line);
      const day = (r[ix.date] ?? '').trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
        f.fail('date', `expected a YYYY-MM-DD date, got "${day}"`);
      }
      const chain = requireChain(r[ix.chain] ?? '', src.name, f.line, 'chain');
      const assetText = (r[ix.asset] ?? '').trim().toLowerCase();
      const asset = assetText === NATIVE_ASSET ? NATIVE_ASSET : CHAINS[chain].family === 'evm' ? f.address('asset', assetText) : f.fail('asset', `only "native" is priced on ${chain}`);
      const usd = (r[ix.usd] ?? '').trim();
      const parsed = parseUnits(usd, 12);
      if (!('value' in parsed)) f.fail('usd', parsed.error);
      rows.push({ chain, asset, day, usd });
    }
  }
  if (!ix) throw new InputError(src.name, 'the file is empty: no header row', 1);
  return rows;
}
