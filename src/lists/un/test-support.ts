import type { FtmEntity } from '../../ftm/entity.js';
import { memorySource } from '../source.js';
import type { ParsedList } from '../types.js';
import { parseUnXml } from './parse-un-xml.js';

export { byId } from '../common/test-support/list-assertions.js';

/** Helpers for the UN parser's tests: hand-written list documents and lookups in the result. */

export const UN_DATE_GENERATED = '2026-02-27T00:00:09.554Z';

/**
 * Escapes text for an XML text node.
 *
 * @example
 * xmlEscape('A & B'); // 'A &amp; B'
 */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A whole consolidated-list document around the given INDIVIDUAL and ENTITY elements.
 *
 * @example
 * unDocument([individual('1', 'KPi.001')], [entity('2', 'KPe.001', 'KOMID')]);
 */
export function unDocument(individuals: string[] = [], entities: string[] = [], rootAttributes?: string): string {
  const attrs = rootAttributes ?? `dateGenerated="${UN_DATE_GENERATED}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ${attrs}>`,
    '  <INDIVIDUALS>',
    ...individuals,
    '  </INDIVIDUALS>',
    '  <ENTITIES>',
    ...entities,
    '  </ENTITIES>',
    '</CONSOLIDATED_LIST>',
    '',
  ].join('\n');
}

/**
 * An INDIVIDUAL with the usual head fields; `body` adds the elements under test.
 *
 * @example
 * individual('1', 'KPi.066', '<GENDER>Male</GENDER>');
 */
export function individual(dataId: string, ref: string, body = '', names = '<FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>JONG SIK</SECOND_NAME>'): string {
  return `    <INDIVIDUAL>
      <DATAID>${dataId}</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      ${names}
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER>
      <LISTED_ON>2017-12-22</LISTED_ON>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      ${body}
      <SORT_KEY/>
      <SORT_KEY_LAST_MOD/>
    </INDIVIDUAL>`;
}

/**
 * An ENTITY whose name is in FIRST_NAME, as the UN writes them.
 *
 * @example
 * entity('690751', 'KPe.002', 'KOREA RYONBONG GENERAL CORPORATION');
 */
export function entity(dataId: string, ref: string, name: string, body = ''): string {
  return `    <ENTITY>
      <DATAID>${dataId}</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>${xmlEscape(name)}</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER>
      <LISTED_ON>2009-04-24</LISTED_ON>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      ${body}
      <SORT_KEY/>
      <SORT_KEY_LAST_MOD/>
    </ENTITY>`;
}

/**
 * 1-based number of the first line of `text` that contains `needle`.
 *
 * @example
 * lineOf('a\nb', 'b'); // 2
 */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in the document`);
  return index + 1;
}

/**
 * Parses a document held in memory as the file `un.xml`.
 *
 * @example
 * const parsed = await parseXml(unDocument([individual('1', 'KPi.001')]));
 */
export function parseXml(xml: string | Uint8Array, name = 'un.xml'): Promise<ParsedList> {
  return parseUnXml([memorySource(name, xml)], {});
}

/**
 * The values of one property, or [] when the entity has none.
 *
 * @example
 * prop(person, 'alias'); // ['Kim Cho’ng-sik']
 */
export function prop(entity: FtmEntity, name: string): string[] {
  return entity.properties[name] ?? [];
}
