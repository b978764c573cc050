import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { memorySource, type SourceFile } from '../source.js';
import type { ParsedList } from '../types.js';
import { parseUnXml, parseUnXmlWithLimits } from './parse-un-xml.js';
import { byId, chunkedSource, entity, individual, parseXml, prop, unDocument, xmlEscape } from './test-support.js';

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
const VALID_BYTES = new TextEncoder().encode(VALID);
/** Every proper prefix that ends before the root's closing `>` is an incomplete document. */
const ROOT_END = VALID_BYTES.length - new TextEncoder().encode('>\n').length;

async function outcome(src: SourceFile | string | Uint8Array): Promise<ParsedList | Error> {
  const source = typeof src === 'string' || src instanceof Uint8Array ? memorySource('fuzz.xml', src) : src;
  return parseUnXml([source], {}).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
}

describe('parseUnXml under hostile and broken input', () => {
  it('parses the fuzz base document (so the properties below start from valid input)', async () => {
    const parsed = await parseXml(VALID);
    expect(parsed.entities.filter((e) => e.target).map((e) => e.id)).toEqual(['un-6908643', 'un-6908691']);
  });

  it('refuses every truncation of a valid document with an InputError, never a partial list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: ROOT_END - 1 }), async (cut) => {
        const result = await outcome(VALID_BYTES.slice(0, cut));
        expect(result).toBeInstanceOf(InputError);
        expect((result as InputError).source).toBe('fuzz.xml');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses random bytes with an InputError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expect(await outcome(bytes)).toBeInstanceOf(InputError);
      }),
      { numRuns: 200 },
    );
  });

  it('answers a valid document with random bytes written over part of it by a list or an InputError only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: VALID_BYTES.length - 1 }),
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        async (at, garbage) => {
          const bytes = VALID_BYTES.slice();
          bytes.set(garbage.subarray(0, bytes.length - at), at);
          const result = await outcome(bytes);
          if (result instanceof Error) expect(result).toBeInstanceOf(InputError);
          else expect(result.entities.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers elements inserted where they do not belong by a list or an InputError only', async () => {
    const tagEnds = [...VALID.matchAll(/>/g)].map((m) => (m.index ?? 0) + 1);
    const fragment = fc.constantFrom(
      '<GENDER>unknown</GENDER>',
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

  it('refuses a byte sequence that is not UTF-8, wherever it is', async () => {
    const invalid = fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x80]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: VALID_BYTES.length }), invalid, async (at, bad) => {
        const bytes = new Uint8Array([...VALID_BYTES.subarray(0, at), ...bad, ...VALID_BYTES.subarray(at)]);
        const result = await outcome(bytes);
        expect(result).toBeInstanceOf(InputError);
        expect((result as Error).message).toMatch(/UTF-8/);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same result however the file is cut into chunks, even inside a multi-byte character', async () => {
    const whole = await parseXml(VALID_BYTES);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: VALID_BYTES.length }), { maxLength: 20 }), async (cuts) => {
        const parsed = await parseUnXml([chunkedSource('un.xml', VALID_BYTES, cuts)], {});
        expect(parsed).toEqual(whole);
      }),
      { numRuns: 100 },
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

  it('refuses a "billion laughs" DOCTYPE quickly, without expanding anything', async () => {
    const lol = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE CONSOLIDATED_LIST [\n${lol.join('\n')}\n]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><COMMENTS1>&lol9;</COMMENTS1></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`;
    const started = performance.now();
    const result = await outcome(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toBeInstanceOf(InputError);
    expect((result as InputError).message).toMatch(/^fuzz\.xml:13: DOCTYPE declarations are refused/);
  });

  it('refuses an external entity (XXE) DOCTYPE and an undefined entity, naming the line', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CONSOLIDATED_LIST>&xxe;</CONSOLIDATED_LIST>';
    expect(await outcome(xxe)).toMatchObject({ name: 'InputError', line: 2 });
    const undefinedEntity = VALID.replace('Gender: male.', 'Gender: &lol9;');
    const result = await outcome(undefinedEntity);
    expect(result).toBeInstanceOf(InputError);
    expect(result).toMatchObject({ line: VALID.split('\n').findIndex((l) => l.includes('Gender:')) + 1 });
    expect((result as Error).message).toMatch(/undefined entity/);
  });

  it('stops reading a 1 GiB text node soon after the limit, without reading the whole stream', async () => {
    const MiB = 1 << 20;
    const chunk = new Uint8Array(MiB).fill(0x61); // 'a'
    let chunksRead = 0;
    const huge: SourceFile = {
      name: 'huge.xml',
      size: 1024 * MiB,
      async *open() {
        yield new TextEncoder().encode('<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><COMMENTS1>');
        for (let i = 0; i < 1024; i++) {
          chunksRead++;
          yield chunk;
        }
      },
    };
    const result = await outcome(huge);
    expect(result).toBeInstanceOf(InputError);
    expect((result as Error).message).toMatch(/longer than 1048576 characters/);
    expect(chunksRead).toBeLessThanOrEqual(2);
  });

  it('refuses an over-long text node with the limit given, before the next element', async () => {
    const xml = unDocument([individual('1', 'KPi.001', `<COMMENTS1>${'x'.repeat(5000)}</COMMENTS1>`)]);
    const err = await parseUnXmlWithLimits([memorySource('small.xml', xml)], {}, { maxTextChars: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/longer than 1000 characters/);
  });

  it('refuses elements nested deeper than the limit', async () => {
    const deep = `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>${'<X>'.repeat(100)}`;
    const result = await outcome(deep);
    expect(result).toBeInstanceOf(InputError);
    expect((result as Error).message).toMatch(/nested more than 32 deep/);
  });
});
