import { describe, expect, it } from 'vitest';
import { parseWorkerRecord } from '../input/parse-record.js';
import { Population } from './population.js';

describe('Population', () => {
  const population = new Population({ seed: 42, size: 2000 });

  it('is deterministic and random-access: record i is the same however it is reached', () => {
    const again = new Population({ seed: 42, size: 2000 });
    for (const i of [1999, 0, 777, 778, 3]) expect(again.record(i)).toEqual(population.record(i));
    expect(new Population({ seed: 43, size: 2000 }).record(5)).not.toEqual(population.record(5));
  });

  it('writes valid records in the documented format, ids alike for every kind', () => {
    for (let i = 0; i < 2000; i += 7) {
      const r = parseWorkerRecord(population.record(i), { file: 'generated', line: i + 1 });
      expect(r.id).toBe(Population.id(i));
    }
  });

  it('mixes cultures, planted rings, households and offices in the intended shares', () => {
    const kinds = new Map<string, number>();
    const names = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const t = population.truth(i);
      kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
      names.add(String((population.record(i).names as string[])[0]).split(' ').pop() ?? '');
    }
    expect((kinds.get('ring') ?? 0) + (kinds.get('lone-worker') ?? 0)).toBeGreaterThan(15);
    expect(kinds.get('household')).toBeGreaterThan(150);
    expect(kinds.get('office')).toBeGreaterThan(100);
    expect(names.size).toBeGreaterThan(150);
  });

  it('gives every person their own e-mail addresses', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const e of population.record(i).emails as string[]) {
      expect(seen.get(e), e).toBeUndefined();
      seen.set(e, i);
    }
  });
});
