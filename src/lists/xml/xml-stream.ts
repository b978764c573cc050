import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../../errors.js';
import { readText, type SourceFile } from '../source.js';
import type { XmlNode } from './xml-node.js';

/** Bounds that keep a hostile file from exhausting memory or time. */
export interface XmlLimits {
  /** Longest text node, attribute value, comment or other single piece of markup, in characters. */
  maxTextChars: number;
  /** Characters allowed before the root element starts (XML declaration, comments). */
  maxPrologChars: number;
  /** Characters allowed after the root element ends (trailing whitespace, comments). */
  maxTrailingChars: number;
  maxDepth: number;
  /** Attributes on one element. */
  maxAttributes: number;
  /** Elements in one record. */
  maxRecordElements: number;
  /** Text characters in one record. */
  maxRecordChars: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxTextChars: 1 << 20,
  maxPrologChars: 64 * 1024,
  maxTrailingChars: 64 * 1024,
  maxDepth: 32,
  maxAttributes: 256,
  maxRecordElements: 100_000,
  maxRecordChars: 16 << 20,
};

export interface XmlStreamOptions {
  /**
   * True when the element at `path` (root first) is a record: read whole and handed over when it
   * closes. Asked only for elements outside records; the root is never a record.
   */
  isRecord(path: readonly string[]): boolean;
  /** Drop namespace prefixes from element names (`x:item` is read as `item`). */
  localNames?: boolean;
  onBytes?: (bytes: number) => void;
  limits?: Partial<XmlLimits>;
}

/**
 * What the stream yields, in document order: the root element first, then each element outside the
 * records (containers, unknown sections) when it opens, non-blank text outside the records, and each
 * record, whole, when it closes.
 */
export type XmlStreamItem =
  | { kind: 'root'; name: string; attributes: Record<string, string>; line: number }
  | { kind: 'element'; path: string[]; attributes: Record<string, string>; line: number }
  | { kind: 'stray-text'; path: string[]; text: string; line: number }
  | { kind: 'record'; path: string[]; node: XmlNode };

/** Characters fed to the parser at a time, so the limits are checked at least this often. */
const SLICE_CHARS = 64 * 1024;

/**
 * Streams an XML file and hands over each record element (chosen by `isRecord`) as a small tree once
 * it has closed, so a huge file never has to be one string. DOCTYPE declarations (entity expansion,
 * external entities), undefined entities, a declared encoding other than UTF-8, over-long text nodes
 * and markup, too many attributes, deep nesting, malformed and truncated XML are refused: every
 * failure is an InputError naming the file and line, raised before the caller could mistake what it
 * received so far for a whole document.
 *
 * Items are handed over outside the parser's callbacks, so an exception in the caller's code is not
 * mistaken for an XML error.
 *
 * @example
 * for await (const item of streamXmlRecords(fileSource('consolidated.xml'), { isRecord: (p) => p.length === 3 })) {
 *   if (item.kind === 'record') console.log(item.node.name, item.node.line);
 * }
 */
