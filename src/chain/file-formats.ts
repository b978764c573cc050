import { ownValue } from '../common/own.js';
import { isGenericHeader } from './generic-transfers-csv.js';
import { ethEtlKindOfColumns, type EthEtlKind } from './ethereum-etl-files.js';

/** Every chain export format `counterflow ingest files` reads. */
export const CHAIN_FILE_FORMATS = ['ethereum-etl-csv', 'ethereum-etl-json', 'bitcoin-etl-json', 'cryo-parquet', 'generic-csv'] as const;
export type ChainFileFormat = (typeof CHAIN_FILE_FORMATS)[number];

/** The phvaz Bybit trace CSV: recognised only to point at the converter. */
export const PHVAZ_HEADER = 'hash,timestamp_utc,to,amount,asset,symbol_non_ascii,kind,contract,block,is_error';

function firstLine(head: string): string {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const nl = text.indexOf('\n');
  return (nl === -1 ? text : text.slice(0, nl)).replace(/\r$/, '');
}

/** cryo (and any) parquet: the PAR1 magic. @example sniffCryoParquet('PAR1…', 'x.parquet') // true */
export function sniffCryoParquet(head: string, _fileName: string): boolean {
  return head.startsWith('PAR1');
}

/** The generic transfers CSV: its ten documented columns in the header. */
export function sniffGenericTransfersCsv(head: string, _fileName: string): boolean {
  return isGenericHeader(firstLine(head).split(','));
}

/** An ethereum-etl CSV: a header of one of its outputs. @example sniffEthereumEtlCsv('token_address,from_address,…', 't.csv') */
export function sniffEthereumEtlCsv(head: string, _fileName: string): boolean {
  const line = firstLine(head);
  return !line.startsWith('{') && ethEtlKindOfColumns(line.split(',')) !== undefined;
}

/** bitcoin-etl JSON lines: keys only bitcoin-etl writes. */
export function sniffBitcoinEtlJson(head: string, _fileName: string): boolean {
  return head.trimStart().startsWith('{') && /"(is_coinbase|spent_transaction_hash|merkle_root|coinbase_param)"/.test(head);
}

/** ethereum-etl JSON lines (export or stream output). */
export function sniffEthereumEtlJson(head: string, _fileName: string): boolean {
  return (
    head.trimStart().startsWith('{') &&
    !sniffBitcoinEtlJson(head, _fileName) &&
    (/"(transaction_index|log_index|parent_hash|token_address|trace_address|cumulative_gas_used|transaction_hash)"/.test(head) ||
      /^\s*\{\s*"type":\s*"(block|transaction|log|token_transfer|trace|receipt|contract|token)"/.test(head))
  );
}

/**
 * The format of a chain export from its first bytes (about 4 KB, as latin1 text) and its name.
 *
 * @example
 * detectChainFileFormat('number,hash,parent_hash,…', 'blocks.csv') // 'ethereum-etl-csv'
 */
export function detectChainFileFormat(head: string, fileName: string): ChainFileFormat | undefined {
  if (sniffCryoParquet(head, fileName)) return 'cryo-parquet';
  if (sniffGenericTransfersCsv(head, fileName)) return 'generic-csv';
  if (sniffEthereumEtlCsv(head, fileName)) return 'ethereum-etl-csv';
  if (sniffBitcoinEtlJson(head, fileName)) return 'bitcoin-etl-json';
  if (sniffEthereumEtlJson(head, fileName)) return 'ethereum-etl-json';
  return undefined;
}

/** The ethereum-etl output a file most likely holds, from its head, to apply files in a useful order. */
export function guessEthEtlKind(head: string): EthEtlKind | undefined {
  const line = firstLine(head);
  if (!line.startsWith('{')) return ethEtlKindOfColumns(line.split(','));
  const type = /"type":\s*"(\w+)"/.exec(line)?.[1];
  const byType: Record<string, EthEtlKind> = { block: 'blocks', transaction: 'transactions', receipt: 'receipts', trace: 'traces', log: 'logs', token_transfer: 'token_transfers', token: 'tokens', contract: 'contracts' };
  const kind = type ? ownValue(byType, type) : undefined;
  if (kind) return kind;
  const keys = [...line.matchAll(/"(\w+)":/g)].map((m) => m[1]!);
  return ethEtlKindOfColumns(keys);
}
