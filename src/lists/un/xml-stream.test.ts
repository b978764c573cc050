import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { memorySource } from '../source.js';
import {
  childNodes,
  childText,
  childTexts,
  cleanText,
  isEmptyNode,
  streamXmlRecords,
  type XmlNode,
  type XmlStreamItem,
  type XmlStreamLimits,
} from './xml-stream.js';

async function collect(xml: string, limits?: Partial<XmlStreamLimits>, recordDepth = 2): Promise<XmlStreamItem[]> {
  const items: XmlStreamItem[] = [];
  for await (const item of streamXmlRecords(memorySource('t.xml', xml), { recordDepth, limits })) items.push(item);
  return items;
}

async function failure(xml: string, limits?: Partial<XmlStreamLimits>): Promise<InputError> {
  const err = await collect(xml, limits).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}

describe('streamXmlRecords', () => {
  it('yields the root, the containers and each record as a tree, in document order', async () => {
    const xml = '<L a="1">\n<GROUP>\n<REC>\n<NAME>A &amp; B</NAME><X><![CDATA[<raw>]]></X>\n</REC>\n<REC/>\n</GROUP>\n</L>';
    const items = await collect(xml);
    expect(items.map((i) => i.kind)).toEqual(['root', 'container', 'record', 'record']);
    expect(items[0]).toEqual({ kind: 'root', name: 'L', attributes: { a: '1' }, line: 1 });
    expect(items[1]).toEqual({ kind: 'container', path: ['L', 'GROUP'], attributes: {}, line: 2 });
    const first = items[2];
    if (first?.kind !== 'record') throw new Error('expected a record');
    expect(first.path).toEqual(['L', 'GROUP', 'REC']);
    expect(first.node.line).toBe(3);
    expect(childText(first.node, 'NAME')).toBe('A & B');
    expect(childText(first.node, 'X')).toBe('<raw>');
    expect(childNodes(first.node, 'NAME')[0]?.line).toBe(4);
  });

  it('reports non-blank text outside the records', async () => {
    const items = await collect('<L><GROUP>loose</GROUP></L>');
    expect(items).toContainEqual({ kind: 'stray-text', path: ['L', 'GROUP'], text: 'loose', line: 1 });
  });

  it('refuses characters beyond the limit before the root and after it', async () => {
    const before = await failure(`<!--${'x'.repeat(300)}--><!--${'x'.repeat(300)}--><L/>`, { maxOutsideRootChars: 500 });
    expect(before.message).toMatch(/no root element within the first 500 characters/);
    const after = await failure(`<L/>${'\n'.repeat(600)}`, { maxOutsideRootChars: 500 });
    expect(after.message).toMatch(/more than 500 characters after the root element/);
  });

  it('refuses records with too many elements or too much text', async () => {
    const many = `<L><G><R>${'<A/>'.repeat(20)}</R></G></L>`;
    expect((await failure(many, { maxRecordElements: 10 })).message).toMatch(/more than 10 elements/);
    const wordy = `<L><G><R>${'<A>0123456789</A>'.repeat(20)}</R></G></L>`;
    expect((await failure(wordy, { maxRecordChars: 100 })).message).toMatch(/more than 100 characters of text/);
  });

  it('names the line of a fault in well-formedness', async () => {
    const err = await failure('<L>\n<G>\n<R></X>\n</G></L>');
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^t\.xml:3: not well-formed XML/);
  });

  it('refuses a document that is only a prolog', async () => {
    expect((await failure('<?xml version="1.0"?>\n')).message).toMatch(/root element/);
  });
});

describe('XmlNode helpers', () => {
  const node = (name: string, text: string, children: XmlNode[] = []): XmlNode => ({ name, text, children, attributes: {}, line: 1 });

  it('reads child texts with whitespace collapsed and empty ones left out', () => {
    const parent = node('P', '', [node('VALUE', ' a\n  b '), node('VALUE', '  '), node('VALUE', 'c'), node('OTHER', 'x')]);
    expect(childTexts(parent, 'VALUE')).toEqual(['a b', 'c']);
    expect(childText(parent, 'VALUE')).toBe('a b');
    expect(childText(parent, 'MISSING')).toBeUndefined();
    expect(cleanText('\tKorean\n Committee ')).toBe('Korean Committee');
  });

  it('recognises empty placeholders at any depth', () => {
    expect(isEmptyNode(node('INDIVIDUAL_ALIAS', '\n  ', [node('QUALITY', ''), node('ALIAS_NAME', ' ')]))).toBe(true);
    expect(isEmptyNode(node('INDIVIDUAL_ALIAS', '', [node('QUALITY', ''), node('ALIAS_NAME', 'X')]))).toBe(false);
  });
});
