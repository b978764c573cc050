import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { readLabelsFile } from './labels-file.js';
import { DEMO_LABELS_FILE } from './paths.js';

const dir = mkdtempSync(join(tmpdir(), 'cf-labels-file-'));

describe('readLabelsFile', () => {
  it('reads the demo labels: the scenario services, marked as generated', () => {
    const labels = readLabelsFile(DEMO_LABELS_FILE);
    const services = labels.filter((l) => l.category !== 'stolen_funds');
    expect(new Set(services.map((l) => l.category))).toEqual(new Set(['exchange', 'bridge', 'mixer', 'otc', 'dex', 'instant_exchanger']));
    expect(labels.every((l) => l.origin === 'demo' && /generated demo scenario/.test(l.source ?? ''))).toBe(true);
  });

  it('names the file and field of a bad label', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ labels: [{ address: '0x1', category: 'bank', name: 'x', origin: 'demo', confidence: 1 }] }));
    expect(() => readLabelsFile(file)).toThrow(new RegExp(`^${file} \\(labels\\.0\\.category\\): `));
  });

  it('reads any file content as labels or an InputError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ labels: [v] }))), (text) => {
        const file = join(dir, 'any.json');
        writeFileSync(file, text);
        try {
          expect(Array.isArray(readLabelsFile(file))).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
