import type { CaseDetail, CaseItem } from '../cases/case.js';
import type { FtmEntity } from '../ftm/entity.js';
import type { AuditEntry, AuditQuery } from '../store/audit-log.js';
import type { ListVersion, Store } from '../store/store.js';
import type { Incident } from '../tracing/labels/incidents.js';
import type { Label } from '../tracing/labels/label.js';

/**
 * The audit subject of every action on a case (`case.create`, `case.item`, `case.decision`, `report.case`).
 *
 * @example
 * caseAuditSubject(3); // 'case:3'
 */
export function caseAuditSubject(caseId: number): string {
  return `case:${caseId}`;
}

export interface CaseEntityDetail {
  item: CaseItem;
  /** Null when the entity is no longer in the active list versions. */
  entity: FtmEntity | null;
  version: Pick<ListVersion, 'list' | 'seq' | 'publishedAt'> | null;
  related: FtmEntity[];
}

/** Everything a case report shows. */
export interface CaseReportData {
  generatedAt: string;
  case: CaseDetail;
  entities: CaseEntityDetail[];
  addresses: { item: CaseItem; labels: readonly Label[] }[];
  incidents: { item: CaseItem; incident: Incident | null }[];
  /** Entries of the audit trail about the case; null when the report was made without the trail. */
  audit: AuditEntry[] | null;
}

export interface CaseReportSources {
  store: Store;
  /** Labels of an address (lists, registry, user labels); none when not given. */
  labels?: (address: string) => readonly Label[];
  findIncident: (id: string) => Incident | undefined;
  audit?: { list(q: AuditQuery): Promise<AuditEntry[]> };
}

/**
 * Gathers a case report: the case, the stored entity behind every entity item (with its list version and
 * the entities of the same listing), the labels of every address, the incidents, and the audit entries
 * about the case.
 *
 * @example
 * const data = await caseReportData(detail, { store, findIncident: (id) => incidents.get(id), audit });
 */
export async function caseReportData(detail: CaseDetail, sources: CaseReportSources, generatedAt = new Date().toISOString()): Promise<CaseReportData> {
  const entities: CaseEntityDetail[] = [];
  for (const item of detail.items.filter((i) => i.kind === 'entity')) {
    const found = await sources.store.getEntity(item.ref);
    entities.push({
      item,
      entity: found?.entity ?? null,
      version: found ? { list: found.version.list, seq: found.version.seq, publishedAt: found.version.publishedAt } : null,
      related: found?.related ?? [],
    });
  }
  return {
    generatedAt,
    case: detail,
    entities,
    addresses: detail.items.filter((i) => i.kind === 'address').map((item) => ({ item, labels: sources.labels?.(item.ref) ?? [] })),
    incidents: detail.items.filter((i) => i.kind === 'incident').map((item) => ({ item, incident: sources.findIncident(item.ref) ?? null })),
    audit: sources.audit ? await sources.audit.list({ subject: caseAuditSubject(detail.id), order: 'asc', limit: 1000 }) : null,
  };
}
