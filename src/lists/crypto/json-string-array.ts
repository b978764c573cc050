import { InputError } from '../../errors.js';

export interface LocatedString {
  value: string;
  line: number;
}

/**
 * Parses a JSON document that must be an array of strings, keeping each element's line number.
 * Anything else (another JSON type, a non-string element, trailing data, a truncated file) is an
 * InputError naming the file and the line.
 *
 * @example
 * parseJsonStringArray('[\n  "a",\n  "b"\n]', 'x.json'); // [{ value: 'a', line: 2 }, { value: 'b', line: 3 }]
 */
export function parseJsonStringArray(text: string, fileName: string): LocatedString[] {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const fail = (detail: string): never => {
    throw new InputError(fileName, `not a JSON array of strings: ${detail}`, line);
  };
  const skipWhitespace = (): void => {
    while (pos < text.length) {
      const ch = text[pos];
      if (ch === '\n') line++;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r') return;
      pos++;
    }
  };
  const describe = (): string => (pos >= text.length ? 'the file ends' : `found '${text[pos]}'`);

  skipWhitespace();
  if (text[pos] !== '[') fail(`expected '[', ${describe()}`);
  pos++;
  const out: LocatedString[] = [];
  skipWhitespace();
  if (text[pos] === ']') {
    pos++;
  } else {
    while (true) {
      skipWhitespace();
      if (text[pos] !== '"') fail(`element ${out.length + 1} is not a string (${describe()})`);
      const start = pos;
      pos++;
      while (pos < text.length && text[pos] !== '"') {
        const code = text.charCodeAt(pos);
        if (code < 0x20) fail(`control character inside a string`);
        pos += text[pos] === '\\' ? 2 : 1;
      }
      if (pos >= text.length) fail('the file ends inside a string');
      pos++;
      let value: unknown;
      try {
        value = JSON.parse(text.slice(start, pos));
      } catch {
        fail(`invalid escape in element ${out.length + 1}`);
      }
      out.push({ value: value as string, line });
      skipWhitespace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        break;
      }
      fail(`expected ',' or ']' after element ${out.length}, ${describe()}`);
    }
  }
  skipWhitespace();
  if (pos < text.length) fail(`unexpected data after the array (${describe()})`);
  return out;
}
