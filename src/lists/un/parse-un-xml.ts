import { ownValue } from '../../common/own.js';
import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { WarningTally } from '../common/warning-tally.js';
import type { ListParser, ParsedList } from '../types.js';
import { childText } from '../xml/xml-node.js';
import { streamXmlRecords, type XmlLimits } from '../xml/xml-stream.js';
import { mapEntity } from './map-entity.js';
import { mapIndividual } from './map-individual.js';
import type { ListEnvironment } from './un-record.js';

export const UN_DEFAULT_LIST = 'un_sc';
export const UN_DEFAULT_SOURCE_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';

const ROOT = 'CONSOLIDATED_LIST';
const RECORD_MAPPERS: Record<string, { container: string; map: typeof mapIndividual }> = {
  INDIVIDUAL: { container: 'INDIVIDUALS', map: mapIndividual },
  ENTITY: { container: 'ENTITIES', map: mapEntity },
};
/** Records are the children of the root's children: CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL. */
const isRecordPath = (path: readonly string[]): boolean => path.length === 3;
/** The UN parser's wording of a repeated warning. */
const REPEATS_TIMES_FIRST_SHOWN = (count: number): string => ` (${count} times; first shown)`;
const KNOWN_ROOT_ATTRIBUTES = new Set(['dateGenerated', 'xmlns:xsi', 'xsi:noNamespaceSchemaLocation']);

/**
 * Same as {@link parseUnXml}, with the XML safety limits adjustable (tests use small ones).
 *
 * @example
 * await parseUnXmlWithLimits([memorySource('un.xml', xml)], {}, { maxTextChars: 1024 });
 */
export async function parseUnXmlWithLimits(
  files: Parameters<ListParser>[0],
  options: Parameters<ListParser>[1],
  limits?: Partial<XmlLimits>,
): Promise<ParsedList> {
  const [src, ...extra] = files;
  if (!src || extra.length > 0) {
    const names = files.map((f) => f.name).join(', ');
    throw new InputError(names || 'un-xml', `the UN XML format reads exactly one file, got ${files.length}`);
  }
  const warnings = new WarningTally(REPEATS_TIMES_FIRST_SHOWN);
  const env: ListEnvironment = {
    file: src.name,
    dataset: options.list ?? UN_DEFAULT_LIST,
    sourceUrl: options.sourceUrl ?? UN_DEFAULT_SOURCE_URL,
    publishedAt: null,
    warnings,
  };
  const entities: FtmEntity[] = [];
  const dataIds = new Map<string, number>();

  for await (const item of streamXmlRecords(src, { isRecord: isRecordPath, onBytes: options.onBytes, limits })) {
    if (item.kind === 'root') {
      if (item.name !== ROOT) {
        throw new InputError(src.name, `not a UN consolidated list: the root element is <${item.name}>, expected <${ROOT}>`, item.line);
      }
      env.publishedAt = publicationDate(item.attributes.dateGenerated, warnings, item.line);
      for (const attr of Object.keys(item.attributes)) {
        if (!KNOWN_ROOT_ATTRIBUTES.has(attr)) warnings.add(`attribute ${attr} on <${ROOT}> is not mapped`, item.line);
      }
    } else if (item.kind === 'element') {
      const name = item.path[item.path.length - 1];
      if (name !== 'INDIVIDUALS' && name !== 'ENTITIES') warnings.add(`element <${name}> is not mapped; skipped`, item.line);
    } else if (item.kind === 'stray-text') {
      warnings.add(`text "${item.text}" directly inside <${item.path.join('/')}> is not mapped; skipped`, item.line);
    } else {
      const { node, path } = item;
      const mapper = ownValue(RECORD_MAPPERS, node.name);
      if (!mapper || path[1] !== mapper.container) {
        warnings.add(`element <${path.slice(1).join('/')}> is not mapped; skipped`, node.line);
        continue;
      }
      const dataId = childText(node, 'DATAID');
      const firstLine = dataId ? dataIds.get(dataId) : undefined;
      if (dataId && firstLine !== undefined) {
        throw new InputError(src.name, `DATAID ${dataId} occurs twice (first at line ${firstLine})`, node.line, 'DATAID');
      }
      if (dataId) dataIds.set(dataId, node.line);
      entities.push(...mapper.map(env, node));
    }
  }
  if (dataIds.size === 0) warnings.add('the list holds no INDIVIDUAL or ENTITY records', 1);

  return {
    list: env.dataset,
    format: 'un-xml',
    publishedAt: env.publishedAt,
    sourceUrl: env.sourceUrl,
    entities,
    warnings: warnings.list(src.name),
  };
}

/**
 * Reads the UN Security Council Consolidated List XML (`consolidated.xml`): every INDIVIDUAL as a
 * Person and every ENTITY as an Organization (`un-<DATAID>`, target), each with a Sanction
 * (`UN-<UN_LIST_TYPE>` programme, reference number as programId/unscId) and its addresses and
 * identity documents. The root's `dateGenerated` is the publication date. The file is streamed, and
 * hostile or broken XML fails as a whole with an InputError naming the file and line.
 *
 * @example
 * const parsed = await parseUnXml([fileSource('consolidated.xml')], {});
 * parsed.entities.filter((e) => e.target && e.provenance?.programs.includes('UN-DPRK')).length; // 155
 */
export const parseUnXml: ListParser = (files, options) => parseUnXmlWithLimits(files, options);

function publicationDate(raw: string | undefined, warnings: WarningTally, line: number): string | null {
  if (raw === undefined) {
    warnings.add(`<${ROOT}> has no dateGenerated: the publication date is unknown`, line);
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(Date.parse(raw))) {
    warnings.add(`dateGenerated "${raw}" is not an ISO date: the publication date is unknown`, line);
    return null;
  }
  return raw;
}

/**
 * Recognises the UN consolidated list from the start of a file: its root element is
 * CONSOLIDATED_LIST. When the first ~4 KB hold only a prolog, an `.xml` file named like the UN
 * download ("consolidated") is accepted.
 *
 * @example
 * sniffUnXml('<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="…">', 'consolidated.xml'); // true
 * sniffUnXml('<?xml version="1.0"?><sdnList>', 'sdn.xml'); // false
 */
export function sniffUnXml(head: string, fileName: string): boolean {
  const text = head.replace(/^\uFEFF/, '');
  const withoutProlog = text.replace(/<\?[\s\S]*?(?:\?>|$)/g, '').replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const root = /<([A-Za-z_][\w.:-]*)/.exec(withoutProlog)?.[1];
  if (root) return root === ROOT;
  const name = fileName.split(/[?#]/)[0]?.split(/[\\/]/).pop() ?? fileName;
  return /^\s*<[?!]/.test(text) && /consolidated/i.test(name) && /\.xml$/i.test(name);
}
