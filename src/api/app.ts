import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { AuditLog } from '../store/audit-log.js';
import type { Database } from '../store/schema.js';
import type { ListVersion } from '../store/store.js';
import { auditRoutes } from './audit/route.js';
import type { AuditTrail } from './audit/trail.js';
import { installAuth, type AuthOptions } from './auth/plugin.js';
import { installRateLimit, type RateLimitOptions } from './auth/rate-limit.js';
import { recordRouteAccess } from './auth/route-access.js';
import { compareRoutes } from './compare/route.js';
import type { ApiContext, TraceJobPolicy } from './context.js';
import { decisionRoutes } from './decisions/route.js';
import { entityRoutes } from './entities/route.js';
import { exposureRoutes } from './exposure/route.js';
import { apiErrorHandler, notFoundHandler } from './errors.js';
import { healthRoutes } from './health/route.js';
import { JobRegistry, type JobOptions } from './jobs/job-registry.js';
import { jobRoutes } from './jobs/route.js';
import { listRoutes } from './lists/route.js';
import { matchRoutes } from './match/route.js';
import { installOpenApi } from './openapi/plugin.js';
import { searchRoutes } from './search/route.js';
import { traceRoutes } from './trace/route.js';
import { vetRoutes } from './vet/route.js';

/** Largest request body by default: a full batch of 100 queries fits easily. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  store: ApiContext['store'];
  screener: ApiContext['screener'];
  /** Keeps the index in step with the store's list versions (serve does); routes then screen against its current index. */
  live?: ApiContext['live'];
  /** The home directory holding the chain data (default: the SQLite store's folder). */
  home?: string;
  /** Fastify's request log (pino to stdout); off by default. */
  logger?: boolean;
  /** Largest request body in bytes (default 1 MiB). `POST /vet` has its own, larger limit. */
  bodyLimit?: number;
  /** The database for the audit trail (and keys); without it and without `audit`, nothing is audited. */
  db?: Kysely<Database>;
  /** API keys; off (or absent): every request is the `local` actor with every permission. */
  auth?: AuthOptions;
  /** The audit trail (default: one on `db` when given). */
  audit?: AuditLog;
  /** The list versions the screener was built from, recorded with each audited action (default: the store's active ones, read once). */
  listVersions?: ListVersion[];
  /** Requests per key (or address) per window; off when absent. */
  rateLimit?: RateLimitOptions;
  /** Job registry limits (TTL, count). */
  jobs?: JobOptions;
  /** When `POST /trace` becomes a job. */
  traceJobs?: Partial<TraceJobPolicy>;
  /** Ends a request that takes longer, in ms (Node's requestTimeout; default 5 min, 0: none). Long traces become jobs instead. */
  requestTimeoutMs?: number;
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client (comma-separated addresses or CIDR ranges, as
   * Fastify's trustProxy): the per-address rate limit and the failed-key lockout then see the client, not the
   * proxy. Default: none (the socket's address).
   */
  trustProxy?: string;
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * The HTTP API: health, screening (yente-shaped `/match/{dataset}`, `/search/{dataset}`, `/entities/{id}`),
 * `/compare`, `/lists`, `/trace`, `/exposure`, `/vet`, `/decisions`, `/audit`, `/jobs/{id}`, described in one
 * OpenAPI document (`/openapi.json`, page at `/docs`). Requests and responses are validated with zod; every
 * client error is a 4xx JSON body `{error, message, details?}`. With `auth.enabled` every route but health
 * and docs needs an API key whose role holds the route's `config.access`; audited actions are recorded
 * with `recordAudit`.
 *
 * @example
 * const app = buildApp({ store, screener });                       // loopback: no keys, no audit
 * const app = buildApp({ store, screener, db, auth: { enabled: true, keys: new KeyStore(db) }, rateLimit: { max: 600 } });
 * const res = await app.inject({ method: 'GET', url: '/lists' });
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    requestTimeout: options.requestTimeoutMs ?? 300_000,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(apiErrorHandler);
  app.setNotFoundHandler(notFoundHandler);

  const audit = options.audit ?? (options.db ? new AuditLog(options.db) : undefined);
  const jobs = new JobRegistry({ ...options.jobs, onError: options.jobs?.onError ?? ((err) => app.log.error(err)) });
  app.decorate('auditTrail', auditTrail(options, audit));
  app.addHook('onClose', async () => jobs.clear());

  installAuth(app, options.auth);
  installOpenApi(app, { version: VERSION });
  recordRouteAccess(app);
  if (options.rateLimit) installRateLimit(app, options.rateLimit);

  const ctx: ApiContext = {
    store: options.store,
    screener: options.screener,
    ...(options.live ? { live: options.live } : {}),
    ...(options.home ? { home: options.home } : {}),
    jobs,
    traceJobs: { workThreshold: options.traceJobs?.workThreshold ?? 2000, syncBudgetMs: options.traceJobs?.syncBudgetMs ?? 10_000 },
    ...(audit ? { audit } : {}),
  };
  void app.register(healthRoutes, ctx);
  void app.register(matchRoutes, ctx);
  void app.register(searchRoutes, ctx);
  void app.register(entityRoutes, ctx);
  void app.register(compareRoutes, ctx);
  void app.register(listRoutes, ctx);
  void app.register(vetRoutes, ctx);
  void app.register(traceRoutes, ctx);
  void app.register(exposureRoutes, ctx);
  void app.register(jobRoutes, ctx);
  void app.register(decisionRoutes, ctx);
  void app.register(auditRoutes, ctx);
  return app;
}

function auditTrail(options: AppOptions, log: AuditLog | undefined): AuditTrail {
  const live = options.live;
  let versions: Promise<string[]> | undefined = options.listVersions ? Promise.resolve(versionNames(options.listVersions)) : undefined;
  return {
    log,
    // With a live index, the versions of the index in use now.
    listVersions: () => {
      if (live) return Promise.resolve(versionNames(live.versions()));
      versions ??= options.store.activeVersions().then(versionNames);
      return versions;
    },
  };
}

function versionNames(versions: ListVersion[]): string[] {
  return versions.map((v) => `${v.list}@${v.seq}`).sort();
}
