import type { Node } from 'yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import { normaliseAddress } from '../../addresses/index.js';
import { ownValue } from '../../common/own.js';
import { InputError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { EntityBuilder } from '../../ftm/entity.js';
import type { SourceFile } from '../source.js';
import { sourceBaseName } from '../source.js';
import type { ListParser, ParseOptions, ParsedList } from '../types.js';
import { readCappedText } from './read-capped.js';
import { isTargetTag, TAGPACK_CONFIDENCE, topicForAbuse } from './tagpack-taxonomy.js';
import { WalletIds } from './wallet-ids.js';

const MAX_TAGPACK_BYTES = 32 * 1024 * 1024;
/** Real TagPacks use no YAML aliases; a few are tolerated, an alias bomb is refused. */
const MAX_ALIAS_COUNT = 20;
const HEADER_ONLY = new Set(['title', 'creator', 'description', 'owner', 'is_public', 'tags']);
/** Tag fields written to `notes` as `key: value`, in this order, for the tracing engine to read back. */
const NOTE_FIELDS = ['category', 'abuse', 'confidence', 'actor', 'is_cluster_definer', 'currency', 'network', 'tag_type', 'lastmod', 'source', 'context'];
const MAPPED_FIELDS = new Set([...NOTE_FIELDS, 'address', 'label', 'concepts', 'tx_hash']);

type TagValue = string | string[];
type TagFields = Record<string, TagValue>;

/**
 * List name for a TagPack file: `tagpack_` + the pack name (`exchange-wallets-okx.yaml` →
 * `tagpack_exchange_wallets_okx`).
 *
 * @example
 * tagpackListName('packs/lazarus.yaml'); // 'tagpack_lazarus'
 */
export function tagpackListName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.ya?ml$/i, '');
  return `tagpack_${base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')}`;
}

/**
 * Recognises a GraphSense TagPack: a `.yaml` file with a top-level `tags:` list, or a header with
 * `title:`/`creator:` followed by tags with addresses.
 *
 * @example
 * sniffTagpack('title: OFAC\ncreator: x\ntags:\n- address: 1abc\n', 'ofac.yaml'); // true
 */
export function sniffTagpack(head: string, fileName: string): boolean {
  if (!/\.ya?ml$/i.test(fileName)) return false;
  if (/^tags:\s*$/m.test(head)) return true;
  return /^(title|creator):/m.test(head) && /^\s*-?\s*address:/m.test(head);
}

function lineOf(node: Node | null | undefined, counter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/**
 * Plain values of a YAML map: scalars as strings, lists of scalars as string arrays. Built with
 * Object.fromEntries so that a field called `__proto__` stays a field (kept in the notes like any
 * unknown one) instead of replacing the object's prototype.
 */
function fieldsOf(value: unknown, file: string, line: number | undefined, what: string): TagFields {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(file, `${what} must be a mapping of fields`, line);
  const out: [string, TagValue][] = [];
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'tags') continue;
    if (typeof v === 'string') out.push([key, v.trim()]);
    else if (v === null || v === undefined) continue;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out.push([key, v.map((x) => x.trim())]);
    else throw new InputError(file, `field "${key}" must be text or a list of text`, line, key);
  }
  return Object.fromEntries(out);
}

function text(fields: TagFields, key: string): string | undefined {
  const v = fields[key];
  if (v === undefined) return undefined;
  const s = Array.isArray(v) ? v.join(', ') : v;
  return s === '' ? undefined : s;
}

function firstAliasLine(doc: ReturnType<typeof parseDocument>, counter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      line = lineOf(node, counter);
      return visit.BREAK;
    },
  });
  return line;
}

function parseYaml(source: string, file: string): { tags: { fields: TagFields; line: number }[]; header: TagFields } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { schema: 'failsafe', lineCounter, uniqueKeys: true, strict: true, prettyErrors: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const detail = (problem.message.split('\n')[0] ?? problem.message).replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(file, `not a valid TagPack YAML: ${detail}`, problem.linePos?.[0]?.line);
  }
  const root = doc.contents;
  if (!isMap(root)) throw new InputError(file, 'a TagPack must be a YAML mapping with a tags: list', lineOf(root, lineCounter) ?? 1);
  const tagsNode = root.get('tags', true);
  if (!isSeq(tagsNode)) throw new InputError(file, 'a TagPack needs a tags: list', lineOf(tagsNode as Node | undefined, lineCounter) ?? 1, 'tags');
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new InputError(file, `YAML refused: ${(err as Error).message} (more than ${MAX_ALIAS_COUNT} alias expansions)`, firstAliasLine(doc, lineCounter));
  }
  const header = fieldsOf(data, file, 1, 'the TagPack header');
  const rawTags = (data as { tags: unknown[] }).tags;
  const tags = tagsNode.items.map((node, i) => {
    const line = lineOf(node as Node, lineCounter) ?? 1;
    if (isScalar(node)) throw new InputError(file, `tag ${i + 1} must be a mapping of fields`, line);
    return { fields: fieldsOf(rawTags[i], file, line, `tag ${i + 1}`), line };
  });
  return { tags, header };
}

interface TagContext {
  file: string;
  list: string;
  ids: WalletIds;
  occurrences: Map<string, number>;
  warnings: string[];
  title?: string;
  creator?: string;
}

