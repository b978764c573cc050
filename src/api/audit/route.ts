import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuditLog } from '../../store/audit-log.js';
import type { ApiContext } from '../context.js';
import { HttpError } from '../errors.js';
import { auditList, auditQuerystring, auditVerification } from './schema.js';
import { parseTimeBound } from './time-bound.js';

/**
 * `GET /audit` (entries, newest first by default, filtered by time, action, subject) and `GET /audit/verify`
 * (recomputes the hash chain). Admin only: the trail shows every user's activity. Read-only: the API has
 * no route that changes or deletes an entry.
 *
 * @example
 * await app.register(auditRoutes, ctx);
 */
export const auditRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { audit }) => {
  app.get('/audit', { config: { access: 'admin' }, schema: { tags: ['audit'], summary: 'Audit trail entries', querystring: auditQuerystring, response: { 200: auditList } } }, async (request) => {
    const q = request.query;
    const log = requireAudit(audit);
    const entries = await log.list({
      ...(q.since !== undefined ? { since: parseTimeBound(q.since, 'since') } : {}),
      ...(q.until !== undefined ? { until: parseTimeBound(q.until, 'until') } : {}),
      ...(q.action !== undefined ? { action: q.action } : {}),
      ...(q.subject !== undefined ? { subject: q.subject } : {}),
      order: q.order,
      limit: q.limit,
    });
    return { entries };
  });
  app.get('/audit/verify', { config: { access: 'admin' }, schema: { tags: ['audit'], summary: 'Check the hash chain of the audit trail', response: { 200: auditVerification } } }, async () =>
    requireAudit(audit).verify(),
  );
};

/**
 * The audit log, or a 503 when the app runs without one.
 *
 * @example
 * const log = requireAudit(ctx.audit);
 */
export function requireAudit(audit: AuditLog | undefined): AuditLog {
  if (!audit) throw new HttpError(503, 'audit_unavailable', 'this server runs without an audit trail (start it with a database)');
  return audit;
}
