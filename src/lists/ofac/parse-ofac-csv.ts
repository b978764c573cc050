import type { FtmEntity } from '../../ftm/entity.js';
import type { ListFormat, ListParser, ParseOptions, ParsedList } from '../types.js';
import { buildOfacCsvEntry, ofacSubjectId, ofacTypeSchema } from './csv-entities.js';
import { OfacParseReport } from './csv-report.js';
import {
  ofacRoleFromColumns,
  ofacRoleFromName,
  ofacSetKindFromName,
  readOfacCsvSet,
  type OfacCsvRole,
  type OfacCsvSetKind,
} from './csv-set.js';
import { OfacNameIndex } from './links.js';

export const OFAC_SDN_CSV_URL = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV';
export const OFAC_CONS_CSV_URL = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV';

interface OfacCsvFlavour {
  kind: OfacCsvSetKind;
  format: ListFormat;
  list: string;
  idPrefix: string;
  sourceUrl: string;
}

const SDN: OfacCsvFlavour = { kind: 'sdn', format: 'ofac-csv', list: 'us_ofac_sdn', idPrefix: 'ofac', sourceUrl: OFAC_SDN_CSV_URL };
const CONS: OfacCsvFlavour = {
  kind: 'cons',
  format: 'ofac-cons-csv',
  list: 'us_ofac_cons',
  idPrefix: 'ofac-cons',
  sourceUrl: OFAC_CONS_CSV_URL,
};

/**
 * Reads the OFAC SDN list from its CSV set: `sdn.csv` (required), `alt.csv`, `add.csv`,
 * `sdn_comments.csv` (optional, matched by name or field count). Entity ids are `ofac-<ent_num>`.
 * `publishedAt` comes from a YYYY-MM-DD date in the primary file's name when there is one: the CSV
 * itself carries no publication date.
 *
 * @example
 * const list = await parseOfacSdnCsv([fileSource('sdn.csv'), fileSource('alt.csv')], {});
 */
export const parseOfacSdnCsv: ListParser = (files, options) => parseOfacCsv(files, options, SDN);

/**
 * Reads the OFAC Consolidated (non-SDN) list from `cons_prim.csv` (required), `cons_alt.csv`,
 * `cons_add.csv`, `cons_comments.csv`. Entity ids are `ofac-cons-<ent_num>`.
 *
 * @example
 * const list = await parseOfacConsCsv([fileSource('cons_prim.csv')], {});
 */
export const parseOfacConsCsv: ListParser = (files, options) => parseOfacCsv(files, options, CONS);

async function parseOfacCsv(files: Parameters<ListParser>[0], options: ParseOptions, flavour: OfacCsvFlavour): Promise<ParsedList> {
  const set = await readOfacCsvSet(files, { onBytes: options.onBytes });
  const list = options.list ?? flavour.list;
  const sourceUrl = options.sourceUrl ?? flavour.sourceUrl;
  const warnings = [...set.warnings];
  if (set.kind && set.kind !== flavour.kind) {
    warnings.push(`the file names say this is the ${set.kind === 'cons' ? 'Consolidated' : 'SDN'} list; read as ${flavour.format}`);
  }

  const names = new OfacNameIndex();
  for (const { primary } of set.entries) {
    const schema = ofacTypeSchema(primary.type);
    names.add(primary.name, {
      id: ofacSubjectId(flavour.idPrefix, primary.entNum),
      legalEntity: schema !== 'Vessel' && schema !== 'Airplane',
    }, primary.programs);
  }
  const report = new OfacParseReport();
  const ctx = { list, idPrefix: flavour.idPrefix, sourceUrl, names, report, publishedAt: set.primaryDate ?? undefined };
  const entities: FtmEntity[] = [];
  const ids = new Set<string>();
  for (const entry of set.entries) {
    for (const entity of buildOfacCsvEntry(entry, ctx)) {
      if (ids.has(entity.id)) throw new Error(`OFAC CSV parser built two entities with id ${entity.id}`);
      ids.add(entity.id);
      entities.push(entity);
    }
  }
  warnings.push(...report.warnings());
  return { list, format: flavour.format, publishedAt: set.primaryDate, sourceUrl, entities, warnings };
}

/**
 * Recognises a file of an OFAC CSV set from its first bytes and name and says which role it plays,
 * or null. The first record must start with a numeric `ent_num` and have the role's field count;
 * a file whose name does not say what it is must also show OFAC's `-0-` null marker.
 *
 * @example
 * sniffOfacCsv('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', 'sdn.csv'); // 'primary'
 */
export function sniffOfacCsv(head: string, fileName: string): OfacCsvRole | null {
  const text = head.replace(/^\uFEFF/, '');
  if (!/^\d+,/.test(text)) return null;
  const newline = text.indexOf('\n');
  const fields = newline === -1 ? null : countFields(text.slice(0, newline).replace(/\r$/, ''));
  const byColumns = fields === null ? null : ofacRoleFromColumns(fields);
  const byName = ofacRoleFromName(fileName);
  if (byName) return byColumns === null || byColumns === byName ? byName : null;
  return byColumns && /-0-/.test(text) ? byColumns : null;
}

/**
 * True for a file of the SDN CSV set (any name not starting with `cons_`).
 *
 * @example
 * sniffOfacSdnCsv(head, 'alt.csv');
 */
export function sniffOfacSdnCsv(head: string, fileName: string): boolean {
  return sniffOfacCsv(head, fileName) !== null && ofacSetKindFromName(fileName) !== 'cons';
}

/**
 * True for a file of the Consolidated CSV set (`cons_prim.csv`, `cons_alt.csv` …).
 *
 * @example
 * sniffOfacConsCsv(head, 'cons_prim.csv');
 */
export function sniffOfacConsCsv(head: string, fileName: string): boolean {
  return sniffOfacCsv(head, fileName) !== null && ofacSetKindFromName(fileName) === 'cons';
}

/** Fields in one CSV line, honouring double quotes; null for a line that ends inside quotes. */
function countFields(line: string): number | null {
  let fields = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) fields++;
  }
  return quoted ? null : fields;
}
