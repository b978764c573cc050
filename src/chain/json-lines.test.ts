import { describe, expect, it } from 'vitest';
import { memorySource } from '../lists/source.js';
import { readJsonLines } from './json-lines.js';
import { JsonNumber } from './lossless-json.js';

async function read(text: string) {
  const out: unknown[] = [];
  const lines: number[] = [];
  for await (const c of readJsonLines(memorySource('x.json', text))) {
    out.push(...c.objects);
    lines.push(...c.lines);
  }
  return { out, lines };
}

describe('JSON lines', () => {
  it('reads one object per line with exact numbers, skipping blank lines', async () => {
    expect(await read('{"a": 1}\n\n{"value": 7056176614974947328}\r\n')).toEqual({ out: [{ a: 1 }, { value: new JsonNumber('7056176614974947328') }], lines: [1, 3] });
  });

  it('names the line of anything else', async () => {
    await expect(read('{"a": 1}\n{"a": \n')).rejects.toThrow(/^x\.json:2: not a JSON object: /);
    await expect(read('{"a": 1}\n[1, 2]\n')).rejects.toThrow('x.json:2: expected one JSON object per line');
    await expect(read('[\n{"a": 1}\n]')).rejects.toThrow(/x\.json:1: not a JSON object: .*\(a JSON array: export newline-delimited JSON, one object per line\)$/);
  });
});
