import type { CaseDetail } from '../cases/case.js';
import { caseFtm } from '../cases/case-ftm.js';
import type { FtmEntity } from '../ftm/entity.js';
import type { Store } from '../store/store.js';
import type { Incident } from '../tracing/labels/incidents.js';
import { loadLabels } from '../tracing/labels/load-labels.js';
import type { TaintModel } from '../tracing/taint-engine.js';
import { caseDocument } from './case-document.js';
import { caseReportData, type CaseReportData, type CaseReportSources } from './case-report.js';
import type { ReportDocument } from './document.js';
import { incidentDocument } from './incident-document.js';
import { incidentLookup } from './incident-lookup.js';
import { incidentReportData, type IncidentReportData } from './incident-report.js';
import { loadIncidentTrace } from './load-incident-trace.js';

export interface IncidentReportOptions {
  /** Home directory holding the chain store; without it the report has the registry facts only. */
  home?: string;
  /** The list store, for the labels of listed wallets. */
  lists?: Store;
  model: TaintModel;
  hops: number;
  maxAddresses?: number;
}

/**
 * An incident report, ready to render: traced over the home's chain store when it holds the incident's
 * transfers, otherwise the registry facts with the reason.
 *
 * @example
 * const { document } = await makeIncidentReport(incident, { home, lists, model: 'haircut', hops: 10 });
 * writeFileSync('bybit.html', renderHtml(document));
 */
export async function makeIncidentReport(incident: Incident, o: IncidentReportOptions): Promise<{ data: IncidentReportData; document: ReportDocument }> {
  const trace = o.home
    ? await loadIncidentTrace(o.home, o.lists, incident, { model: o.model, hops: o.hops })
    : { unavailable: 'this server has no chain store (it runs on a database server without a home directory)' };
  const data = incidentReportData(incident, trace);
  return { data, document: incidentDocument(data, o.maxAddresses === undefined ? {} : { maxAddresses: o.maxAddresses }) };
}

export interface CaseReportOptions {
  store: Store;
  /** Home directory: user labels and local incidents. */
  home?: string;
  audit?: CaseReportSources['audit'];
}

/**
 * A case report, ready to render: entity details from the store, address labels, incidents, audit entries.
 *
 * @example
 * const { document } = await makeCaseReport(detail, { store, home, audit });
 */
export async function makeCaseReport(detail: CaseDetail, o: CaseReportOptions): Promise<{ data: CaseReportData; document: ReportDocument }> {
  const hasAddresses = detail.items.some((i) => i.kind === 'address');
  const labels = hasAddresses && o.home ? await loadLabels(o.store, o.home) : undefined;
  const data = await caseReportData(detail, {
    store: o.store,
    ...(labels ? { labels: (a: string) => labels.get(a) } : {}),
    findIncident: incidentLookup(o.home),
    ...(o.audit ? { audit: o.audit } : {}),
  });
  return { data, document: caseDocument(data) };
}

/**
 * A case as FollowTheMoney entities (see `caseFtm`), with its listed entities read from the store.
 *
 * @example
 * const lines = (await caseExport(detail, { store, home })).map((e) => JSON.stringify(e)).join('\n');
 */
export async function caseExport(detail: CaseDetail, o: { store: Store; home?: string }): Promise<FtmEntity[]> {
  const entities = new Map<string, FtmEntity>();
  for (const item of detail.items) {
    if (item.kind !== 'entity') continue;
    const found = await o.store.getEntity(item.ref);
    if (found) entities.set(item.ref, found.entity);
  }
  const findIncident = incidentLookup(o.home);
  const incidents = new Map<string, Incident>();
  for (const item of detail.items) {
    const incident = item.kind === 'incident' ? findIncident(item.ref) : undefined;
    if (incident) incidents.set(item.ref, incident);
  }
  return caseFtm(detail, { entities, incidents });
}

/**
 * FtM entities as JSON lines (`entities.ftm.json` style), one entity a line.
 *
 * @example
 * writeFileSync('case-1.ftm.json', ftmLines(await caseExport(detail, { store })));
 */
export function ftmLines(entities: readonly FtmEntity[]): string {
  return entities.map((e) => JSON.stringify(e)).join('\n') + (entities.length ? '\n' : '');
}
