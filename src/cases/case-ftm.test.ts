import { describe, expect, it } from 'vitest';
import { isSchema, schemaProperties } from '../ftm/model.js';
import type { FtmEntity } from '../ftm/entity.js';
import { traceFtm } from '../tracing/trace-export.js';
import type { CaseDetail } from './case.js';
import { caseEntityId, caseFtm } from './case-ftm.js';

const LAZARUS: FtmEntity = { id: 'ofac-27307', schema: 'Organization', caption: 'LAZARUS GROUP', properties: { name: ['LAZARUS GROUP'] }, datasets: ['us_ofac_sdn'] };
const ADDRESS = '0x47666fab8bd0ac7003bce3f5c3585383f09486e2';

const detail: CaseDetail = {
  id: 7,
  title: 'Bybit layering',
  description: 'from the FBI PSA',
  status: 'open',
  createdBy: 'alice',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-03T00:00:00.000Z',
  items: [
    { id: 1, kind: 'address', ref: ADDRESS, label: 'receiver', addedBy: 'alice', addedAt: '2026-01-02T03:05:00.000Z' },
    { id: 2, kind: 'entity', ref: 'ofac-27307', addedBy: 'alice', addedAt: '2026-01-02T03:06:00.000Z' },
    { id: 3, kind: 'entity', ref: 'gone-1', label: 'Old entry', addedBy: 'bob', addedAt: '2026-01-02T03:07:00.000Z' },
    { id: 4, kind: 'worker', ref: 'W-9', label: '김철수', addedBy: 'bob', addedAt: '2026-01-02T03:08:00.000Z' },
    { id: 5, kind: 'note', ref: 'called the exchange', addedBy: 'bob', addedAt: '2026-01-02T03:09:00.000Z' },
  ],
  decisions: [{ id: 1, decision: 'block', reason: 'on the FBI list', actor: 'alice', at: '2026-01-03T00:00:00.000Z' }],
};

describe('caseFtm', () => {
  const entities = caseFtm(detail, { entities: new Map([[LAZARUS.id, LAZARUS]]), incidents: new Map() });

  it('writes the case as a Project linked to each item, with notes and decisions as Notes', () => {
    const project = entities[0]!;
    expect(project).toMatchObject({ id: caseEntityId(7), schema: 'Project', properties: { name: ['Bybit layering'], status: ['open'], projectId: ['7'] } });
    const links = entities.filter((e) => e.schema === 'UnknownLink');
    expect(links.map((l) => l.properties.role?.[0])).toEqual(['case item: address', 'case item: entity', 'case item: entity', 'case item: worker']);
    expect(links.every((l) => l.properties.subject?.[0] === project.id)).toBe(true);
    const ids = new Set(entities.map((e) => e.id));
    for (const l of links) expect(ids.has(l.properties.object![0]!)).toBe(true);
    expect(entities.find((e) => e.id === 'ofac-27307')).toBe(LAZARUS);
    expect(entities.find((e) => e.id === 'gone-1')?.properties.notes?.[0]).toMatch(/not in the active list versions/);
    const notes = entities.filter((e) => e.schema === 'Note');
    expect(notes.map((n) => n.properties.description?.[0])).toEqual(['called the exchange', 'on the FBI list']);
  });

  it('uses only valid schemata and properties, and the wallet id a trace export gives the same address', () => {
    for (const e of entities) {
      expect(isSchema(e.schema)).toBe(true);
      for (const p of Object.keys(e.properties)) expect(schemaProperties(e.schema).has(p)).toBe(true);
    }
    const traced = traceFtm({ addresses: [{ address: ADDRESS, asset: 'native', tainted_received: 1, tainted_balance: 1, hop: 0, labels: [] }], edges: [], exits: [], patterns: [] }, 'ethereum');
    expect(entities.some((e) => e.id === traced[0]!.id && e.schema === 'CryptoWallet')).toBe(true);
  });
});
