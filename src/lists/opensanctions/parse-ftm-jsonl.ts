import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import type { SourceFile } from '../source.js';
import { readLines, sourceBaseName } from '../source.js';
import type { ListParser, ParseOptions, ParsedList } from '../types.js';
import { readFtmEntity } from './ftm-entity-json.js';

/** One entity per line; OpenSanctions' largest entities are far below this. */
export const MAX_FTM_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Recognises FtM JSON lines: the first non-empty line is a JSON object with `id`, `schema` and
 * `properties` (the head may end inside that line, so this looks at keys, not at a complete parse).
 *
 * @example
 * sniffFtmJsonl('{"id":"NK-1","schema":"Person","properties":{"name":["A"]}}\n', 'entities.ftm.json'); // true
 */
export function sniffFtmJsonl(head: string, _fileName: string): boolean {
  const first = head.replace(/^\uFEFF/, '').split('\n').find((l) => l.trim() !== '');
  if (!first || !/^\s*\{/.test(first)) return false;
  return /"id"\s*:\s*"/.test(first) && /"schema"\s*:\s*"/.test(first) && /"properties"\s*:\s*\{/.test(first);
}

function fallbackListName(src: SourceFile): string {
  const base = sourceBaseName(src).replace(/(\.ftm)?\.jsonl?$/i, '');
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'ftm';
}

interface Kept {
  entity: FtmEntity;
  nested: boolean;
}

/**
 * Reads OpenSanctions `entities.ftm.json` (FollowTheMoney JSON lines), streaming line by line with a
 * 16 MiB line limit. Each line is validated (see {@link readFtmEntity}); nested entity objects become
 * entities of their own. `datasets`, `referents`, `target` and the first/last seen dates are kept;
 * provenance records the id, the programmes (`programId`, else `program`), file and line. The list
 * name is the `list` option, else the first entity's first dataset, else the file name.
 *
 * @example
 * const list = await parseFtmJsonl([fileSource('entities.ftm.json')], {});
 * list.entities.length;
 */
export const parseFtmJsonl: ListParser = async (files: SourceFile[], options: ParseOptions): Promise<ParsedList> => {
  const [src, ...extra] = files;
  if (!src || extra.length > 0) throw new InputError(files[1]?.name ?? 'ftm-jsonl', 'ftm-jsonl reads exactly one file');
  let list = options.list;
  const byId = new Map<string, Kept>();
  const warnings: string[] = [];
  const unknownFields = new Map<string, number>();
  for await (const { line, lineNo } of readLines(src, { maxLineBytes: MAX_FTM_LINE_BYTES, onBytes: options.onBytes })) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line);
    } catch (err) {
      throw new InputError(src.name, `not a valid JSON line: ${(err as Error).message}`, lineNo);
    }
    if (list === undefined) {
      const datasets = (raw as { datasets?: unknown } | null)?.datasets;
      const first = Array.isArray(datasets) ? datasets[0] : undefined;
      list = typeof first === 'string' && first !== '' ? first : fallbackListName(src);
    }
    const where = { file: src.name, line: lineNo, ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}) };
    const read = readFtmEntity(raw, where, list);
    for (const field of read.unknownFields) if (!unknownFields.has(field)) unknownFields.set(field, lineNo);
    for (const { entity, nested } of read.entities) {
      const known = byId.get(entity.id);
      if (!known) byId.set(entity.id, { entity, nested });
      else if (known.nested && !nested) byId.set(entity.id, { entity, nested });
      else if (!known.nested && !nested) {
        warnings.push(`${src.name}:${lineNo}: entity ${entity.id} repeats line ${known.entity.provenance?.line}; the first is kept`);
      }
    }
  }
  for (const [field, lineNo] of unknownFields) warnings.push(`${src.name}:${lineNo}: field "${field}" is not part of the FtM entity format; ignored`);
  return {
    list: list ?? fallbackListName(src),
    format: 'ftm-jsonl',
    publishedAt: null,
    sourceUrl: options.sourceUrl ?? null,
    entities: [...byId.values()].map((k) => k.entity),
    warnings,
  };
};
