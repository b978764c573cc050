import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { fixtureEntities } from '../test-support.js';
import { generatePairs, PAIR_KINDS, pairsToCsv } from './generate-pairs.js';

const entities = fixtureEntities();

describe('generatePairs', () => {
  it('is deterministic for a seed and varies with it', () => {
    expect(generatePairs(entities, { seed: 1, perKind: 20 })).toEqual(generatePairs(entities, { seed: 1, perKind: 20 }));
    expect(generatePairs(entities, { seed: 1, perKind: 20 })).not.toEqual(generatePairs(entities, { seed: 2, perKind: 20 }));
  });

  it('labels variants of one listed name true and different names false', () => {
    const pairs = generatePairs(entities, { seed: 3, perKind: 30 });
    for (const p of pairs) {
      expect(PAIR_KINDS).toContain(p.kind);
      expect(p.isMatch).toBe(['alias', 'romanisation', 'reordered', 'joined', 'typo'].includes(p.kind));
      expect(p.name1).not.toBe(p.name2);
    }
    const kinds = new Set(pairs.map((p) => p.kind));
    for (const kind of ['romanisation', 'reordered', 'joined', 'typo', 'shared-surname', 'one-syllable', 'random'] as const) expect(kinds).toContain(kind);
  });

  it('makes one-syllable variants that differ from every listed name', () => {
    const listed = new Set(entities.flatMap((e) => [...(e.properties['name'] ?? []), ...(e.properties['alias'] ?? [])]).map((n) => n.toLowerCase()));
    for (const p of generatePairs(entities, { seed: 4, perKind: 30 }).filter((x) => x.kind === 'one-syllable')) {
      expect(listed.has(p.name2.toLowerCase())).toBe(false);
    }
  });

  it('writes the pairs as the CSV `compare --pairs` reads', () => {
    const pairs = generatePairs(entities, { seed: 5, perKind: 5 });
    const rows = parse(pairsToCsv(pairs), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(pairs.length);
    expect(rows[0]).toEqual({ schema: pairs[0]?.schema, name1: pairs[0]?.name1, name2: pairs[0]?.name2, is_match: String(pairs[0]?.isMatch), kind: pairs[0]?.kind });
  });
});