export async function* streamXmlRecords(src: SourceFile, options: XmlStreamOptions): AsyncGenerator<XmlStreamItem> {
  const limits: XmlLimits = { ...DEFAULT_XML_LIMITS, ...options.limits };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const fail = (detail: string): never => {
    throw new InputError(src.name, detail, parser.line);
  };
  const elementName = options.localNames ? localName : (name: string) => name;

  const ready: XmlStreamItem[] = [];
  const path: string[] = [];
  let rootSeen = false;
  let rootClosedAt = -1;
  let lastEventAt = 0;
  let attributesInTag = 0;
  // The record being built: its root first, then the open elements inside it.
  const recordStack: XmlNode[] = [];
  let recordElements = 0;
  let recordChars = 0;

  // Inside event handlers `parser.position` is exact (see `written` below for between writes).
  const seen = (): void => {
    lastEventAt = parser.position;
  };
  const tooLong = (): never =>
    fail(`a text node or piece of markup is longer than ${limits.maxTextChars} characters; refusing to read it`);
  // Checked in the handlers, not only between slices: a whole over-long node can arrive in one slice.
  const checkLength = (text: string): void => {
    if (text.length > limits.maxTextChars) tooLong();
  };

  parser.on('xmldecl', (decl) => {
    seen();
    const encoding = decl.encoding?.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (encoding && encoding !== 'utf8') fail(`declares encoding "${decl.encoding}"; only UTF-8 is supported`);
  });
  parser.on('comment', (text) => {
    seen();
    checkLength(text);
  });
  parser.on('processinginstruction', (pi) => {
    seen();
    checkLength(pi.body);
  });
  parser.on('doctype', () =>
    fail('DOCTYPE declarations are refused: they enable entity expansion ("billion laughs") and external entities'),
  );
  parser.on('error', (err) => fail(describeXmlError(err)));

  parser.on('opentagstart', () => {
    seen();
    attributesInTag = 0;
  });
  parser.on('attribute', (attr) => {
    seen();
    checkLength(attr.value);
    if (++attributesInTag > limits.maxAttributes) fail(`an element has more than ${limits.maxAttributes} attributes`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    seen();
    const name = elementName(tag.name);
    path.push(name);
    if (path.length > limits.maxDepth) fail(`elements are nested more than ${limits.maxDepth} deep`);
    if (!rootSeen) {
      if (parser.position > limits.maxPrologChars) fail(`no root element within the first ${limits.maxPrologChars} characters`);
      rootSeen = true;
      ready.push({ kind: 'root', name, attributes: { ...tag.attributes }, line: parser.line });
      return;
    }
    if (recordStack.length === 0 && !options.isRecord(path)) {
      ready.push({ kind: 'element', path: [...path], attributes: { ...tag.attributes }, line: parser.line });
      return;
    }
    const node: XmlNode = { name, attributes: { ...tag.attributes }, text: '', children: [], line: parser.line };
    const parent = recordStack[recordStack.length - 1];
    if (parent) {
      parent.children.push(node);
      if (++recordElements > limits.maxRecordElements) {
        fail(`a <${recordStack[0]?.name}> record has more than ${limits.maxRecordElements} elements`);
      }
    } else {
      recordElements = 1;
      recordChars = 0;
    }
    recordStack.push(node);
  });

  const addText = (text: string): void => {
    seen();
    checkLength(text);
    const current = recordStack[recordStack.length - 1];
    if (!current) {
      if (rootSeen && rootClosedAt < 0 && text.trim()) {
        ready.push({ kind: 'stray-text', path: [...path], text: text.trim().slice(0, 80), line: parser.line });
      }
      return;
    }
    recordChars += text.length;
    if (recordChars > limits.maxRecordChars) {
      fail(`a <${recordStack[0]?.name}> record has more than ${limits.maxRecordChars} characters of text`);
    }
    current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('closetag', () => {
    seen();
    const closedPath = [...path];
    path.pop();
    if (path.length === 0) rootClosedAt = parser.position;
    const node = recordStack.pop();
    if (node && recordStack.length === 0) ready.push({ kind: 'record', path: closedPath, node });
  });

  // Between writes saxes' `position` counts the last chunk twice, so the characters written so far
  // are counted here instead.
  let written = 0;
  const checkLimits = (): void => {
    // Catches what saxes is still buffering, before it ever becomes an event.
    if (written - lastEventAt > limits.maxTextChars) tooLong();
    if (!rootSeen && written > limits.maxPrologChars) fail(`no root element within the first ${limits.maxPrologChars} characters`);
    if (rootClosedAt >= 0 && written - rootClosedAt > limits.maxTrailingChars) {
      fail(`more than ${limits.maxTrailingChars} characters after the root element`);
    }
  };

  const write = (chunk: string | null): void => {
    try {
      if (chunk === null) parser.close();
      else parser.write(chunk);
    } catch (err) {
      if (err instanceof InputError) throw err;
      // saxes reports its own errors through the handler above; anything else is still bad input.
      throw new InputError(src.name, describeXmlError(err), parser.line);
    }
  };

  for await (const text of readText(src, options.onBytes)) {
    for (let i = 0; i < text.length; i += SLICE_CHARS) {
      const slice = text.slice(i, i + SLICE_CHARS);
      write(slice);
      written += slice.length;
      checkLimits();
      yield* ready.splice(0);
    }
  }
  write(null);
  if (!rootSeen || rootClosedAt < 0) fail('the file ends before the root element is closed (truncated?)');
  yield* ready.splice(0);
}

function describeXmlError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `not well-formed XML: ${message.replace(/^\d+:\d+: /, '')}`;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
