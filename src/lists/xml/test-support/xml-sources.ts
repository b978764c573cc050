import { memorySource, type SourceFile } from '../../source.js';
import { streamXmlRecords, type XmlLimits, type XmlStreamItem, type XmlStreamOptions } from '../xml-stream.js';

/** Helpers for the XML reader's tests. */

/** Records are the grandchildren of the root, as in the UN and SDN.XML layouts. */
export const GRANDCHILDREN = (path: readonly string[]): boolean => path.length === 3;

/**
 * Every item the reader yields for a document, or the error it throws.
 *
 * @example
 * await collect('<L><G><R/></G></L>'); // root, element, record
 */
export async function collect(
  xml: string | Uint8Array | SourceFile,
  options: Partial<XmlStreamOptions> & { limits?: Partial<XmlLimits> } = {},
): Promise<XmlStreamItem[]> {
  const src = typeof xml === 'string' || xml instanceof Uint8Array ? memorySource('t.xml', xml) : xml;
  const items: XmlStreamItem[] = [];
  for await (const item of streamXmlRecords(src, { isRecord: GRANDCHILDREN, ...options })) items.push(item);
  return items;
}

/**
 * A source that produces about `total` bytes lazily: `prefix`, then `fill` repeated in 64 KiB chunks,
 * counting how many bytes it was asked for.
 *
 * @example
 * const src = lazySource('<L><G><R>', 'A', 1 << 30);
 * src.produced(); // bytes handed out so far
 */
export function lazySource(prefix: string, fill: string, total: number, name = 'huge.xml'): SourceFile & { produced: () => number } {
  let produced = 0;
  const chunk = new TextEncoder().encode(fill.repeat(Math.ceil(65536 / fill.length)));
  return {
    name,
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

/**
 * A source that yields the given bytes in pieces cut at the given offsets.
 *
 * @example
 * chunkedSource('un.xml', bytes, [10, 11]); // yields bytes 0–9, 10, 11–end
 */
export function chunkedSource(name: string, bytes: Uint8Array, cuts: readonly number[]): SourceFile {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(bytes.length, c))))].sort((a, b) => a - b);
  return {
    name,
    size: bytes.length,
    async *open() {
      let start = 0;
      for (const end of [...points, bytes.length]) {
        if (end > start) yield bytes.subarray(start, end);
        start = Math.max(start, end);
      }
    },
  };
}
