import type { FastifyRequest } from 'fastify';
import { digest, type AuditEntry } from '../../store/audit-log.js';
import '../auth/types.js';
import './trail.js';

export interface AuditRecord {
  /** `screen`, `screen.batch`, `trace`, `exposure`, `vet`, `decision`, `case.<verb>`, `report.<verb>` … */
  action: string;
  /** Free text naming what was acted on: the query name, the address, the case id. */
  subject: string;
  /** The request input; only its digest is stored. */
  input: unknown;
  /** The response; only its digest is stored. */
  result: unknown;
  /** Small JSON kept verbatim (counts, the decision and its reason); keep it well under 16 KiB. */
  detail?: unknown;
  /** Override the list versions recorded (default: those the screening index was built from). */
  listVersions?: string[];
}

/**
 * Records one audited action of the current request: the actor (`request.actor`), sha256 digests of the
 * canonical JSON of input and result, the active list versions, and `detail`. Throws when the trail cannot
 * be written, so no audited action answers without its entry. Returns the entry; does nothing (undefined)
 * when the app has no audit log (buildApp without `db`/`audit`, as in unit tests of single routes).
 *
 * @example
 * app.post('/cases', { config: { access: 'decide' }, schema }, async (request) => {
 *   const result = await cases.create(request.body);
 *   await recordAudit(request, { action: 'case.create', subject: result.id, input: request.body, result });
 *   return result;
 * });
 */
export async function recordAudit(request: FastifyRequest, record: AuditRecord): Promise<AuditEntry | undefined> {
  const trail = request.server.auditTrail as FastifyRequest['server']['auditTrail'] | undefined;
  if (!trail?.log) return undefined;
  const actor = request.actor;
  return trail.log.append({
    actor: { id: actor.id, name: actor.name, role: actor.role },
    action: record.action,
    subject: record.subject,
    inputDigest: digest(record.input),
    resultDigest: digest(record.result),
    listVersions: record.listVersions ?? (await trail.listVersions()),
    ...(record.detail === undefined ? {} : { detail: record.detail }),
  });
}
