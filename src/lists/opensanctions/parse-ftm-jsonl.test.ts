import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import type { SourceFile } from '../source.js';
import { fileSource, memorySource } from '../source.js';
import { parseFtmJsonl, sniffFtmJsonl } from './parse-ftm-jsonl.js';

const SHARED = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const SAMPLE = `${SHARED}names/sample_entities.ftm.json`;

const line = (e: object) => JSON.stringify(e);
const PERSON = { id: 'p1', schema: 'Person', properties: { name: ['KIM Jong Un'] }, datasets: ['un_sc_sanctions'], target: true };
const SANCTION = { id: 's1', schema: 'Sanction', properties: { entity: ['p1'], programId: ['UN-SC1718'] }, datasets: ['un_sc_sanctions'] };

async function refusal(content: string): Promise<InputError> {
  try {
    await parseFtmJsonl([memorySource('e.ftm.json', content)], {});
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('sniffFtmJsonl', () => {
  it('recognises FtM lines, even cut short, and nothing else', () => {
    expect(sniffFtmJsonl(`${line(PERSON)}\n`, 'x.json')).toBe(true);
    expect(sniffFtmJsonl(line(PERSON).slice(0, 60), 'x.json')).toBe(true);
    expect(sniffFtmJsonl('\n\n' + line(SANCTION), 'x.jsonl')).toBe(true);
    expect(sniffFtmJsonl('["0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c"]', 'x.json')).toBe(false);
    expect(sniffFtmJsonl('{"a": 1}\n', 'x.json')).toBe(false);
    expect(sniffFtmJsonl('', 'x.json')).toBe(false);
  });
});

describe('parseFtmJsonl on snippets', () => {
  it('reads one entity per line with provenance, naming the list after the first dataset', async () => {
    const list = await parseFtmJsonl([memorySource('e.ftm.json', `${line(PERSON)}\n\n${line(SANCTION)}\n`)], { sourceUrl: 'https://example.org/e' });
    expect(list).toMatchObject({ list: 'un_sc_sanctions', format: 'ftm-jsonl', publishedAt: null, sourceUrl: 'https://example.org/e', warnings: [] });
    expect(list.entities.map((e) => [e.id, e.provenance?.line, e.provenance?.programs])).toEqual([
      ['p1', 1, []],
      ['s1', 3, ['UN-SC1718']],
    ]);
    expect(list.entities[0]).toMatchObject({ target: true, provenance: { list: 'un_sc_sanctions', entryId: 'p1', file: 'e.ftm.json', sourceUrl: 'https://example.org/e' } });
  });

  it('uses the list option, else the file name when there is no dataset', async () => {
    expect((await parseFtmJsonl([memorySource('e.ftm.json', line(PERSON))], { list: 'mine' })).list).toBe('mine');
    const bare = await parseFtmJsonl([memorySource('dir/kp_rusi.ftm.json', line({ id: 'x', schema: 'Person', properties: {} }))], {});
    expect(bare.list).toBe('kp_rusi');
    expect(bare.entities[0]?.datasets).toEqual(['kp_rusi']);
  });

  it('emits nested entities once, preferring a top-level line for the same id', async () => {
    const nested = { id: 'p2', schema: 'Person', properties: { addressEntity: [{ id: 'a1', schema: 'Address', properties: { full: ['nested'] } }] } };
    const address = { id: 'a1', schema: 'Address', properties: { full: ['top level'] } };
    const list = await parseFtmJsonl([memorySource('e.ftm.json', `${line(nested)}\n${line(address)}\n`)], {});
    expect(list.entities.map((e) => [e.id, e.properties.full?.[0] ?? null, e.provenance?.line])).toEqual([
      ['p2', null, 1],
      ['a1', 'top level', 2],
    ]);
  });

  it('warns about a repeated id and unknown top-level fields, keeping the first', async () => {
    const list = await parseFtmJsonl([memorySource('e.ftm.json', `${line(PERSON)}\n${line({ ...PERSON, properties: { name: ['other'] }, extra: 1 })}`)], {});
    expect(list.entities).toHaveLength(1);
    expect(list.entities[0]?.properties.name).toEqual(['KIM Jong Un']);
    expect(list.warnings).toEqual(['e.ftm.json:2: entity p1 repeats line 1; the first is kept', 'e.ftm.json:2: field "extra" is not part of the FtM entity format; ignored']);
  });

  it('reads a file with a BOM, CRLF line ends and no final newline', async () => {
    const list = await parseFtmJsonl([memorySource('e.ftm.json', `\uFEFF${line(PERSON)}\r\n${line(SANCTION)}`)], {});
    expect(list.entities).toHaveLength(2);
  });

  it.each([
    ['a truncated last line', `${line(PERSON)}\n${line(SANCTION).slice(0, 30)}`, 2, undefined, /not a valid JSON line/],
    ['garbage', `${line(PERSON)}\nhello\n`, 2, undefined, /not a valid JSON line/],
    ['an unknown property', `${line(PERSON)}\n${line({ ...SANCTION, properties: { colour: ['red'] } })}`, 2, 'colour', /schema Sanction has no property "colour"/],
    ['a number value', line({ ...PERSON, properties: { name: [42] } }), 1, 'name', /value 1 is a number/],
    ['an unknown schema', line({ ...PERSON, schema: 'Human' }), 1, 'schema', /unknown FollowTheMoney schema "Human"/],
  ])('refuses %s with an InputError naming file, line and field', async (_what, content, lineNo, field, message) => {
    const err = await refusal(content);
    expect(err.source).toBe('e.ftm.json');
    expect(err.line).toBe(lineNo);
    expect(err.field).toBe(field);
    expect(err.message).toMatch(message);
  });

  it('refuses a lazily generated 1 GB line early', async () => {
    let served = 0;
    const chunk = new TextEncoder().encode('{"id":"x","schema":"Person","properties":{"name":["' + 'a'.repeat((1 << 20) - 52));
    const filler = new Uint8Array(1 << 20).fill(0x61);
    const huge: SourceFile = {
      name: 'huge.ftm.json',
      async *open() {
        served += chunk.byteLength;
        yield chunk;
        while (served < 1 << 30) {
          served += filler.byteLength;
          yield filler;
        }
      },
    };
    await expect(parseFtmJsonl([huge], {})).rejects.toThrow('huge.ftm.json:1: line is longer than 16777216 bytes');
    expect(served).toBeLessThanOrEqual(18 << 20);
  });

  it('property: a line with a property value that is not a string is refused naming that line and property', async () => {
    const badValue = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.double());
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.nat(), badValue, fc.constantFrom('name', 'birthDate', 'nationality'), async (count, pick, bad, prop) => {
        const badLine = pick % count;
        const lines = Array.from({ length: count }, (_, i) =>
          line({ id: `p${i}`, schema: 'Person', properties: { [prop]: i === badLine ? ['ok', bad] : ['ok'] } }),
        );
        const err = await refusal(lines.join('\n'));
        expect(err.line).toBe(badLine + 1);
        expect(err.field).toBe(prop);
      }),
      { numRuns: 200 },
    );
  });

  it('property: any truncation of valid lines is read whole or refused, never partly', async () => {
    const content = [PERSON, SANCTION, { id: 'a', schema: 'Address', properties: { full: ['Pyongyang'] } }].map(line).join('\n');
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: content.length }), async (cut) => {
        const prefix = content.slice(0, cut);
        const completeLines = prefix.split('\n').filter((l) => l.trim() !== '');
        try {
          const list = await parseFtmJsonl([memorySource('e.ftm.json', prefix)], {});
          expect(list.entities).toHaveLength(completeLines.length);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: arbitrary text gives a list or an InputError, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json()), async (content) => {
        try {
          await parseFtmJsonl([memorySource('e.ftm.json', content)], {});
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!existsSync(SAMPLE))('parseFtmJsonl on the OpenSanctions sample (shared/data)', () => {
  it('reads 7 entities of eu_fsf: 4 Person, 2 Organization, 1 Address', async () => {
    const list = await parseFtmJsonl([fileSource(SAMPLE)], {});
    expect(list.list).toBe('eu_fsf');
    expect(list.warnings).toEqual([]);
    const schemas: Record<string, number> = {};
    for (const e of list.entities) schemas[e.schema] = (schemas[e.schema] ?? 0) + 1;
    expect(schemas).toEqual({ Person: 4, Organization: 2, Address: 1 });
    expect(list.entities.map((e) => e.provenance?.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(list.entities.every((e) => e.datasets.includes('eu_fsf') && e.first_seen && e.last_seen && e.last_change)).toBe(true);
  });

  it('keeps referents, target flags and multi-script names', async () => {
    const list = await parseFtmJsonl([fileSource(SAMPLE)], {});
    const tobacco = list.entities[0];
    expect(tobacco?.referents).toContain('ofac-32733');
    expect(tobacco?.target).toBe(true);
    expect(tobacco?.properties.name).toContain('Общество с ограниченной ответственностью “Интер Тобако”');
    expect(list.entities.find((e) => e.schema === 'Address')?.target).toBe(false);
  });
});
