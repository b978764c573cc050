import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exposure } from '../../tracing/exposure.js';
import type { ApiContext } from '../context.js';
import { graphContext } from '../trace/graph-context.js';

export const exposureBody = z
  .object({
    chain: z.string().default('ethereum'),
    addresses: z.array(z.string().min(1)).min(1).max(1000),
    hops: z.number().int().min(1).max(10).default(3),
  })
  .strict();

/**
 * `POST /exposure`: KYT exposure and risk level for a batch of addresses (as `counterflow exposure --json`).
 *
 * @example
 * await app.register(exposureRoutes, ctx);
 */
export const exposureRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.post('/exposure', { schema: { body: exposureBody } }, async (request) => {
    const { graph, labels } = await graphContext(store, request.body.chain);
    return { results: request.body.addresses.map((a) => exposure(graph, labels, a, { hops: request.body.hops })) };
  });
};
