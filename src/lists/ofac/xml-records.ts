import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../../errors.js';
import { readText, type SourceFile } from '../source.js';

/** One element of a record, with its direct text (entities decoded, CDATA included). */
export interface XmlElement {
  /** Local name: a namespace prefix, if any, is dropped. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  /** Line on which the element's start tag ends. */
  line: number;
}

/** Bounds that keep hostile files from exhausting memory or time. */
export interface XmlLimits {
  /** Longest text node, attribute value, comment or other single piece of markup, in characters. */
  maxTextChars: number;
  /** Characters allowed before the root element starts (XML declaration, comments). */
  maxPrologChars: number;
  /** Characters allowed after the root element ends (trailing whitespace). */
  maxTrailingChars: number;
  maxDepth: number;
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
  maxDepth: 64,
  maxAttributes: 256,
  maxRecordElements: 200_000,
  maxRecordChars: 16 << 20,
};

export interface XmlRecordHandlers {
  /** Local names the root element may have. */
  roots: readonly string[];
  /** True when the element at `path` (root first) is read whole and handed to `onRecord`. */
  isRecord(path: readonly string[]): boolean;
  onRecord(record: XmlElement, path: readonly string[]): void;
  /** Called for each element outside any record (containers, unknown sections). */
  onOther?(path: readonly string[], line: number): void;
  onBytes?: (bytes: number) => void;
  limits?: Partial<XmlLimits>;
}

export interface XmlDocumentInfo {
  root: string;
  /** The root's default namespace (`xmlns` attribute), if any. */
  namespace: string | null;
}

/** Slices fed to the parser at a time, so that limits are checked at least this often. */
const SLICE_CHARS = 64 * 1024;

/**
 * Streams an XML file as records: each element selected by `isRecord` is built as a small tree and
 * handed over when it closes, everything else is only walked. DOCTYPE declarations (entity expansion,
 * external entities) are refused, as are over-long text nodes, deep nesting, malformed and truncated
 * XML: every failure is an InputError naming the file and line.
 *
 * @example
 * await streamXmlRecords(fileSource('SDN.XML'), {
 *   roots: ['sdnList'],
 *   isRecord: (path) => path.length === 2 && path[1] === 'sdnEntry',
 *   onRecord: (entry) => console.log(childText(entry, 'uid')),
 * });
 */
export async function streamXmlRecords(src: SourceFile, handlers: XmlRecordHandlers): Promise<XmlDocumentInfo> {
  const limits: XmlLimits = { ...DEFAULT_XML_LIMITS, ...handlers.limits };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const fail = (detail: string, field?: string): never => {
    throw new InputError(src.name, detail, parser.line, field);
  };

  const path: string[] = [];
  const doc: { info?: XmlDocumentInfo } = {};
  let rootClosedAt = -1;
  let lastEventAt = 0;
  let attributesInTag = 0;
  // The record being built: its root, the open elements inside it, and its size so far.
  const recordStack: XmlElement[] = [];
  let recordElements = 0;
  let recordChars = 0;

  const seen = () => {
    lastEventAt = parser.position;
  };
  parser.on('xmldecl', seen);
  parser.on('comment', seen);
  parser.on('processinginstruction', seen);
  parser.on('doctype', () =>
    fail('DOCTYPE declarations are refused: they enable entity expansion ("billion laughs") and external entities'),
  );
  parser.on('opentagstart', () => {
    seen();
    attributesInTag = 0;
  });
  parser.on('attribute', () => {
    seen();
    if (++attributesInTag > limits.maxAttributes) fail(`an element has more than ${limits.maxAttributes} attributes`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    seen();
    const name = localName(tag.name);
    if (!doc.info) {
      if (!handlers.roots.includes(name)) {
        fail(`root element is <${tag.name}>, expected <${handlers.roots.join('> or <')}>`);
      }
      doc.info = { root: name, namespace: tag.attributes.xmlns ?? null };
    }
    path.push(name);
    if (path.length > limits.maxDepth) fail(`elements are nested more than ${limits.maxDepth} deep`);
    const inRecord = recordStack.length > 0;
    if (!inRecord && !handlers.isRecord(path)) {
      handlers.onOther?.(path, parser.line);
      return;
    }
    const element: XmlElement = { name, attrs: tag.attributes, children: [], text: '', line: parser.line };
    if (inRecord) {
      recordStack[recordStack.length - 1]?.children.push(element);
      if (++recordElements > limits.maxRecordElements) {
        fail(`a <${recordStack[0]?.name}> record has more than ${limits.maxRecordElements} elements`);
      }
    } else {
      recordElements = 1;
      recordChars = 0;
    }
    recordStack.push(element);
  });
  const addText = (text: string) => {
    seen();
    const current = recordStack[recordStack.length - 1];
    if (!current) return;
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
    const element = recordStack.pop();
    if (element && recordStack.length === 0) handlers.onRecord(element, path.slice());
    path.pop();
    if (path.length === 0) rootClosedAt = parser.position;
  });

  const checkLimits = () => {
    if (parser.position - lastEventAt > limits.maxTextChars) {
      fail(`a text node or piece of markup is longer than ${limits.maxTextChars} characters; refusing to read it`);
    }
    if (!doc.info && parser.position > limits.maxPrologChars) {
      fail(`no root element within the first ${limits.maxPrologChars} characters`);
    }
    if (rootClosedAt >= 0 && parser.position - rootClosedAt > limits.maxTrailingChars) {
      fail(`more than ${limits.maxTrailingChars} characters after the root element`);
    }
  };

  try {
    for await (const text of readText(src, handlers.onBytes)) {
      for (let i = 0; i < text.length; i += SLICE_CHARS) {
        parser.write(text.slice(i, i + SLICE_CHARS));
        checkLimits();
      }
    }
    parser.close();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(src.name, describeXmlError(err), parser.line);
  }
  if (!doc.info || rootClosedAt < 0) return fail('the file ends before the root element is closed (truncated?)');
  return doc.info;
}

function describeXmlError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `not well-formed XML: ${message.replace(/^\d+:\d+: /, '')}`;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * The first child element with this local name.
 *
 * @example
 * child(entry, 'vesselInfo')?.line;
 */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/**
 * Every child element with this local name.
 *
 * @example
 * for (const aka of children(child(entry, 'akaList') ?? entry, 'aka')) console.log(aka.line);
 */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/**
 * The trimmed text of the first child with this name, or undefined when it is missing or empty.
 *
 * @example
 * childText(entry, 'lastName'); // 'KIM'
 */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  const c = el ? child(el, name) : undefined;
  const text = c?.text.trim();
  return text ? text : undefined;
}
