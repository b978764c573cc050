import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../errors.js';
import { memorySource, type SourceFile } from '../../source.js';
import type { ParsedList } from '../../types.js';
import { chunkedSource, lazySource } from './xml-sources.js';

/** One XML list parser, and what the shared hostile-input tests need to know about its format. */
export interface XmlListParserCase {
  parse(src: SourceFile): Promise<ParsedList>;
  /** `ParsedList.format` of a successful parse. */
  format: string;
  /** Name given to the sources under test. */
  fileName: string;
  /** A valid document that parses into at least one entity. */
  valid: string;
  /** The root element's name. */
  root: string;
  /** The start of a document, up to the opening of a text node inside a record. */
  openTextNode: string;
  /** Runs of each property (the parsers' cost per document differs). */
  numRuns?: number;
}

/**
 * The fuzz and hostile-input tests every XML list parser must pass: whatever the bytes, the answer is
 * a whole list or an InputError naming the file (and line), never a partial list, another error, a
 * hang or unbounded reading. Call inside a test file.
 *
 * @example
 * describeHostileXmlInput('parseOfacXml', { parse: (src) => parseOfacXml([src], {}), format: 'ofac-xml', ... });
 */
export function describeHostileXmlInput(title: string, c: XmlListParserCase): void {
  const runs = c.numRuns ?? 150;
  const validBytes = new TextEncoder().encode(c.valid);
  const outcome = (src: SourceFile | string | Uint8Array): Promise<ParsedList | Error> => {
    const source = typeof src === 'string' || src instanceof Uint8Array ? memorySource(c.fileName, src) : src;
    return c.parse(source).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  };
  const expectListOrInputError = (result: ParsedList | Error): void => {
    if (result instanceof Error) expect(result).toBeInstanceOf(InputError);
    else expect(result.format).toBe(c.format);
  };

  describe(`${title} under hostile and broken XML`, () => {
    it('parses the base document (so the properties below start from valid input)', async () => {
      const parsed = await outcome(c.valid);
      if (parsed instanceof Error) throw parsed;
      expect(parsed.entities.length).toBeGreaterThan(0);
    });

    it('refuses every truncation with an InputError naming the file and a line, never a partial list', async () => {
      const rootEnd = validBytes.lastIndexOf('>'.charCodeAt(0));
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: rootEnd }), async (cut) => {
          const bytes = validBytes.slice(0, cut);
          const result = await outcome(bytes);
          expect(result).toBeInstanceOf(InputError);
          expect((result as InputError).source).toBe(c.fileName);
          expect((result as InputError).line).toBeGreaterThanOrEqual(1);
          expect((result as InputError).line).toBeLessThanOrEqual(new TextDecoder().decode(bytes).split('\n').length);
        }),
        { numRuns: runs },
      );
    });

    it('refuses random text and bytes with an InputError', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 500 }), fc.uint8Array({ maxLength: 2000 })), async (junk) => {
          expect(await outcome(junk)).toBeInstanceOf(InputError);
        }),
        { numRuns: runs },
      );
    });

    it('answers garbage spliced in or written over part of the document by a list or an InputError only', async () => {
      const splice = fc
        .tuple(fc.integer({ min: 0, max: c.valid.length }), fc.string({ minLength: 1, maxLength: 20 }))
        .map(([at, junk]) => c.valid.slice(0, at) + junk + c.valid.slice(at));
      const overwrite = fc
        .tuple(fc.integer({ min: 0, max: validBytes.length - 1 }), fc.uint8Array({ minLength: 1, maxLength: 40 }))
        .map(([at, garbage]) => {
          const bytes = validBytes.slice();
          bytes.set(garbage.subarray(0, bytes.length - at), at);
          return bytes;
        });
      await fc.assert(
        fc.asyncProperty(fc.oneof(splice, overwrite), async (broken) => expectListOrInputError(await outcome(broken))),
        { numRuns: runs },
      );
    });

    it('refuses a byte sequence that is not UTF-8, wherever it is', async () => {
      const invalid = fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x80]);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: validBytes.length }), invalid, async (at, bad) => {
          const result = await outcome(new Uint8Array([...validBytes.subarray(0, at), ...bad, ...validBytes.subarray(at)]));
          expect(result).toBeInstanceOf(InputError);
          expect((result as Error).message).toMatch(/UTF-8/);
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    });

    it('gives the same result however the file is cut into chunks, even inside a multi-byte character', async () => {
      const whole = await outcome(validBytes);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 0, max: validBytes.length }), { maxLength: 20 }), async (cuts) => {
          expect(await outcome(chunkedSource(c.fileName, validBytes, cuts))).toEqual(whole);
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    });

    it('refuses a "billion laughs" DOCTYPE quickly, without expanding anything, naming its line', async () => {
      const lol = ['<!ENTITY lol0 "lol">'];
      for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      const bomb = `<?xml version="1.0"?>\n<!DOCTYPE ${c.root} [\n${lol.join('\n')}\n]>\n<${c.root}>&lol9;</${c.root}>`;
      const started = performance.now();
      const result = await outcome(bomb);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result).toBeInstanceOf(InputError);
      expect((result as Error).message).toMatch(new RegExp(`^${escapeRegExp(c.fileName)}:13: DOCTYPE declarations are refused`));
    });

    it('stops reading a lazily generated 1 GiB text node soon after the limit', async () => {
      const src = lazySource(c.openTextNode, 'A', 1 << 30, c.fileName);
      const result = await outcome(src);
      expect(result).toBeInstanceOf(InputError);
      expect((result as Error).message).toMatch(/longer than 1048576 characters/);
      expect(src.produced()).toBeLessThan(4 << 20);
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
