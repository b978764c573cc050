import { describe, expect, it } from 'vitest';
import { algorithmParam, entityExample, isMatchableSchema, numberParam } from './params.js';

describe('numberParam', () => {
  const limit = numberParam({ min: 1, max: 500, int: true });
  it('reads numbers written in the query string and refuses empty, fractional, out-of-range and non-numbers', () => {
    expect(limit.parse('25')).toBe(25);
    for (const bad of ['', ' ', '0', '501', '2.5', 'ten', 'NaN']) expect(limit.safeParse(bad).success, bad).toBe(false);
    expect(numberParam({ min: 0, max: 1 }).parse('0.85')).toBe(0.85);
  });
});

describe('algorithmParam', () => {
  it('reads yente names as aliases of logic', () => {
    expect(['logic', 'best', 'logic-v2', 'ofac'].map((a) => algorithmParam.parse(a))).toEqual(['logic', 'logic', 'logic', 'ofac']);
    expect(algorithmParam.safeParse('regression-v1').success).toBe(false);
  });
});

describe('entityExample', () => {
  it('turns single strings into lists and ignores keys that are not part of a query', () => {
    expect(entityExample.parse({ schema: 'Person', properties: { name: 'Kim Jong Un', birthDate: ['1984'] }, caption: 'x', datasets: ['a'] })).toEqual({
      schema: 'Person',
      properties: { name: ['Kim Jong Un'], birthDate: ['1984'] },
    });
  });

  it('refuses unknown and unmatchable schemata, unknown properties and non-string values, with the path', () => {
    const issues = (v: unknown) => entityExample.safeParse(v).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues({ schema: 'Persn', properties: {} })).toEqual([['schema', expect.stringContaining('unknown or unmatchable schema "Persn"')]]);
    expect(issues({ schema: 'Sanction', properties: {} })?.[0]?.[0]).toBe('schema');
    expect(issues({ schema: 'Person', properties: { imoNumber: ['1'] } })).toEqual([['properties.imoNumber', 'schema Person has no property "imoNumber"']]);
    expect(issues({ schema: 'Person', properties: { name: [1] } })?.[0]?.[0]).toBe('properties.name');
    expect(issues({ schema: 'Person', properties: { name: 'x'.repeat(1001) } })?.[0]?.[0]).toBe('properties.name');
  });

  it('knows which schemata can be matched', () => {
    expect(['Person', 'Company', 'Vessel', 'CryptoWallet', 'LegalEntity'].every(isMatchableSchema)).toBe(true);
    expect(['Sanction', 'Identification', 'Nope'].some(isMatchableSchema)).toBe(false);
  });
});
