import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { KeyStore } from '../../store/key-store.js';
import { HttpError } from '../errors.js';
import { presentedKey } from './credentials.js';
import { DEFAULT_LOCKOUT, FailedAuthGuard, type LockoutOptions } from './failed-auth.js';
import { roleAllows } from './permissions.js';
import { LOCAL_ACTOR, type Access, type Actor } from './types.js';

export interface AuthOptions {
  /** Off: every request is the `local` actor, allowed everything (serve on loopback without `--auth`). */
  enabled: boolean;
  keys: KeyStore;
  /** Lockout of a client address after failed key checks (default 20 per minute); false: none. */
  lockout?: LockoutOptions | false;
}

/**
 * Decorates `request.actor` and adds the onRequest hook that resolves it from the API key and checks the
 * route's `config.access` against the key's role: no or an unknown key → 401, a role without that access
 * → 403. A client address whose keys failed `lockout.maxFailures` times within the window gets 429 for the
 * rest of it, without any key being checked. A route without `config.access` needs `admin`; a request for a route that does not exist
 * still needs a valid key (then gets its 404). Call it on the root instance before registering routes.
 *
 * @example
 * installAuth(app, { enabled: true, keys: new KeyStore(db) });
 */
export function installAuth(app: FastifyInstance, options: AuthOptions | undefined): void {
  app.decorateRequest('actor', null as unknown as Actor);
  if (!options?.enabled) {
    app.addHook('onRequest', async (request) => {
      request.actor = LOCAL_ACTOR;
    });
    return;
  }
  const keys = options.keys;
  const guard = options.lockout === false ? undefined : new FailedAuthGuard(options.lockout ?? DEFAULT_LOCKOUT);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access: Access = request.is404 ? 'read' : (request.routeOptions.config.access ?? 'admin');
    if (access === 'public') {
      request.actor = { id: 'anonymous', name: 'anonymous', role: 'viewer' };
      return;
    }
    const secret = presentedKey(request);
    if (secret === undefined) {
      void reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', 'an API key is required: send "Authorization: Bearer cf_…" (create one with `counterflow keys create`)');
    }
    const locked = guard?.lockedFor(request.ip) ?? 0;
    if (locked > 0) {
      const seconds = Math.ceil(locked / 1000);
      void reply.header('retry-after', String(seconds));
      throw new HttpError(429, 'too_many_requests', `too many failed API keys from this address; try again in ${seconds} s`);
    }
    const key = await keys.authenticate(secret);
    if (!key) {
      guard?.fail(request.ip);
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw new HttpError(401, 'unauthorized', 'the API key is malformed, unknown or revoked');
    }
    request.actor = { id: `key:${key.id}`, name: key.name, role: key.role };
    if (!roleAllows(key.role, access)) {
      throw new HttpError(403, 'forbidden', `the role "${key.role}" may not use ${request.method} ${request.routeOptions.url ?? request.url} (it needs "${access}" access)`);
    }
  });
}
