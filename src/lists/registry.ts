import type { ListFormat, ListParser } from './types.js';

/**
 * How one format is recognised and read. `groupKey` joins files that form one list together (the four
 * OFAC CSV files of a set; the per-asset OFAC crypto files); files without one are loaded on their own.
 */
export interface FormatSpec {
  format: ListFormat;
  parser: ListParser;
  /** Looks at the first bytes of a file (decoded as text) and its name. */
  sniff(head: string, fileName: string): boolean;
  groupKey?: string;
}

export type FormatRegistry = readonly FormatSpec[];
