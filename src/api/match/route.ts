import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CounterflowError } from '../../errors.js';
import type { MatchOptions, MatchQuery } from '../../screening/types.js';
import { recordAudit } from '../audit/record.js';
import { listsForDataset, screenerOf, type ApiContext } from '../context.js';
import { HttpError } from '../errors.js';
import { matchResultJson } from './result-json.js';
import { matchBody, matchParams, matchQuerystring, matchResponse } from './schema.js';

/**
 * `POST /match/{dataset}`: yente's batch query-by-example. Each query is screened on its own; the
 * response keeps the request's keys. `cutoff` works as in yente: results below min(cutoff, threshold)
 * are dropped. Access `run`; one audit entry per request (`screen` for one query, `screen.batch` for more).
 *
 * @example
 * await app.register(matchRoutes, ctx);
 */
export const matchRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.post(
    '/match/:dataset',
    {
      config: { access: 'run' },
      schema: { tags: ['screening'], summary: 'Screen entities (yente-compatible)', params: matchParams, querystring: matchQuerystring, body: matchBody, response: { 200: matchResponse } },
    },
    async (request) => {
      const screener = screenerOf(ctx);
      const lists = listsForDataset(screener, request.params.dataset);
      const { limit, threshold, cutoff, algorithm } = request.query;
      const options: MatchOptions = { limit, algorithm };
      if (threshold !== undefined) options.threshold = threshold;
      // The engine drops results below min(cutoff, threshold), as yente does.
      if (cutoff !== undefined) options.cutoff = cutoff;
      if (lists) options.lists = lists;
      const responses: Record<string, { status: number; results: ReturnType<typeof matchResultJson>[]; total: { value: number; relation: string }; query: MatchQuery }> = {};
      let matched = 0;
      for (const [key, example] of Object.entries(request.body.queries)) {
        const query = { ...(example.id ? { id: example.id } : {}), schema: example.schema, properties: example.properties };
        const { results, total } = matchOne(screener, key, query, options);
        if (results.some((r) => r.match)) matched++;
        responses[key] = { status: 200, results: results.map(matchResultJson), total: { value: total, relation: 'eq' }, query };
      }
      const result = { responses, limit };
      const keys = Object.keys(responses);
      await recordAudit(request, {
        action: keys.length === 1 ? 'screen' : 'screen.batch',
        subject: keys.length === 1 ? querySubject(responses[keys[0]!]!.query) : `${keys.length} queries`,
        input: { dataset: request.params.dataset, query: request.query, body: request.body },
        result,
        detail: { dataset: request.params.dataset, algorithm, queries: keys.length, matched },
      });
      return result;
    },
  );
};

/** What a screened query is about, for the audit trail: its first name, address or id. */
function querySubject(query: MatchQuery): string {
  const p = query.properties;
  const first = p.name?.[0] ?? p.publicKey?.[0] ?? p.imoNumber?.[0] ?? p.registrationNumber?.[0] ?? Object.values(p)[0]?.[0] ?? query.id ?? query.schema;
  return `${query.schema}: ${first}`.slice(0, 500);
}

/** One query of the batch; a query the engine cannot screen is a 400 naming its key. */
function matchOne(screener: ApiContext['screener'], key: string, query: MatchQuery, options: MatchOptions) {
  try {
    return screener.match(query, options);
  } catch (err) {
    if (err instanceof CounterflowError) throw new HttpError(400, 'bad_request', `body.queries.${key}: ${err.message}`);
    throw err;
  }
}
