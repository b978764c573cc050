import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { screenerOf, type ApiContext } from '../context.js';
import { scoreResponse } from '../match/schema.js';
import { compareBody } from './schema.js';

/**
 * `POST /compare`: scores two entities against each other with the match scorer, without the index.
 * Returns `score`, `match`, `review` and the per-feature `explanations`.
 *
 * @example
 * await app.register(compareRoutes, ctx);
 */
export const compareRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  const schema = { tags: ['screening'], summary: 'Score two entities against each other', body: compareBody, response: { 200: scoreResponse } };
  app.post('/compare', { config: { access: 'read' }, schema }, async (request) => {
    const { left, right, algorithm } = request.body;
    const { score, match, review, explanations } = screenerOf(ctx).compare(left, right, algorithm);
    return { score, match, review, explanations };
  });
};
