import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../ftm/entity.js';
import { diffVersions } from './diff.js';

function entity(id: string, schema: string, props: Record<string, string[]>, entryId: string, target = false): FtmEntity {
  return { id, schema, properties: props, datasets: ['t'], target, caption: props.name?.[0], provenance: { list: 't', entryId, programs: [] } };
}

describe('diffVersions', () => {
  const a = [
    entity('p1', 'Person', { name: ['KIM A'] }, 'E1', true),
    entity('p1-sanction', 'Sanction', { entity: ['p1'], program: ['DPRK'] }, 'E1'),
    entity('p2', 'Person', { name: ['RI B'] }, 'E2', true),
    entity('p3', 'Person', { name: ['PAK C'] }, 'E3', true),
  ];

  it('reports added, removed and changed entries with the properties that changed', () => {
    const b = [
      entity('p1', 'Person', { name: ['KIM A'] }, 'E1', true),
      entity('p1-sanction', 'Sanction', { entity: ['p1'], program: ['DPRK', 'DPRK3'] }, 'E1'),
      entity('p3', 'Person', { name: ['PAK C'] }, 'E3', true),
      entity('p4', 'Person', { name: ['CHOE D'] }, 'E4', true),
    ];
    const d = diffVersions(a, b);
    expect(d.added.map((x) => x.id)).toEqual(['p4']);
    expect(d.removed.map((x) => x.id)).toEqual(['p2']);
    expect(d.changed.map((x) => x.id)).toEqual(['p1']);
    expect(d.changed[0]?.changes).toEqual([{ entity: 'p1-sanction', property: 'program', removed: [], added: ['DPRK3'] }]);
    expect(d.unchanged).toBe(1);
  });

  it('does not count a change of file, line or publication date as a change', () => {
    const moved = a.map((e) => ({ ...e, provenance: { ...e.provenance!, file: 'other.xml', line: 99, publishedAt: '2027-01-01' } }));
    const d = diffVersions(a, moved);
    expect([d.added.length, d.removed.length, d.changed.length, d.unchanged]).toEqual([0, 0, 0, 3]);
  });
});
