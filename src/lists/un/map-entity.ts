import type { FtmEntity } from '../../ftm/entity.js';
import { childNodes, childTexts, type XmlNode } from '../xml/xml-node.js';
import { mapAddresses } from './un-addresses.js';
import { mapAliases } from './un-aliases.js';
import { COMMON_FIELDS, RecordContext, recordName, type ListEnvironment } from './un-record.js';

const ENTITY_FIELDS = new Set([...COMMON_FIELDS, 'ENTITY_ALIAS', 'ENTITY_ADDRESS']);

/**
 * Maps one ENTITY to an Organization (target) with its Sanction and Address entities. UN entities
 * range from companies and banks to ministries, army units and armed groups, and the list does not
 * say which, so Organization (not Company or LegalEntity) is the honest schema.
 *
 * @example
 * const entities = mapEntity(env, entityNode);
 * entities[0]?.properties.name; // ['KOREA MINING DEVELOPMENT TRADING CORPORATION']
 */
export function mapEntity(env: ListEnvironment, node: XmlNode): FtmEntity[] {
  const ctx = new RecordContext(env, node, 'Organization');
  ctx.keepUnmapped(node, ENTITY_FIELDS, 'ENTITY');
  ctx.subject
    .add('name', recordName(ctx))
    .add('alias', childTexts(node, 'NAME_ORIGINAL_SCRIPT'))
    .add('topics', 'sanction');
  mapAliases(ctx, childNodes(node, 'ENTITY_ALIAS'));
  mapAddresses(ctx, childNodes(node, 'ENTITY_ADDRESS'));
  return ctx.finish();
}
