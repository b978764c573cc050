import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleById } from './index.js';
import type { Rule } from './types.js';

const FAMILY_FILES = ['activity', 'conduct', 'devices', 'identity', 'interviews', 'network', 'payments', 'platform', 'post-hire', 'rings', 'sanctions', 'shipping'];

describe('the rule catalogue', () => {
  it('has unique ids, each with a title, data fields, a severity, a weight and a dated, linked source', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(50);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.fields.length).toBeGreaterThan(0);
      expect(r.weight).toBeGreaterThan(0);
      expect(r.weight).toBeLessThanOrEqual(0.9);
      expect(r.source.url).toMatch(/^https:\/\//);
      expect(r.source.date).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
      expect(ruleById(r.id)).toBe(r);
    }
  });

  it('cites every advisory the issue names: G22, PSA23, PSA24, PSA25, ROK22, OFSI24', () => {
    const tags = new Set(ALL_RULES.flatMap((r) => [r.source.tag, ...r.seeAlso.map((s) => s.tag)]).map((t) => t.replace(/[pcmf]$/, '')));
    for (const tag of ['G22', 'PSA23', 'PSA24', 'PSA25', 'ROK22', 'OFSI24']) expect(tags).toContain(tag);
  });

  it('has a test for every rule in its family test file (a case that fires and a near miss)', async () => {
    const missing: string[] = [];
    for (const family of FAMILY_FILES) {
      const module = (await import(`./${family}.js`)) as Record<string, unknown>;
      const text = readFileSync(new URL(`./${family}.test.ts`, import.meta.url), 'utf8');
      for (const [name, value] of Object.entries(module)) {
        if (!ALL_RULES.includes(value as Rule)) continue;
        if (!text.includes(`testRule(${name},`) && !text.includes(`describe(${name}.id`)) missing.push(`${(value as Rule).id} (${family}.test.ts)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