function buildWallet(fields: TagFields, line: number, ctx: TagContext): FtmEntity | undefined {
  const address = text(fields, 'address');
  if (!address) {
    if (text(fields, 'tx_hash')) {
      ctx.warnings.push(`${ctx.file}:${line}: tag for transaction ${text(fields, 'tx_hash')} has no address; not a wallet, not loaded`);
      return undefined;
    }
    throw new InputError(ctx.file, 'tag has no address', line, 'address');
  }
  const label = text(fields, 'label');
  if (!label) throw new InputError(ctx.file, 'tag has no label (and the header sets none)', line, 'label');
  const currency = text(fields, 'currency')?.toUpperCase();
  if (!currency) throw new InputError(ctx.file, 'tag has no currency (and the header sets none)', line, 'currency');
  const network = text(fields, 'network')?.toUpperCase() ?? currency;
  const n = normaliseAddress(address, { ticker: network });
  if (!n.valid) ctx.warnings.push(`${ctx.file}:${line}: ${currency} address "${address}" kept as written: ${n.problem}`);
  else if (n.warning) ctx.warnings.push(`${ctx.file}:${line}: ${currency} address ${n.address}: ${n.warning}`);
  const category = text(fields, 'category');
  const abuse = text(fields, 'abuse');
  const confidence = text(fields, 'confidence');
  const source = text(fields, 'source');
  const concepts = fields.concepts === undefined ? [] : ([] as string[]).concat(fields.concepts);

  // One wallet per tag: a pack may tag one address several times (one tag per token, per source).
  const seen = (ctx.occurrences.get(`${network}:${n.address}`) ?? 0) + 1;
  ctx.occurrences.set(`${network}:${n.address}`, seen);
  const id = seen === 1 ? ctx.ids.idFor(network, n.address) : ctx.ids.idFor(network, n.address, String(seen));
  const builder = new EntityBuilder('CryptoWallet', id, ctx.list)
    .add('publicKey', n.valid ? n.address : address)
    .add('currencySymbol', currency)
    .add('name', label)
    .add('keywords', [category, abuse, ...concepts])
    .add('sourceUrl', source)
    .add('modifiedAt', text(fields, 'lastmod'));
  const topic = abuse ? topicForAbuse(abuse) : undefined;
  const target = isTargetTag({ abuse, confidence });
  builder.add('topics', [topic, target ? 'sanction' : undefined]);
  for (const key of NOTE_FIELDS) {
    const value = key === 'network' ? network : text(fields, key);
    if (value !== undefined) builder.add('notes', `${key}: ${value}`);
  }
  const confidenceLevel = confidence ? ownValue(TAGPACK_CONFIDENCE, confidence) : undefined;
  if (confidenceLevel !== undefined) builder.add('notes', `confidence_level: ${confidenceLevel}`);
  else if (confidence) ctx.warnings.push(`${ctx.file}:${line}: unknown confidence "${confidence}"`);
  for (const [key, value] of Object.entries(fields)) {
    if (!MAPPED_FIELDS.has(key) && !HEADER_ONLY.has(key)) builder.add('notes', `${key}: ${Array.isArray(value) ? value.join(', ') : value}`);
  }
  if (ctx.title) builder.add('notes', `tagpack: ${ctx.title}`);
  if (ctx.creator) builder.add('notes', `creator: ${ctx.creator}`);
  if (!n.valid) builder.add('notes', `address problem: ${n.problem}`);
  if (n.warning) builder.add('notes', `address warning: ${n.warning}`);
  builder.target = target;
  builder.provenance = {
    list: ctx.list,
    entryId: `${network}:${n.address}`,
    programs: [],
    ...(source ? { sourceUrl: source } : {}),
    file: ctx.file,
    line,
  };
  return builder.build();
}

/**
 * Reads a GraphSense TagPack (YAML): header fields are inherited by every tag; one CryptoWallet per
 * tag with the address normalised for its currency/network (network defaults to the currency),
 * `name` = label, category/abuse/concepts in `keywords`, and the TagPack fields in `notes` as
 * `key: value` lines (category, abuse, confidence, confidence_level, actor, is_cluster_definer, …).
 * YAML is read with the failsafe schema (no custom tags, no type coercion) and a small alias limit.
 *
 * @example
 * const pack = await parseTagpack([fileSource('lazarus.yaml')], {});
 * pack.list; // 'tagpack_lazarus'
 */
export const parseTagpack: ListParser = async (files: SourceFile[], options: ParseOptions): Promise<ParsedList> => {
  const [src, ...extra] = files;
  if (!src || extra.length > 0) throw new InputError(files[1]?.name ?? 'tagpack', 'tagpack-yaml reads exactly one file');
  const list = options.list ?? tagpackListName(sourceBaseName(src));
  const { tags, header } = parseYaml(await readCappedText(src, MAX_TAGPACK_BYTES, options.onBytes), src.name);
  const ctx: TagContext = {
    file: src.name,
    list,
    ids: new WalletIds(list),
    occurrences: new Map(),
    warnings: [],
    ...(text(header, 'title') ? { title: text(header, 'title') } : {}),
    ...(text(header, 'creator') ? { creator: text(header, 'creator') } : {}),
  };
  const inherited = Object.fromEntries(Object.entries(header).filter(([k]) => !HEADER_ONLY.has(k)));
  const entities: FtmEntity[] = [];
  let withoutConfidence = 0;
  for (const tag of tags) {
    const fields = { ...inherited, ...tag.fields };
    if (!text(fields, 'confidence')) withoutConfidence++;
    const wallet = buildWallet(fields, tag.line, ctx);
    if (wallet) entities.push(wallet);
  }
  if (withoutConfidence > 0) ctx.warnings.push(`${src.name}: ${withoutConfidence} of ${tags.length} tags set no confidence`);
  const lastmod = text(header, 'lastmod');
  return {
    list,
    format: 'tagpack-yaml',
    publishedAt: lastmod ?? null,
    sourceUrl: options.sourceUrl ?? null,
    entities,
    warnings: ctx.warnings,
  };
};
