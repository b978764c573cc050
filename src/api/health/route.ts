import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { screenerOf, type ApiContext } from '../context.js';
import { healthResponse, readyResponse } from './schema.js';

/**
 * `GET /health` (the process answers) and `GET /ready` (the store answers a query and the screening index
 * holds at least one list; 503 otherwise). Both are public and exempt from the rate limit, for probes.
 *
 * @example
 * await app.register(healthRoutes, ctx);
 */
export const healthRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  const { store } = ctx;
  const config = { access: 'public', rateLimit: false } as const;
  app.get('/health', { config, schema: { tags: ['health'], summary: 'The process is alive', response: { 200: healthResponse } } }, async () => ({
    status: 'ok' as const,
    uptimeSeconds: Math.round(process.uptime()),
  }));
  app.get(
    '/ready',
    { config, schema: { tags: ['health'], summary: 'The store is reachable and the screening index built', response: { 200: readyResponse, 503: readyResponse } } },
    async (_request, reply) => {
      let storeOk = true;
      try {
        await store.activeVersions();
      } catch {
        storeOk = false;
      }
      const { lists, entities } = screenerOf(ctx).info;
      const ready = storeOk && lists.length > 0;
      return reply.code(ready ? 200 : 503).send({ ready, checks: { store: storeOk ? 'ok' : 'unreachable', index: lists.length > 0 ? 'built' : 'empty' }, lists: lists.length, entities });
    },
  );
};
