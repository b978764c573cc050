import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseAuditSubject } from '../../reports/case-report.js';
import type { ReportDocument } from '../../reports/document.js';
import { incidentLookup, storeHome } from '../../reports/incident-lookup.js';
import { loadIncidentTrace } from '../../reports/load-incident-trace.js';
import { caseExport, ftmLines, makeCaseReport, makeIncidentReport } from '../../reports/make-reports.js';
import { renderHtml } from '../../reports/render-html.js';
import { renderPdf } from '../../reports/render-pdf.js';
import type { AuditLog } from '../../store/audit-log.js';
import type { CaseStore } from '../../store/case-store.js';
import type { Store } from '../../store/store.js';
import { traceFtm } from '../../tracing/trace-export.js';
import { recordAudit } from '../audit/record.js';
import { notFound } from '../errors.js';
import { caseParams, incidentParams, incidentReportQuerystring, traceExportQuerystring } from './schema.js';

export interface ReportRouteOptions {
  cases: CaseStore;
  store: Store;
  /** Home directory with the chain store, user labels and local incidents; default: the SQLite store's folder. */
  home?: string;
  /** The audit trail read for a case report's audit section; default: the app's (`app.auditTrail.log`). */
  audit?: AuditLog;
  /** Rows of an incident report's addresses appendix (default 300). */
  maxAddresses?: number;
}

type Format = 'html' | 'pdf';

async function send(reply: FastifyReply, document: ReportDocument, format: Format, filename: string): Promise<FastifyReply> {
  if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderHtml(document));
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}.pdf"`).send(await renderPdf(document));
}

function sendFtm(reply: FastifyReply, lines: string, filename: string): FastifyReply {
  return reply.type('application/x-ndjson; charset=utf-8').header('content-disposition', `attachment; filename="${filename}.ftm.json"`).send(lines);
}

/** File names from ids (case numbers and incident ids are already safe; this keeps it so). */
const fileName = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Reports and exports: `GET /reports/incidents/{id}.html|.pdf` (`?model=&hops=`), `GET /reports/cases/{id}.html|.pdf`,
 * `GET /export/cases/{id}.ftm.json`, `GET /export/trace.ftm.json?incident=ID`. Access `read` (a viewer may read
 * and export reports); an incident report or trace export runs a trace, so each is one audit entry
 * (`report.incident`, `export.trace`), as is every case report or export (`report.case`, `export.case`,
 * subject `case:<id>`).
 *
 * @example
 * await app.register(reportRoutes, { cases: new CaseStore(db), store });
 */
export const reportRoutes: FastifyPluginAsyncZod<ReportRouteOptions> = async (app, options) => {
  const { cases, store } = options;
  const home = options.home ?? storeHome(store);
  const findIncident = incidentLookup(home);
  const audit = () => options.audit ?? app.auditTrail?.log;
  const incident = (id: string) => {
    const found = findIncident(id);
    if (!found) throw notFound(`no incident "${id}" in the registry (see GET /dashboard or \`counterflow incidents\`)`);
    return found;
  };
  const caseDetail = async (id: number) => {
    const found = await cases.getCase(id);
    if (!found) throw notFound(`no case ${id}`);
    return found;
  };

  for (const format of ['html', 'pdf'] as const) {
    app.get(
      `/reports/incidents/:id.${format}`,
      { config: { access: 'read' }, schema: { tags: ['reports'], summary: `Incident report (${format.toUpperCase()}): summary, laundering flow, addresses, sources, method`, params: incidentParams, querystring: incidentReportQuerystring } },
      async (request, reply) => {
        const found = incident(request.params.id);
        const { model, hops } = request.query;
        const { data, document } = await makeIncidentReport(found, { ...(home ? { home } : {}), lists: store, model, hops, ...(options.maxAddresses ? { maxAddresses: options.maxAddresses } : {}) });
        await recordAudit(request, { action: 'report.incident', subject: `incident:${found.id}`, input: { id: found.id, model, hops, format }, result: data.basis.kind, detail: { format, model, hops, basis: data.basis.kind } });
        return send(reply, document, format, fileName(found.id));
      },
    );
    app.get(
      `/reports/cases/:id.${format}`,
      { config: { access: 'read' }, schema: { tags: ['reports'], summary: `Case report (${format.toUpperCase()}): items, entity details, decisions, audit entries`, params: caseParams } },
      async (request, reply) => {
        const detail = await caseDetail(request.params.id);
        const log = audit();
        const { document } = await makeCaseReport(detail, { store, ...(home ? { home } : {}), ...(log ? { audit: log } : {}) });
        await recordAudit(request, { action: 'report.case', subject: caseAuditSubject(detail.id), input: { id: detail.id, format }, result: { items: detail.items.length, decisions: detail.decisions.length }, detail: { format } });
        return send(reply, document, format, `case-${detail.id}`);
      },
    );
  }

  app.get(
    '/export/cases/:id.ftm.json',
    { config: { access: 'read' }, schema: { tags: ['reports'], summary: 'A case as FollowTheMoney entities (JSON lines)', params: caseParams } },
    async (request, reply) => {
      const detail = await caseDetail(request.params.id);
      const entities = await caseExport(detail, { store, ...(home ? { home } : {}) });
      await recordAudit(request, { action: 'export.case', subject: caseAuditSubject(detail.id), input: { id: detail.id }, result: entities.map((e) => e.id), detail: { entities: entities.length } });
      return sendFtm(reply, ftmLines(entities), `case-${detail.id}`);
    },
  );

  app.get(
    '/export/trace.ftm.json',
    { config: { access: 'read' }, schema: { tags: ['reports'], summary: 'The trace of an incident as FollowTheMoney entities (CryptoWallet, Payment; JSON lines)', querystring: traceExportQuerystring } },
    async (request, reply) => {
      const found = incident(request.query.incident);
      const { model, hops } = request.query;
      const trace = home ? await loadIncidentTrace(home, store, found, { model, hops }) : { unavailable: 'this server has no chain store' };
      if ('unavailable' in trace) throw notFound(`no trace of ${found.id}: ${trace.unavailable}`);
      const entities = traceFtm(trace.report, trace.chain);
      await recordAudit(request, { action: 'export.trace', subject: `incident:${found.id}`, input: { incident: found.id, model, hops }, result: entities.map((e) => e.id), detail: { model, hops, entities: entities.length } });
      return sendFtm(reply, ftmLines(entities), `${fileName(found.id)}-trace`);
    },
  );
};
