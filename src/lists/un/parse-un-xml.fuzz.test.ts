import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { memorySource } from '../source.js';
import type { ParsedList } from '../types.js';
import { describeHostileXmlInput } from '../xml/test-support/hostile-xml.js';
import { parseUnXml, parseUnXmlWithLimits } from './parse-un-xml.js';
import { byId, entity, individual, parseXml, prop, unDocument, xmlEscape } from './test-support.js';

/** A small but complete list: multi-byte text, aliases, a date range, a document and addresses. */
const VALID = unDocument(
  [
    individual(
      '6908643',
      'KPi.066',
      `<COMMENTS1>Gender: male. Serving at the Workers’ Party of Korea.</COMMENTS1>
      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Kim Cho’ng-sik</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1967</FROM_YEAR><TO_YEAR>1969</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Numéro de passeport</TYPE_OF_DOCUMENT><NUMBER>381420754</NUMBER></INDIVIDUAL_DOCUMENT>`,
    ),
  ],
  [
    entity(
      '6908691',
      'KPe.055',
      'CHANG AN SHIPPING & TECHNOLOGY',
      `<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>長安海連技術有限公司</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ADDRESS><STREET>Room 2105, Trend Centre</STREET><COUNTRY>China</COUNTRY></ENTITY_ADDRESS>`,
    ),
  ],
);
async function outcome(xml: string): Promise<ParsedList | Error> {
  return parseUnXml([memorySource('fuzz.xml', xml)], {}).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
}

describeHostileXmlInput('parseUnXml', {
  parse: (src) => parseUnXml([src], {}),
  format: 'un-xml',
  fileName: 'fuzz.xml',
  valid: VALID,
  root: 'CONSOLIDATED_LIST',
  openTextNode: '<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><COMMENTS1>',
  numRuns: 200,
});

describe('parseUnXml with elements and text where they do not belong', () => {
  it('answers elements inserted where they do not belong by a list or an InputError only', async () => {
    const tagEnds = [...VALID.matchAll(/>/g)].map((m) => (m.index ?? 0) + 1);
    const fragment = fc.constantFrom(
      '<GENDER>unknown</GENDER>',
      '<GENDER>constructor</GENDER>',
      '<GENDER>__proto__</GENDER>',
      '<toString><DATAID>9</DATAID></toString>',
      '<DATAID>6908643</DATAID>',
      '<FIRST_NAME/>',
      '<INDIVIDUAL_ALIAS><QUALITY>f.k.a.</QUALITY><DATE_OF_BIRTH>1970</DATE_OF_BIRTH><COUNTRY_OF_BIRTH>na</COUNTRY_OF_BIRTH></INDIVIDUAL_ALIAS>',
      '<ENTITY_ALIAS><ALIAS_NAME>X</ALIAS_NAME><CITY_OF_BIRTH>Y</CITY_OF_BIRTH></ENTITY_ALIAS>',
      '<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>x</FROM_YEAR></INDIVIDUAL_DATE_OF_BIRTH>',
      '<INDIVIDUAL_DOCUMENT><NUMBER>(1)</NUMBER><DATE_OF_ISSUE>soon</DATE_OF_ISSUE><ISSUING_COUNTRY>Atlantis</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>',
      '<ENTITY_ADDRESS><NOTE>n</NOTE><EXTRA a="1">e</EXTRA></ENTITY_ADDRESS>',
      '<LISTED_ON>yesterday</LISTED_ON>',
      '<INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>',
      '<ENTITY><DATAID>8</DATAID></ENTITY>',
      'stray text',
      '<X><Y><Z>deep</Z></Y></X>',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...tagEnds), fragment), { minLength: 1, maxLength: 4 }), async (inserts) => {
        let xml = VALID;
        for (const [at, text] of [...inserts].sort((a, b) => b[0] - a[0])) xml = xml.slice(0, at) + text + xml.slice(at);
        const result = await outcome(xml);
        if (result instanceof Error) expect(result).toBeInstanceOf(InputError);
        else expect(result.entities.every((e) => e.id.startsWith('un-'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps any alias name intact, exactly as written apart from collapsed whitespace', async () => {
    // Characters XML 1.0 allows in text, without lone surrogates.
    const xmlChar = fc.oneof(
      fc.integer({ min: 0x20, max: 0xd7ff }),
      fc.constantFrom(0x09, 0x0a, 0x0d),
      fc.integer({ min: 0xe000, max: 0xfffd }),
      fc.integer({ min: 0x10000, max: 0x10ffff }),
    );
    const name = fc
      .array(xmlChar, { minLength: 1, maxLength: 30 })
      .map((codes) => String.fromCodePoint(...codes))
      .filter((s) => s.replace(/\s+/g, ' ').trim() !== '');
    await fc.assert(
      fc.asyncProperty(name, async (alias) => {
        const body = `<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>${xmlEscape(alias)}</ALIAS_NAME></INDIVIDUAL_ALIAS>`;
        const parsed = await parseXml(unDocument([individual('1', 'KPi.001', body)]));
        // XML parsers turn CR and CRLF into LF; EntityBuilder then collapses every whitespace run.
        expect(prop(byId(parsed, 'un-1'), 'alias')).toEqual([alias.replace(/\s+/g, ' ').trim()]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an over-long text node with the limit given, before the next element', async () => {
    const xml = unDocument([individual('1', 'KPi.001', `<COMMENTS1>${'x'.repeat(5000)}</COMMENTS1>`)]);
    const err = await parseUnXmlWithLimits([memorySource('small.xml', xml)], {}, { maxTextChars: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/longer than 1000 characters/);
  });
});
