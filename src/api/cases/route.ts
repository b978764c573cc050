import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkItem } from '../../cases/check-item.js';
import { CaseClosedError, CaseNotFoundError } from '../../cases/errors.js';
import { caseAuditSubject } from '../../reports/case-report.js';
import { incidentLookup, storeHome } from '../../reports/incident-lookup.js';
import type { CaseStore } from '../../store/case-store.js';
import type { Store } from '../../store/store.js';
import { recordAudit } from '../audit/record.js';
import { HttpError, notFound } from '../errors.js';
import { addedItemView, caseIdParams, caseList, casesQuerystring, caseView, newCaseBody, newDecisionBody, newItemBody, recordedDecisionView } from './schema.js';

export interface CaseRouteOptions {
  cases: CaseStore;
  /** The list store: entity items must be in its active versions. */
  store: Store;
  /** Home directory for local incidents (the demo incident); default: the SQLite store's folder. */
  home?: string;
}

/**
 * Who the request acts for: the API key's name, or `local` when auth is off.
 *
 * @example
 * await cases.addDecision(id, request.body, actorName(request));
 */
export function actorName(request: FastifyRequest): string {
  return (request as { actor?: { name?: string } }).actor?.name ?? 'local';
}

/**
 * Case errors as HTTP: an unknown case is a 404, a closed one a 409; anything else goes to the error handler.
 *
 * @example
 * try { await cases.addItem(id, item, actor); } catch (err) { throw caseHttpError(err); }
 */
export function caseHttpError(err: unknown): unknown {
  if (err instanceof CaseNotFoundError) return notFound(err.message);
  if (err instanceof CaseClosedError) return new HttpError(409, 'conflict', err.message);
  return err;
}

/**
 * Cases: `GET /cases`, `POST /cases`, `GET /cases/{id}`, `POST /cases/{id}/items`,
 * `POST /cases/{id}/decisions`. Reading needs `read`; creating a case, adding items and deciding need
 * `decide` (an analyst's work on a case, as for `POST /decisions`). Each write is one audit entry with
 * subject `case:<id>` (`case.create`, `case.item`, `case.decision`). Decisions are append-only: there is no
 * route to change or delete one.
 *
 * @example
 * await app.register(caseRoutes, { cases: new CaseStore(db), store });
 */
export const caseRoutes: FastifyPluginAsyncZod<CaseRouteOptions> = async (app, { cases, store, home }) => {
  const findIncident = incidentLookup(home ?? storeHome(store));
  const lookups = {
    entityExists: async (id: string) => (await store.getEntity(id)) !== null,
    incidentExists: (id: string) => findIncident(id) !== undefined,
  };

  app.get('/cases', { config: { access: 'read' }, schema: { tags: ['cases'], summary: 'Cases, most recently updated first', querystring: casesQuerystring, response: { 200: caseList } } }, async (request) => ({
    cases: await cases.listCases({ limit: request.query.limit, ...(request.query.status ? { status: request.query.status } : {}) }),
  }));

  app.post('/cases', { config: { access: 'decide' }, schema: { tags: ['cases'], summary: 'Open a case', body: newCaseBody, response: { 201: caseView } } }, async (request, reply) => {
    const created = await cases.createCase(request.body, actorName(request));
    await recordAudit(request, { action: 'case.create', subject: caseAuditSubject(created.id), input: request.body, result: created, detail: { title: created.title } });
    return reply.code(201).send(created);
  });

  app.get('/cases/:id', { config: { access: 'read' }, schema: { tags: ['cases'], summary: 'A case with its items and decisions', params: caseIdParams, response: { 200: caseView } } }, async (request) => {
    const found = await cases.getCase(request.params.id);
    if (!found) throw notFound(`no case ${request.params.id}`);
    return found;
  });

  app.post(
    '/cases/:id/items',
    { config: { access: 'decide' }, schema: { tags: ['cases'], summary: 'Add an address, entity, worker, note or incident to a case', params: caseIdParams, body: newItemBody, response: { 200: addedItemView, 201: addedItemView } } },
    async (request, reply) => {
      const id = request.params.id;
      try {
        const item = await checkItem(request.body, lookups);
        const { item: stored, added } = await cases.addItem(id, item, actorName(request));
        if (added) await recordAudit(request, { action: 'case.item', subject: caseAuditSubject(id), input: request.body, result: stored, detail: { kind: stored.kind, ref: stored.ref.slice(0, 200) } });
        return reply.code(added ? 201 : 200).send({ ...stored, added });
      } catch (err) {
        throw caseHttpError(err);
      }
    },
  );

  app.post(
    '/cases/:id/decisions',
    { config: { access: 'decide' }, schema: { tags: ['cases'], summary: 'Record a decision on a case (append-only)', params: caseIdParams, body: newDecisionBody, response: { 201: recordedDecisionView } } },
    async (request, reply) => {
      const id = request.params.id;
      try {
        const { decision, status } = await cases.addDecision(id, request.body, actorName(request));
        await recordAudit(request, { action: 'case.decision', subject: caseAuditSubject(id), input: request.body, result: decision, detail: { decision: decision.decision, reason: decision.reason, status } });
        return reply.code(201).send({ ...decision, status });
      } catch (err) {
        throw caseHttpError(err);
      }
    },
  );
};
