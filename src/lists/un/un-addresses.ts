import { slugId } from '../../ftm/entity.js';
import { childText, childTexts, isEmptyNode, type XmlNode } from '../xml/xml-node.js';
import type { RecordContext } from './un-record.js';

const ADDRESS_FIELDS = new Set(['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY', 'NOTE']);

/**
 * Maps INDIVIDUAL_ADDRESS / ENTITY_ADDRESS elements to Address entities (`un-<dataid>-addr-<n>`,
 * numbered from 1 over the non-empty ones) referenced from the subject's `addressEntity`; the
 * subject also gets the full address text and the address countries. An address that is only a NOTE
 * ("Located in Syria", or a whole address written as prose) keeps the note as its full text.
 *
 * @example
 * mapAddresses(ctx, childNodes(record, 'ENTITY_ADDRESS'));
 */
export function mapAddresses(ctx: RecordContext, addresses: readonly XmlNode[]): void {
  let n = 0;
  for (const node of addresses) {
    if (isEmptyNode(node)) continue;
    ctx.keepUnmapped(node, ADDRESS_FIELDS, node.name);
    const streets = childTexts(node, 'STREET');
    const cities = childTexts(node, 'CITY');
    const regions = childTexts(node, 'STATE_PROVINCE');
    const postalCodes = childTexts(node, 'ZIP_CODE');
    const countryNames = childTexts(node, 'COUNTRY');
    const note = childText(node, 'NOTE');
    const parts = [...streets, ...cities, ...regions, ...postalCodes, ...countryNames];
    if (parts.length === 0 && !note) continue;

    const full = parts.length > 0 ? parts.join(', ') : (note ?? '');
    const countries = countryNames.map((c) => ctx.country(c, 'address COUNTRY', node.line));
    const address = ctx
      .helper('Address', slugId('un', ctx.dataId, 'addr', ++n))
      .add('full', full)
      .add('street', streets[0])
      .add('street2', streets.slice(1).join(', '))
      .add('city', cities)
      .add('region', regions)
      .add('postalCode', postalCodes)
      .add('country', countries);
    if (parts.length > 0) address.add('remarks', note);
    ctx.subject.add('addressEntity', address.id).add('address', full).add('country', countries);
  }
}
