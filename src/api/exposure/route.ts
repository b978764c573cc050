import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exposure } from '../../tracing/exposure.js';
import { recordAudit } from '../audit/record.js';
import { apiHome, type ApiContext } from '../context.js';
import { graphContext } from '../trace/graph-context.js';
import { exposureBody, exposureResponse } from './schema.js';

export { exposureBody } from './schema.js';

/**
 * `POST /exposure`: KYT exposure and risk level for a batch of addresses (as `counterflow exposure --json`).
 * Access `run`; one `exposure` audit entry per request, with the risk per address in its detail.
 *
 * @example
 * await app.register(exposureRoutes, ctx);
 */
export const exposureRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  const { store } = ctx;
  const schema = { tags: ['tracing'], summary: 'KYT exposure and risk of addresses', body: exposureBody, response: { 200: exposureResponse } };
  app.post('/exposure', { config: { access: 'run' }, schema }, async (request) => {
    const { graph, labels } = await graphContext(store, request.body.chain, apiHome(ctx));
    const result = { results: request.body.addresses.map((a) => exposure(graph, labels, a, { hops: request.body.hops })) };
    const addresses = request.body.addresses;
    await recordAudit(request, {
      action: 'exposure',
      subject: addresses.length === 1 ? addresses[0]! : `${addresses.length} addresses`,
      input: request.body,
      result,
      detail: { chain: request.body.chain, risk: countBy(result.results.map((r) => r.risk)) },
    });
    return result;
  });
};

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
