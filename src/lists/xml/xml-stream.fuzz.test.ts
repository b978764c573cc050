import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { inputError } from '../common/test-support/list-assertions.js';
import { chunkedSource, collect, lazySource } from './test-support/xml-sources.js';

const DOC = `<?xml version="1.0" encoding="UTF-8"?>
<list xmlns="urn:test">
  <head><date>2024-05-03</date></head>
  <group>
    <item id="1"><name>KIM &amp; RI — 김</name><alias>A</alias><alias>B</alias></item>
    <item id="2"><name><![CDATA[<raw> text]]></name><!-- note --></item>
  </group>
</list>
`;
const DOC_BYTES = new TextEncoder().encode(DOC);

describe('streamXmlRecords under hostile and broken input', () => {
  it('stops early on a 1 GiB text node, after reading little of it', async () => {
    const src = lazySource('<list><g><item><name>', 'A', 1 << 30);
    const err = await inputError(collect(src));
    expect(err.message).toMatch(/^huge\.xml:1: a text node or piece of markup is longer than 1048576 characters/);
    expect(src.produced()).toBeLessThan(4 << 20);
  });

  it('stops early on a 1 GiB comment, attribute value, tag name and prolog', async () => {
    for (const prefix of ['<list><!--', '<list><item a="', '<list><item', '<?xml version="1.0"?>']) {
      const fill = prefix === '<list><item' ? 'x' : prefix.startsWith('<?') ? ' ' : 'x<>';
      const src = lazySource(prefix, fill, 1 << 30);
      expect(await inputError(collect(src))).toBeInstanceOf(InputError);
      expect(src.produced()).toBeLessThan(4 << 20);
    }
  });

  it('fails with an InputError naming the file and a line within the text for every truncation', async () => {
    const end = DOC.lastIndexOf('>');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: end }), async (cut) => {
        const err = await inputError(collect(DOC.slice(0, cut)));
        expect(err.source).toBe('t.xml');
        expect(err.line).toBeGreaterThanOrEqual(1);
        expect(err.line).toBeLessThanOrEqual(DOC.slice(0, cut).split('\n').length);
      }),
      { numRuns: 150 },
    );
  });

  it('never fails with anything but an InputError on random input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), async (junk) => {
        const result = await collect(junk).catch((e: unknown) => e);
        if (!Array.isArray(result)) expect(result).toBeInstanceOf(InputError);
      }),
      { numRuns: 300 },
    );
  });

  it('yields the same items however the file is cut into chunks, even inside a multi-byte character', async () => {
    const whole = await collect(DOC_BYTES);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: DOC_BYTES.length }), { maxLength: 20 }), async (cuts) => {
        expect(await collect(chunkedSource('t.xml', DOC_BYTES, cuts))).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});
