import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../ftm/entity.js';
import { searchFacets } from './search-facets.js';

const entity = (id: string, schema: string, properties: Record<string, string[]>, datasets: string[]): FtmEntity => ({ id, schema, properties, datasets, target: true });

describe('search facets', () => {
  it('count each country, topic and dataset once per entity, from every country-typed property, most frequent first', () => {
    const facets = searchFacets([
      entity('a', 'Person', { name: ['A'], nationality: ['kp'], country: ['kp', 'cn'], topics: ['sanction', 'sanction'] }, ['un_sc', 'us_ofac_sdn']),
      entity('b', 'Vessel', { name: ['B'], flag: ['kp'] }, ['us_ofac_sdn']),
      entity('c', 'Company', { name: ['C'], jurisdiction: ['RU'], topics: ['sanction'] }, ['us_ofac_sdn']),
      entity('d', 'NotASchema', { country: ['kp'] }, ['x']),
    ]);
    expect(facets.countries).toEqual({
      label: 'Countries',
      values: [
        { name: 'kp', label: 'North Korea', count: 2 },
        { name: 'cn', label: 'China', count: 1 },
        { name: 'ru', label: 'Russia', count: 1 },
      ],
    });
    expect(facets.topics.values).toEqual([{ name: 'sanction', label: 'Sanctioned entity', count: 2 }]);
    expect(facets.datasets.values.map((v) => [v.name, v.count])).toEqual([
      ['us_ofac_sdn', 3],
      ['un_sc', 1],
      ['x', 1],
    ]);
  });

  it('are empty for no entities', () => {
    expect(searchFacets([])).toEqual({ countries: { label: 'Countries', values: [] }, topics: { label: 'Topics', values: [] }, datasets: { label: 'Data sources', values: [] } });
  });
});
