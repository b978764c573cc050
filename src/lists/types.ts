import type { FtmEntity } from '../ftm/entity.js';
import type { SourceFile } from './source.js';

/** Every list format we can read. `lists load --format` takes these names. */
export const LIST_FORMATS = [
  'un-xml',
  'ofac-csv',
  'ofac-cons-csv',
  'ofac-xml',
  'ofac-advanced-xml',
  'ftm-jsonl',
  'ofac-crypto-txt',
  'ofac-crypto-json',
  'address-csv',
  'tagpack-yaml',
] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface ParseOptions {
  /** Our list name to tag entities with (dataset and provenance). Each format has a default. */
  list?: string;
  /** Official URL the files were fetched from, recorded in provenance. */
  sourceUrl?: string;
  /** Called with bytes read so far, for progress bars. */
  onBytes?: (bytes: number) => void;
}

/** What a parser returns: every entity of the list or an error, never a partial result. */
export interface ParsedList {
  list: string;
  format: ListFormat;
  /** Publication date stated by the source itself (UN dateGenerated, OFAC Publish_Date), ISO-8601. */
  publishedAt: string | null;
  sourceUrl: string | null;
  entities: FtmEntity[];
  /** Things in the data we read but could not map; shown to the user, never silently dropped. */
  warnings: string[];
}

/**
 * A parser reads one list from its files. Multi-file formats (the OFAC CSV sets) receive all of their
 * files; single-file formats receive exactly one.
 */
export type ListParser = (files: SourceFile[], options: ParseOptions) => Promise<ParsedList>;
