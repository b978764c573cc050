import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CounterflowError } from '../../errors.js';
import type { MatchOptions, MatchQuery } from '../../screening/types.js';
import { listsForDataset, type ApiContext } from '../context.js';
import { HttpError } from '../errors.js';
import { matchResultJson } from './result-json.js';
import { matchBody, matchParams, matchQuerystring } from './schema.js';

/**
 * `POST /match/{dataset}`: yente's batch query-by-example. Each query is screened on its own; the
 * response keeps the request's keys. `cutoff` works as in yente: results below min(cutoff, threshold)
 * are dropped.
 *
 * @example
 * await app.register(matchRoutes, ctx);
 */
export const matchRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { screener }) => {
  app.post('/match/:dataset', { schema: { params: matchParams, querystring: matchQuerystring, body: matchBody } }, async (request) => {
    const lists = listsForDataset(screener, request.params.dataset);
    const { limit, threshold, cutoff, algorithm } = request.query;
    const options: MatchOptions = { limit, algorithm };
    if (threshold !== undefined) options.threshold = threshold;
    // The engine drops results below min(cutoff, threshold), as yente does.
    if (cutoff !== undefined) options.cutoff = cutoff;
    if (lists) options.lists = lists;
    const responses: Record<string, unknown> = {};
    for (const [key, example] of Object.entries(request.body.queries)) {
      const query = { ...(example.id ? { id: example.id } : {}), schema: example.schema, properties: example.properties };
      const { results, total } = matchOne(screener, key, query, options);
      responses[key] = { status: 200, results: results.map(matchResultJson), total: { value: total, relation: 'eq' }, query };
    }
    return { responses, limit };
  });
};

/** One query of the batch; a query the engine cannot screen is a 400 naming its key. */
function matchOne(screener: ApiContext['screener'], key: string, query: MatchQuery, options: MatchOptions) {
  try {
    return screener.match(query, options);
  } catch (err) {
    if (err instanceof CounterflowError) throw new HttpError(400, 'bad_request', `body.queries.${key}: ${err.message}`);
    throw err;
  }
}
