import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findIncident } from '../../tracing/labels/incidents.js';
import { traceReport } from '../../tracing/trace.js';
import type { ApiContext } from '../context.js';
import { graphContext } from './graph-context.js';

export const traceBody = z
  .object({
    chain: z.string().default('ethereum'),
    from_address: z.array(z.string().min(1)).max(1000).optional(),
    from_tx: z.array(z.string().min(1)).max(1000).optional(),
    incident: z.string().optional(),
    direction: z.enum(['forward', 'backward']).default('forward'),
    model: z.enum(['haircut', 'poison', 'fifo']).default('haircut'),
    asset: z.string().optional(),
    hops: z.number().int().min(1).max(100).default(10),
    min_amount: z.number().min(0).optional(),
  })
  .strict();

/**
 * `POST /trace`: the HTTP form of `counterflow trace --json` (addresses, edges, exits, patterns).
 *
 * @example
 * await app.register(traceRoutes, ctx);
 */
export const traceRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  app.post('/trace', { schema: { body: traceBody } }, async (request) => {
    const b = request.body;
    const { graph, labels } = await graphContext(store, b.chain);
    return traceReport(graph, labels, {
      ...(b.from_address ? { fromAddress: b.from_address } : {}),
      ...(b.from_tx ? { fromTx: b.from_tx } : {}),
      ...(b.incident ? { incident: findIncident(b.incident) } : {}),
      direction: b.direction,
      model: b.model,
      ...(b.asset ? { asset: b.asset } : {}),
      hops: b.hops,
      ...(b.min_amount !== undefined ? { minAmount: b.min_amount } : {}),
    }).report;
  });
};
