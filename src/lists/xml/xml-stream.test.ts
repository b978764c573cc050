import { describe, expect, it } from 'vitest';
import { memorySource } from '../source.js';
import { inputError } from '../common/test-support/list-assertions.js';
import { collect } from './test-support/xml-sources.js';
import { childNodes, childText, firstChild } from './xml-node.js';
import { streamXmlRecords } from './xml-stream.js';

const DOC = `<?xml version="1.0"?>
<list xmlns="urn:test">
  <head><date>2024-05-03</date></head>
  <items>
  <item id="1"><name>KIM &amp; RI</name><alias>A</alias><alias>B</alias></item>
  <item id="2"><name><![CDATA[<raw> text]]></name></item>
  </items>
</list>
`;

describe('streamXmlRecords', () => {
  it('yields the root, the elements outside records and each record as a tree, in document order', async () => {
    const xml = '<L a="1">\n<GROUP>\n<REC>\n<NAME>A &amp; B</NAME><X><![CDATA[<raw>]]></X>\n</REC>\n<REC/>\n</GROUP>\n</L>';
    const items = await collect(xml);
    expect(items.map((i) => i.kind)).toEqual(['root', 'element', 'record', 'record']);
    expect(items[0]).toEqual({ kind: 'root', name: 'L', attributes: { a: '1' }, line: 1 });
    expect(items[1]).toEqual({ kind: 'element', path: ['L', 'GROUP'], attributes: {}, line: 2 });
    const first = items[2];
    if (first?.kind !== 'record') throw new Error('expected a record');
    expect(first.path).toEqual(['L', 'GROUP', 'REC']);
    expect(first.node.line).toBe(3);
    expect(childText(first.node, 'NAME')).toBe('A & B');
    expect(childText(first.node, 'X')).toBe('<raw>');
    expect(childNodes(first.node, 'NAME')[0]?.line).toBe(4);
  });

  it('chooses records by path, and reports every element outside them with its line', async () => {
    const items = await collect(DOC, { isRecord: (path) => path[2] === 'item' });
    expect(items.filter((i) => i.kind === 'element').map((i) => `${i.path.join('/')}@${i.line}`)).toEqual([
      'list/head@3',
      'list/head/date@3',
      'list/items@4',
    ]);
    const records = items.flatMap((i) => (i.kind === 'record' ? [i.node] : []));
    expect(records.map((r) => [r.attributes.id, r.line])).toEqual([
      ['1', 5],
      ['2', 6],
    ]);
    expect(childNodes(records[0], 'alias').map((a) => a.text)).toEqual(['A', 'B']);
    expect(firstChild(records[1], 'name')?.text).toBe('<raw> text');
    expect(items[0]).toMatchObject({ kind: 'root', name: 'list', attributes: { xmlns: 'urn:test' } });
  });

  it('drops namespace prefixes from element names when asked to', async () => {
    const xml = '<x:list xmlns:x="urn:x"><x:g><x:item><x:name>A</x:name></x:item></x:g></x:list>';
    const local = await collect(xml, { localNames: true });
    expect(local[0]).toMatchObject({ kind: 'root', name: 'list' });
    const record = local.find((i) => i.kind === 'record');
    expect(record?.kind === 'record' && childText(record.node, 'name')).toBe('A');
    expect((await collect(xml))[0]).toMatchObject({ kind: 'root', name: 'x:list' });
  });

  it('reports non-blank text outside the records', async () => {
    const items = await collect('<L><GROUP>loose</GROUP></L>');
    expect(items).toContainEqual({ kind: 'stray-text', path: ['L', 'GROUP'], text: 'loose', line: 1 });
  });

  it('refuses characters beyond the limits before the root and after it', async () => {
    const before = await inputError(collect(`<!--${'x'.repeat(300)}--><!--${'x'.repeat(300)}--><L/>`, { limits: { maxPrologChars: 500 } }));
    expect(before.message).toMatch(/no root element within the first 500 characters/);
    const after = await inputError(collect(`<L/>${'\n'.repeat(600)}`, { limits: { maxTrailingChars: 500 } }));
    expect(after.message).toMatch(/more than 500 characters after the root element/);
  });

  it('counts the characters written exactly: whitespace just under the limit after the root is accepted', async () => {
    // saxes' own position counts the last chunk twice between writes; 300 + 4 would look like 608.
    expect(await collect(`<L/>${'\n'.repeat(300)}`, { limits: { maxTrailingChars: 400 } })).toHaveLength(1);
    expect(await collect(`${' '.repeat(300)}<L/>`, { limits: { maxPrologChars: 400 } })).toHaveLength(1);
  });

  it('refuses records with too many elements or too much text', async () => {
    const many = `<L><G><R>${'<A/>'.repeat(20)}</R></G></L>`;
    expect((await inputError(collect(many, { limits: { maxRecordElements: 10 } }))).message).toMatch(/more than 10 elements/);
    const wordy = `<L><G><R>${'<A>0123456789</A>'.repeat(20)}</R></G></L>`;
    expect((await inputError(collect(wordy, { limits: { maxRecordChars: 100 } }))).message).toMatch(/more than 100 characters of text/);
  });

  it('refuses an over-long text node, attribute or comment arriving whole in one slice, with its line', async () => {
    const text = await inputError(collect(`<L><G>\n<R>${'x'.repeat(5000)}</R></G></L>`, { limits: { maxTextChars: 1000 } }));
    expect(text.message).toMatch(/^t\.xml:2: a text node or piece of markup is longer than 1000 characters/);
    const attribute = await inputError(collect(`<L a="${'x'.repeat(5000)}"/>`, { limits: { maxTextChars: 1000 } }));
    expect(attribute.message).toMatch(/longer than 1000 characters/);
    const comment = await inputError(collect(`<L><!--${'x'.repeat(5000)}--></L>`, { limits: { maxTextChars: 1000 } }));
    expect(comment.message).toMatch(/longer than 1000 characters/);
  });

  it('refuses over-deep nesting and too many attributes', async () => {
    const deep = `<list>${'<a>'.repeat(40)}${'</a>'.repeat(40)}</list>`;
    expect((await inputError(collect(deep))).message).toMatch(/nested more than 32 deep/);
    const attrs = Array.from({ length: 300 }, (_, i) => `a${i}="1"`).join(' ');
    expect((await inputError(collect(`<list><item ${attrs}/></list>`))).message).toMatch(/more than 256 attributes/);
  });

  it('refuses a DOCTYPE (billion laughs) before expanding anything, naming its line', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<list><item>&lol3;</item></list>`;
    const err = await inputError(collect(bomb));
    expect(err.message).toMatch(/^t\.xml:6: DOCTYPE declarations are refused/);
  });

  it('refuses an external entity DOCTYPE and an undefined entity, naming the line', async () => {
    const xxe = await inputError(collect('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<L>&xxe;</L>'));
    expect(xxe.line).toBe(2);
    const undefinedEntity = await inputError(collect('<list>\n<item>&xxe;</item></list>'));
    expect(undefinedEntity.message).toMatch(/undefined entity/);
    expect(undefinedEntity.line).toBe(2);
  });

  it('refuses a declared encoding other than UTF-8, and accepts UTF-8 however it is spelt', async () => {
    const latin = await inputError(collect('<?xml version="1.0" encoding="ISO-8859-1"?>\n<L/>'));
    expect(latin.message).toMatch(/declares encoding "ISO-8859-1"; only UTF-8 is supported/);
    expect(await collect('<?xml version="1.0" encoding="utf_8"?>\n<L/>')).toHaveLength(1);
  });

  it('names the line of a fault in well-formedness', async () => {
    const err = await inputError(collect('<L>\n<G>\n<R></X>\n</G></L>'));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^t\.xml:3: not well-formed XML/);
  });

  it('refuses a file without a root element, an unclosed root, and content after the root', async () => {
    expect((await inputError(collect(''))).message).toMatch(/root element/);
    expect((await inputError(collect('<?xml version="1.0"?>\n<!-- nothing -->'))).message).toMatch(/root element/);
    expect((await inputError(collect('<L><G>'))).source).toBe('t.xml');
    expect((await inputError(collect('<list/>\n<list/>'))).message).toMatch(/not well-formed/);
  });

  it('refuses bytes that are not UTF-8, naming the file', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<list><item>'), 0xff, 0xfe, ...new TextEncoder().encode('</item></list>')]);
    const err = await inputError(collect(bytes));
    expect(err.source).toBe('t.xml');
    expect(err.message).toMatch(/UTF-8/);
  });

  it('lets an error thrown by the caller through as it is, not as an XML error', async () => {
    const consume = async () => {
      for await (const item of streamXmlRecords(memorySource('t.xml', DOC), { isRecord: (path) => path[2] === 'item' })) {
        if (item.kind === 'record') throw new TypeError('caller bug');
      }
    };
    await expect(consume()).rejects.toThrow(TypeError);
  });
});
