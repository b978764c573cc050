import { describe, expect, it } from 'vitest';
import { childNodes, childText, childTexts, cleanText, firstChild, firstChildText, isEmptyNode, type XmlNode } from './xml-node.js';

const node = (name: string, text: string, children: XmlNode[] = [], line = 1): XmlNode => ({ name, text, children, attributes: {}, line });

describe('XmlNode helpers', () => {
  it('finds the first and every child with a name', () => {
    const parent = node('P', '', [node('A', 'one', [], 2), node('B', 'x'), node('A', 'two', [], 3)]);
    expect(firstChild(parent, 'A')?.line).toBe(2);
    expect(childNodes(parent, 'A').map((c) => c.text)).toEqual(['one', 'two']);
    expect(firstChild(parent, 'C')).toBeUndefined();
    expect(childNodes(undefined, 'A')).toEqual([]);
  });

  it('reads child texts with whitespace collapsed and empty ones left out', () => {
    const parent = node('P', '', [node('VALUE', ' a\n  b '), node('VALUE', '  '), node('VALUE', 'c'), node('OTHER', 'x')]);
    expect(childTexts(parent, 'VALUE')).toEqual(['a b', 'c']);
    expect(childText(parent, 'VALUE')).toBe('a b');
    expect(childText(parent, 'MISSING')).toBeUndefined();
    expect(cleanText('\tKorean\n Committee ')).toBe('Korean Committee');
  });

  it('reads the first child’s text trimmed but otherwise as written', () => {
    const parent = node('P', '', [node('remarks', ' a\n  b '), node('remarks', 'c'), node('blank', '  ')]);
    expect(firstChildText(parent, 'remarks')).toBe('a\n  b');
    expect(firstChildText(parent, 'blank')).toBeUndefined();
    expect(firstChildText(parent, 'missing')).toBeUndefined();
  });

  it('recognises empty placeholders at any depth', () => {
    expect(isEmptyNode(node('INDIVIDUAL_ALIAS', '\n  ', [node('QUALITY', ''), node('ALIAS_NAME', ' ')]))).toBe(true);
    expect(isEmptyNode(node('INDIVIDUAL_ALIAS', '', [node('QUALITY', ''), node('ALIAS_NAME', 'X')]))).toBe(false);
  });
});
