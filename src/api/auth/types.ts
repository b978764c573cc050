/**
 * What a route needs, declared in its options as `config: { access }`:
 * `public` (health only), `read` (look things up), `run` (screen, trace, vet: work that is audited),
 * `decide` (record a decision on a hit, a case), `admin` (keys, the audit trail, anything undeclared).
 */
export type Access = 'public' | 'read' | 'run' | 'decide' | 'admin';

/** The role an API key carries. */
export type Role = 'admin' | 'analyst' | 'viewer';

/** Every role, most powerful first. */
export const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];

/** Who made a request: the API key's id and name, or `local` when auth is off. Recorded in the audit trail. */
export interface Actor {
  /** `key:<id>` for an API key, `local` when auth is off, `cli:<user>` for the command line. */
  id: string;
  name: string;
  role: Role;
}

/** The actor of every request when auth is off (loopback without `--auth`): allowed everything. */
export const LOCAL_ACTOR: Actor = { id: 'local', name: 'local', role: 'admin' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs; a route without it is treated as `admin` (deny by default). */
    access?: Access;
  }
  interface FastifyRequest {
    /** The resolved caller, set before the handler runs. */
    actor: Actor;
  }
}
