/**
 * Loads the public list files kept beside the checkout (`../shared/data/lists`) with the list
 * parsers, for the validation generator, the recall test and the benchmark.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FtmEntity } from '../../ftm/entity.js';
import { parseOfacConsCsv, parseOfacSdnCsv } from '../../lists/ofac/parse-ofac-csv.js';
import { fileSource } from '../../lists/source.js';
import type { ParsedList } from '../../lists/types.js';
import { parseUnXml } from '../../lists/un/parse-un-xml.js';

export const UN_XML_FILE = 'un/UN_consolidated_2026-02-27.xml';

export interface SharedLists {
  un: ParsedList;
  sdn?: ParsedList;
  cons?: ParsedList;
  /** Every entity of the lists loaded. */
  entities: FtmEntity[];
}

function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Parses the UN XML and, unless `unOnly`, the OFAC SDN and consolidated CSV sets.
 *
 * @example
 * const { entities } = await loadSharedLists('/path/to/shared/data/lists');
 */
export async function loadSharedLists(listsDir: string, unOnly = false): Promise<SharedLists> {
  const un = await parseUnXml([fileSource(join(listsDir, UN_XML_FILE))], {});
  if (unOnly) return { un, entities: un.entities };
  const sdn = await parseOfacSdnCsv(filesIn(join(listsDir, 'ofac-sdn')).map((p) => fileSource(p)), {});
  const cons = await parseOfacConsCsv(filesIn(join(listsDir, 'ofac-consolidated')).map((p) => fileSource(p)), {});
  return { un, sdn, cons, entities: [...un.entities, ...sdn.entities, ...cons.entities] };
}
