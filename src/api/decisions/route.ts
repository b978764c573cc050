import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditEntry } from '../../store/audit-log.js';
import { recordAudit } from '../audit/record.js';
import { requireAudit } from '../audit/route.js';
import type { ApiContext } from '../context.js';
import { HttpError } from '../errors.js';
import { decisionBody, decisionList, decisionsQuerystring, decisionView, type DecisionView } from './schema.js';

/**
 * `POST /decisions` records a reviewer's decision on a hit (true or false positive, override, block,
 * clear) as an audit entry (`action: decision`, subject `KIND:REF`); `GET /decisions?subject=KIND:REF`
 * lists them, newest first, from the audit trail. There is no way to change or withdraw one: a later
 * decision supersedes it.
 *
 * @example
 * await app.inject({ method: 'POST', url: '/decisions', payload: { subject: { kind: 'entity', ref: 'ofac-20157' }, decision: 'false_positive', reason: 'different birth date' } });
 */
export const decisionRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { audit }) => {
  app.post(
    '/decisions',
    { config: { access: 'decide' }, schema: { tags: ['decisions'], summary: 'Record a decision on a hit', body: decisionBody, response: { 201: decisionView } } },
    async (request, reply) => {
      requireAudit(audit);
      const { subject, decision, reason, context } = request.body;
      const detail = { kind: subject.kind, ref: subject.ref, decision, reason, ...(context ? { context } : {}) };
      const entry = await recordAudit(request, { action: 'decision', subject: `${subject.kind}:${subject.ref}`, input: request.body, result: detail, detail });
      if (!entry) throw new HttpError(503, 'audit_unavailable', 'the decision could not be recorded');
      return reply.code(201).send(decisionJson(entry));
    },
  );
  app.get(
    '/decisions',
    { config: { access: 'read' }, schema: { tags: ['decisions'], summary: 'Decisions recorded, newest first', querystring: decisionsQuerystring, response: { 200: decisionList } } },
    async (request) => {
      const { subject, limit } = request.query;
      const entries = await requireAudit(audit).list({ action: 'decision', order: 'desc', limit, ...(subject !== undefined ? { subject } : {}) });
      return { decisions: entries.map(decisionJson) };
    },
  );
};

function decisionJson(entry: AuditEntry): DecisionView {
  const d = decisionView.shape;
  const detail = entry.detail as { kind: string; ref: string; decision: string; reason: string; context?: Record<string, unknown> };
  return {
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    subject: d.subject.parse({ kind: detail.kind, ref: detail.ref }),
    decision: d.decision.parse(detail.decision),
    reason: detail.reason,
    ...(detail.context ? { context: detail.context } : {}),
    listVersions: entry.listVersions,
  };
}
