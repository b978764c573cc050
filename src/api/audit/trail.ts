import type { AuditLog } from '../../store/audit-log.js';

/** What {@link recordAudit} writes to: the log (absent when the app runs without a database) and the list versions in use. */
export interface AuditTrail {
  log: AuditLog | undefined;
  /** The list versions the screening index was built from, as `LIST@SEQ`. */
  listVersions(): Promise<string[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Decorated by buildApp; read by recordAudit. */
    auditTrail: AuditTrail;
  }
}
