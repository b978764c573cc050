import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../cases/case.js';
import type { FtmEntity } from '../ftm/entity.js';
import type { Store } from '../store/store.js';
import { caseDocument } from './case-document.js';
import { caseReportData } from './case-report.js';
import { renderHtml } from './render-html.js';

const at = '2026-01-02T03:04:05.000Z';
const detail: CaseDetail = {
  id: 4,
  title: 'Ring 2',
  description: '',
  status: 'open',
  createdBy: 'alice',
  createdAt: at,
  updatedAt: at,
  items: [
    { id: 1, kind: 'entity', ref: 'ofac-20157', addedBy: 'alice', addedAt: at },
    { id: 2, kind: 'entity', ref: 'gone-1', label: 'Old entry', addedBy: 'alice', addedAt: at },
    { id: 3, kind: 'address', ref: '0x098b716b8aaf21512996dc57eb0615e2383e2f96', addedBy: 'alice', addedAt: at },
    { id: 4, kind: 'incident', ref: 'retired-2019', addedBy: 'alice', addedAt: at },
  ],
  decisions: [],
};

const KIM: FtmEntity = {
  id: 'ofac-20157',
  schema: 'Person',
  caption: 'KIM, Jong Un',
  properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'], alias: ['Jong Un KIM'] },
  datasets: ['us_ofac_sdn'],
  provenance: { list: 'us_ofac_sdn', entryId: '20157', programs: ['DPRK3'], sourceUrl: 'https://sanctionssearch.ofac.treas.gov/' },
};

const store = {
  getEntity: async (id: string) => (id === KIM.id ? { entity: KIM, version: { list: 'us_ofac_sdn', seq: 2, publishedAt: '2024-05-03' }, related: [] } : null),
} as unknown as Store;

describe('case report', () => {
  it('shows listed entities with their listing, says which are gone, and labels addresses', async () => {
    const data = await caseReportData(detail, {
      store,
      labels: (a) => (a.startsWith('0x098b') ? [{ address: a, category: 'sanctioned', name: 'LAZARUS GROUP', origin: 'ofac', confidence: 100 }] : []),
      findIncident: () => undefined,
    });
    expect(data.entities.map((e) => [e.item.ref, e.entity?.id ?? null, e.version?.seq ?? null])).toEqual([
      ['ofac-20157', 'ofac-20157', 2],
      ['gone-1', null, null],
    ]);
    expect(data.audit).toBeNull();
    const html = renderHtml(caseDocument(data));
    expect(html).toContain('<dt>Items</dt><dd>2 entities, 1 address, 1 incident</dd>');
    expect(html).toContain('KIM, Jong Un (Person, ofac-20157)');
    expect(html).toContain('<dd>us_ofac_sdn@2, entry 20157, published 2024-05-03</dd>');
    expect(html).toContain('gone-1 is no longer in the active list versions');
    expect(html).toContain('sanctioned: LAZARUS GROUP (ofac)');
    expect(html).toContain('not in the registry any more');
    expect(html).toContain('This report was made without the audit trail');
    expect(html).toContain('no decision yet');
  });

  it('reads the audit entries whose subject is the case', async () => {
    const asked: unknown[] = [];
    const data = await caseReportData(detail, {
      store,
      findIncident: () => undefined,
      audit: {
        list: async (q) => {
          asked.push(q);
          return [];
        },
      },
    });
    expect(asked).toEqual([{ subject: 'case:4', order: 'asc', limit: 1000 }]);
    expect(renderHtml(caseDocument(data))).toContain('no audit entry about this case');
  });
});
