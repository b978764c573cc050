import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SearchOptions } from '../../screening/types.js';
import { listsForDataset, screenerOf, type ApiContext } from '../context.js';
import { entityJson } from '../match/result-json.js';
import { searchParams, searchQuerystring, searchResponse } from './schema.js';

/**
 * `GET /search/{dataset}?q=&limit=&offset=&schema=`: full-text search over the loaded entities, in
 * yente's response shape, with its facets (countries, topics, datasets) counted over every entity found.
 *
 * @example
 * await app.register(searchRoutes, ctx);
 */
export const searchRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  const schema = { tags: ['screening'], summary: 'Full-text search (yente-compatible)', params: searchParams, querystring: searchQuerystring, response: { 200: searchResponse } };
  app.get('/search/:dataset', { config: { access: 'read' }, schema }, async (request) => {
    const screener = screenerOf(ctx);
    const lists = listsForDataset(screener, request.params.dataset);
    const { q, limit, offset, schema } = request.query;
    const options: SearchOptions = { limit, offset };
    if (schema) options.schema = schema;
    if (lists) options.lists = lists;
    const { results, total, facets } = screener.search(q, options);
    return { limit, offset, total: { value: total, relation: 'eq' }, results: results.map(entityJson), facets };
  });
};
