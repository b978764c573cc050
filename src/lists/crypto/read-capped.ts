import { InputError } from '../../errors.js';
import type { SourceFile } from '../source.js';
import { readText } from '../source.js';

/**
 * Reads a whole (small) file as strict UTF-8, refusing it as soon as it grows past `maxBytes`, so a
 * hostile or mistaken multi-gigabyte input fails early instead of filling memory.
 *
 * @example
 * const text = await readCappedText(memorySource('a.yaml', 'tags: []'), 1024);
 */
export async function readCappedText(src: SourceFile, maxBytes: number, onBytes?: (bytes: number) => void): Promise<string> {
  if (src.size !== undefined && src.size > maxBytes) {
    throw new InputError(src.name, `file of ${src.size} bytes is larger than the ${maxBytes}-byte limit for this format`);
  }
  const parts: string[] = [];
  let length = 0;
  for await (const text of readText(src, onBytes)) {
    length += text.length;
    if (length > maxBytes) throw new InputError(src.name, `file is larger than the ${maxBytes}-byte limit for this format; refusing to read it`);
    parts.push(text);
  }
  return parts.join('');
}
