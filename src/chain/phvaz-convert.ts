import { InputError } from '../errors.js';
import type { SourceFile } from '../lists/source.js';
import { readCsvRecords } from './csv-records.js';
import { FieldReader, columnIndexes } from './file-fields.js';
import { GENERIC_COLUMNS } from './generic-transfers-csv.js';
import { allowedToken } from './token-allowlist.js';

/** The generic CSV columns the converter writes (the ten required ones, then kind, success, decimals). */
export const PHVAZ_OUTPUT_COLUMNS = [...GENERIC_COLUMNS, 'kind', 'success', 'decimals'] as const;

export interface PhvazConversion {
  /** The generic transfers CSV text. */
  csv: string;
  rows: number;
  /** What the converter had to decide or could not carry over. */
  notes: string[];
}

/**
 * Converts a phvaz/blockchain-fund-tracing-investigation trace CSV (Etherscan-export style: `hash,
 * timestamp_utc,to,amount,asset,symbol_non_ascii,kind,contract,block,is_error,chain_id,…`, all rows sent by
 * one address that the file does not name) into the generic transfers CSV. The sender must be given.
 * Token rows carry no log index in that data, so they get positions 1, 2, … per transaction in file order.
 *
 * @example
 * const { csv } = await convertPhvazCsv(fileSource('hop1.csv'), { from: '0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2' });
 */
export async function convertPhvazCsv(src: SourceFile, options: { from: string; unknownTokenDecimals?: number }): Promise<PhvazConversion> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(options.from)) throw new InputError('--from', `not an Ethereum address: "${options.from}"`);
  const from = options.from.toLowerCase();
  const f: FieldReader = new FieldReader(src.name);
  const out: string[] = [PHVAZ_OUTPUT_COLUMNS.join(',')];
  const nextPosition = new Map<string, number>();
  const notes = new Map<string, number>();
  const note = (text: string) => notes.set(text, (notes.get(text) ?? 0) + 1);
  let ix: ReturnType<typeof columnIndexes<'hash' | 'timestamp_utc' | 'to' | 'amount' | 'kind' | 'contract' | 'block' | 'is_error' | 'chain_id', 'symbol_non_ascii' | 'asset'>> | undefined;
  let width = 0;
  for await (const chunk of readCsvRecords(src)) {
    for (let i = 0; i < chunk.records.length; i++) {
      const r = chunk.records[i]!;
      f.line = chunk.lines[i]!;
      if (!ix) {
        ix = columnIndexes(src.name, r, ['hash', 'timestamp_utc', 'to', 'amount', 'kind', 'contract', 'block', 'is_error', 'chain_id'], ['symbol_non_ascii', 'asset']);
        width = r.length;
        continue;
      }
      if (r.length !== width) throw new InputError(src.name, `expected ${width} columns as in the header, found ${r.length}`, f.line);
      if ((r[ix.chain_id] ?? '').trim() !== '1') f.fail('chain_id', `only Ethereum mainnet (chain_id 1) is converted, got "${r[ix.chain_id]}"`);
      const hash = f.hash('hash', r[ix.hash]);
      const block = f.int('block', r[ix.block]);
      const time = (r[ix.timestamp_utc] ?? '').trim();
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(time)) f.fail('timestamp_utc', `expected "YYYY-MM-DD HH:MM:SS" (UTC), got "${time}"`);
      const to = f.address('to', r[ix.to]);
      const amount = (r[ix.amount] ?? '').trim();
      const isError = f.optionalBool('is_error', r[ix.is_error]);
      const kind = (r[ix.kind] ?? '').trim();
      if (ix.symbol_non_ascii !== undefined && (r[ix.symbol_non_ascii] ?? '').trim() === 'yes') note('rows whose token symbol has non-ASCII look-alike letters (symbols are not carried over; tokens are judged by contract address)');
      let asset: string;
      let position: number;
      let decimals = '';
      if (kind === 'native') {
        asset = 'native';
        position = 0;
        if (nextPosition.has(`${hash}:native`)) f.fail('hash', 'a second native row for the same transaction');
        nextPosition.set(`${hash}:native`, 0);
      } else if (kind === 'token') {
        asset = f.address('contract', r[ix.contract]);
        position = (nextPosition.get(hash) ?? 0) + 1;
        nextPosition.set(hash, position);
        const listed = allowedToken('ethereum', asset);
        if (listed) decimals = String(listed.decimals);
        else if (options.unknownTokenDecimals !== undefined) {
          decimals = String(options.unknownTokenDecimals);
          note(`rows of tokens not on the allowlist given ${options.unknownTokenDecimals} decimals by --unknown-token-decimals`);
        } else note('rows of tokens not on the allowlist left without decimals (the import will refuse them; pass --unknown-token-decimals)');
      } else {
        return f.fail('kind', `expected native or token, got "${kind}"`);
      }
      out.push(
        [
          'ethereum',
          hash,
          block,
          `${time.replace(' ', 'T')}Z`,
          '',
          position,
          from,
          to,
          asset,
          amount,
          kind,
          isError === null ? '' : isError ? '0' : '1',
          decimals,
        ].join(','),
      );
    }
  }
  if (!ix) throw new InputError(src.name, 'the file is empty: no header row', 1);
  return { csv: `${out.join('\n')}\n`, rows: out.length - 1, notes: [...notes].map(([t, n]) => `${n} × ${t}`) };
}
