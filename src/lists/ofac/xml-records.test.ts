import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { memorySource, type SourceFile } from '../source.js';
import { child, childText, children, streamXmlRecords, type XmlElement } from './xml-records.js';

const DOC = `<?xml version="1.0"?>
<list xmlns="urn:test">
  <head><date>2024-05-03</date></head>
  <item id="1"><name>KIM &amp; RI</name><alias>A</alias><alias>B</alias></item>
  <item id="2"><name><![CDATA[<raw> text]]></name></item>
</list>
`;

async function records(text: string | Uint8Array, name = 'test.xml', limits = {}): Promise<{ records: XmlElement[]; root: string; namespace: string | null }> {
  const out: XmlElement[] = [];
  const info = await streamXmlRecords(memorySource(name, text), {
    roots: ['list'],
    isRecord: (path) => path.length === 2 && path[1] === 'item',
    onRecord: (el) => out.push(el),
    limits,
  });
  return { records: out, ...info };
}

async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

/** A source that produces `total` characters lazily, counting how many it was asked for. */
function lazySource(prefix: string, fill: string, total: number): SourceFile & { produced: () => number } {
  let produced = 0;
  const chunk = new TextEncoder().encode(fill.repeat(Math.ceil(65536 / fill.length)));
  return {
    name: 'huge.xml',
    size: total,
    produced: () => produced,
    async *open() {
      const head = new TextEncoder().encode(prefix);
      produced += head.byteLength;
      yield head;
      while (produced < total) {
        produced += chunk.byteLength;
        yield chunk;
      }
    },
  };
}

describe('streamXmlRecords', () => {
  it('hands over each record as a tree with decoded text, attributes and line numbers', async () => {
    const { records: items, root, namespace } = await records(DOC);
    expect(root).toBe('list');
    expect(namespace).toBe('urn:test');
    expect(items).toHaveLength(2);
    const [first, second] = items as [XmlElement, XmlElement];
    expect(first.attrs.id).toBe('1');
    expect(first.line).toBe(4);
    expect(childText(first, 'name')).toBe('KIM & RI');
    expect(children(first, 'alias').map((a) => a.text)).toEqual(['A', 'B']);
    expect(child(second, 'name')?.text).toBe('<raw> text');
  });

  it('reports elements outside records to onOther', async () => {
    const seen: string[] = [];
    await streamXmlRecords(memorySource('t.xml', DOC), {
      roots: ['list'],
      isRecord: (path) => path[1] === 'item',
      onRecord: () => {},
      onOther: (path, line) => seen.push(`${path.join('/')}@${line}`),
    });
    expect(seen).toEqual(['list@2', 'list/head@3', 'list/head/date@3']);
  });

  it('drops namespace prefixes from element names', async () => {
    const { records: items } = await records('<x:list xmlns:x="urn:x"><x:item><x:name>A</x:name></x:item></x:list>');
    expect(childText(items[0] as XmlElement, 'name')).toBe('A');
  });

  it('refuses another root element, naming it', async () => {
    const err = await inputError(records('<other/>'));
    expect(err.message).toMatch(/test\.xml:1: root element is <other>/);
  });

  it('refuses a DOCTYPE (billion laughs) before expanding anything', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<list><item>&lol3;</item></list>`;
    const err = await inputError(records(bomb));
    expect(err.message).toMatch(/DOCTYPE/);
    expect(err.line).toBe(6);
  });

  it('refuses an undefined entity', async () => {
    const err = await inputError(records('<list>\n<item>&xxe;</item></list>'));
    expect(err.message).toMatch(/entity/i);
    expect(err.line).toBe(2);
  });

  it('stops early on a 1 GB text node, after reading little of it', async () => {
    const src = lazySource('<list><item><name>', 'A', 1 << 30);
    const err = await inputError(streamXmlRecords(src, { roots: ['list'], isRecord: (p) => p[1] === 'item', onRecord: () => {} }));
    expect(err.message).toMatch(/longer than/);
    expect(src.produced()).toBeLessThan(4 << 20);
  });

  it('stops early on a 1 GB comment and on a 1 GB attribute value', async () => {
    for (const prefix of ['<list><!--', '<list><item a="']) {
      const src = lazySource(prefix, 'x<>', 1 << 30);
      const err = await inputError(streamXmlRecords(src, { roots: ['list'], isRecord: () => false, onRecord: () => {} }));
      expect(err).toBeInstanceOf(InputError);
      expect(src.produced()).toBeLessThan(4 << 20);
    }
  });

  it('refuses over-deep nesting and too many attributes', async () => {
    const deep = `<list>${'<a>'.repeat(100)}${'</a>'.repeat(100)}</list>`;
    expect((await inputError(records(deep))).message).toMatch(/nested more than/);
    const attrs = Array.from({ length: 300 }, (_, i) => `a${i}="1"`).join(' ');
    expect((await inputError(records(`<list><item ${attrs}/></list>`))).message).toMatch(/attributes/);
  });

  it('refuses a record with more elements than allowed', async () => {
    const big = `<list><item>${'<x/>'.repeat(50)}</item></list>`;
    expect((await inputError(records(big, 't.xml', { maxRecordElements: 20 }))).message).toMatch(/more than 20 elements/);
  });

  it('refuses a file without a root element, and content after the root', async () => {
    expect((await inputError(records(''))).message).toMatch(/root element/);
    expect((await inputError(records('<?xml version="1.0"?>\n<!-- nothing -->'))).message).toMatch(/root element/);
    expect((await inputError(records('<list/>\n<list/>'))).message).toMatch(/not well-formed/);
  });

  it('refuses bytes that are not UTF-8, naming the file', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<list><item>'), 0xff, 0xfe, ...new TextEncoder().encode('</item></list>')]);
    const err = await inputError(records(bytes));
    expect(err.source).toBe('test.xml');
    expect(err.message).toMatch(/UTF-8/);
  });

  it('fails with an InputError naming file and line for every truncation of a document', async () => {
    const end = DOC.lastIndexOf('>');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: end }), async (cut) => {
        const err = await inputError(records(DOC.slice(0, cut)));
        expect(err.source).toBe('test.xml');
        expect(err.line).toBeGreaterThanOrEqual(1);
        expect(err.line).toBeLessThanOrEqual(DOC.slice(0, cut).split('\n').length);
      }),
      { numRuns: 150 },
    );
  });

  it('never fails with anything but an InputError on random input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), async (junk) => {
        const result = await records(junk).then(
          (r) => r,
          (e: unknown) => e,
        );
        if (!(result instanceof InputError)) expect(result).toHaveProperty('root', 'list');
      }),
      { numRuns: 300 },
    );
  });
});
