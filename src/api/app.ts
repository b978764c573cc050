import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { compareRoutes } from './compare/route.js';
import type { ApiContext } from './context.js';
import { entityRoutes } from './entities/route.js';
import { exposureRoutes } from './exposure/route.js';
import { apiErrorHandler, notFoundHandler } from './errors.js';
import { listRoutes } from './lists/route.js';
import { matchRoutes } from './match/route.js';
import { searchRoutes } from './search/route.js';
import { traceRoutes } from './trace/route.js';
import { vetRoutes } from './vet/route.js';

export interface AppOptions extends ApiContext {
  /** Fastify's request log (pino to stdout); off by default. */
  logger?: boolean;
  /** Largest request body in bytes (default 1 MiB: a full batch of 100 queries fits easily). */
  bodyLimit?: number;
}

/**
 * The HTTP API: yente-shaped `/match/{dataset}`, `/search/{dataset}`, `/entities/{id}`, and `/compare`
 * and `/lists`. Requests are validated with zod; every client error is a 4xx JSON body
 * `{error, message, details?}`, never a 500.
 *
 * @example
 * const app = buildApp({ store, screener });
 * const res = await app.inject({ method: 'GET', url: '/lists' });
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(apiErrorHandler);
  app.setNotFoundHandler(notFoundHandler);
  const ctx: ApiContext = { store: options.store, screener: options.screener };
  void app.register(matchRoutes, ctx);
  void app.register(searchRoutes, ctx);
  void app.register(entityRoutes, ctx);
  void app.register(compareRoutes, ctx);
  void app.register(listRoutes, ctx);
  void app.register(vetRoutes, ctx);
  void app.register(traceRoutes, ctx);
  void app.register(exposureRoutes, ctx);
  return app;
}
