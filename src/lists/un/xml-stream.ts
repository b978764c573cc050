import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../../errors.js';
import { readText, type SourceFile } from '../source.js';

/** One element of a record: its text (entities decoded, CDATA included) and its child elements. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** Line on which the element's start tag ends. */
  line: number;
}

/** Bounds that keep a hostile file from exhausting memory or time. */
export interface XmlStreamLimits {
  /** Longest text node, tag, comment or other single piece of markup, in characters. */
  maxTextChars: number;
  /** Characters allowed before the root element starts, and after it ends. */
  maxOutsideRootChars: number;
  maxDepth: number;
  /** Elements in one record. */
  maxRecordElements: number;
  /** Text characters in one record. */
  maxRecordChars: number;
}

export const DEFAULT_XML_LIMITS: XmlStreamLimits = {
  maxTextChars: 1 << 20,
  maxOutsideRootChars: 64 * 1024,
  maxDepth: 32,
  maxRecordElements: 100_000,
  maxRecordChars: 16 << 20,
};

export interface XmlStreamOptions {
  /** Depth of the record elements: 1 = children of the root, 2 = grandchildren. */
  recordDepth: number;
  onBytes?: (bytes: number) => void;
  limits?: Partial<XmlStreamLimits>;
}

/**
 * What the stream yields, in document order: the root element first, then each element outside the
 * records (containers such as INDIVIDUALS) when it opens, and each record, whole, when it closes.
 */
export type XmlStreamItem =
  | { kind: 'root'; name: string; attributes: Record<string, string>; line: number }
  | { kind: 'container'; path: string[]; attributes: Record<string, string>; line: number }
  | { kind: 'stray-text'; path: string[]; text: string; line: number }
  | { kind: 'record'; path: string[]; node: XmlNode };

/** Slices fed to the parser at a time, so the limits are checked at least this often. */
const SLICE_CHARS = 64 * 1024;

/**
 * Streams an XML file and hands over each record element (at `recordDepth`) as a small tree once it
 * has closed, so a huge file never has to be one string. DOCTYPE declarations (entity expansion,
 * external entities), undefined entities, over-long text nodes, deep nesting, malformed and truncated
 * XML are refused: every failure is an InputError naming the file and line, raised before the caller
 * could mistake what it received so far for a whole document.
 *
 * Records are handed over outside the parser's callbacks, so an exception in the caller's code is
 * not mistaken for an XML error.
 *
 * @example
 * for await (const item of streamXmlRecords(fileSource('consolidated.xml'), { recordDepth: 2 })) {
 *   if (item.kind === 'record') console.log(item.node.name, item.node.line);
 * }
 */
export async function* streamXmlRecords(src: SourceFile, options: XmlStreamOptions): AsyncGenerator<XmlStreamItem> {
  const limits: XmlStreamLimits = { ...DEFAULT_XML_LIMITS, ...options.limits };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const fail = (detail: string): never => {
    throw new InputError(src.name, detail, parser.line);
  };

  const ready: XmlStreamItem[] = [];
  const path: string[] = [];
  let rootSeen = false;
  let rootClosedAt = -1;
  let lastEventAt = 0;
  const recordStack: XmlNode[] = [];
  let recordElements = 0;
  let recordChars = 0;

  const seen = (): void => {
    lastEventAt = parser.position;
  };
  const tooLong = (): never =>
    fail(`a text node or piece of markup is longer than ${limits.maxTextChars} characters; refusing to read it`);
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
  parser.on('processinginstruction', seen);
  parser.on('doctype', () =>
    fail('DOCTYPE declarations are refused: they enable entity expansion ("billion laughs") and external entities'),
  );
  parser.on('error', (err) => fail(`not well-formed XML: ${err.message.replace(/^\d+:\d+: /, '')}`));

  parser.on('opentag', (tag: SaxesTagPlain) => {
    seen();
    Object.values(tag.attributes).forEach(checkLength);
    path.push(tag.name);
    if (path.length > limits.maxDepth) fail(`elements are nested more than ${limits.maxDepth} deep`);
    if (!rootSeen) {
      if (parser.position > limits.maxOutsideRootChars) {
        fail(`no root element within the first ${limits.maxOutsideRootChars} characters`);
      }
      rootSeen = true;
      ready.push({ kind: 'root', name: tag.name, attributes: { ...tag.attributes }, line: parser.line });
      return;
    }
    const depth = path.length - 1;
    if (recordStack.length === 0 && depth < options.recordDepth) {
      ready.push({ kind: 'container', path: [...path], attributes: { ...tag.attributes }, line: parser.line });
      return;
    }
    const node: XmlNode = { name: tag.name, attributes: { ...tag.attributes }, text: '', children: [], line: parser.line };
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
  // are counted here; inside event handlers `parser.position` is exact.
  let written = 0;
  const checkLimits = (): void => {
    // Catches what saxes is still buffering, before it ever becomes an event.
    if (written - lastEventAt > limits.maxTextChars) tooLong();
    if (!rootSeen && written > limits.maxOutsideRootChars) {
      fail(`no root element within the first ${limits.maxOutsideRootChars} characters`);
    }
    if (rootClosedAt >= 0 && written - rootClosedAt > limits.maxOutsideRootChars) {
      fail(`more than ${limits.maxOutsideRootChars} characters after the root element`);
    }
  };

  const write = (chunk: string | null): void => {
    try {
      if (chunk === null) parser.close();
      else parser.write(chunk);
    } catch (err) {
      if (err instanceof InputError) throw err;
      // saxes reports its own errors through the handler above; anything else is still bad input.
      throw new InputError(src.name, `not well-formed XML: ${err instanceof Error ? err.message : String(err)}`, parser.line);
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
  yield* ready.splice(0);
}

/**
 * Every child element with this name.
 *
 * @example
 * childNodes(individual, 'INDIVIDUAL_ALIAS').length; // 2
 */
export function childNodes(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/**
 * The texts of every child element with this name, whitespace collapsed, empty ones left out.
 *
 * @example
 * childTexts(nationality, 'VALUE'); // ["Democratic People's Republic of Korea"]
 */
export function childTexts(node: XmlNode | undefined, name: string): string[] {
  return childNodes(node, name)
    .map((c) => cleanText(c.text))
    .filter((t) => t !== '');
}

/**
 * The text of the first non-empty child element with this name.
 *
 * @example
 * childText(individual, 'REFERENCE_NUMBER'); // 'KPi.033'
 */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  return childTexts(node, name)[0];
}

/**
 * Collapses runs of whitespace (the UN file wraps long values over several lines) and trims.
 *
 * @example
 * cleanText('Korean\n  Committee '); // 'Korean Committee'
 */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * True when the element and everything below it hold no text: the UN file's empty placeholders such
 * as `<INDIVIDUAL_DOCUMENT/>` or `<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>`.
 *
 * @example
 * isEmptyNode(placeholder); // true
 */
export function isEmptyNode(node: XmlNode): boolean {
  return cleanText(node.text) === '' && node.children.every(isEmptyNode);
}
