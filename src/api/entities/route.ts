import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../context.js';
import { notFound } from '../errors.js';
import { entityJson } from '../match/result-json.js';
import { versionJson } from '../../lists/version-json.js';
import { entityParams, entityDetailResponse } from './schema.js';

/**
 * `GET /entities/{id}`: one entity of the active list versions with its provenance, the list version
 * it was read from, and the entities read from the same source entry (sanction, addresses, documents,
 * wallets) under `related`.
 *
 * @example
 * await app.register(entityRoutes, ctx);
 */
export const entityRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { store }) => {
  const schema = { tags: ['screening'], summary: 'One entity with provenance and related entities', params: entityParams, response: { 200: entityDetailResponse } };
  app.get('/entities/:id', { config: { access: 'read' }, schema }, async (request) => {
    const found = await store.getEntity(request.params.id);
    if (!found) throw notFound(`no entity "${request.params.id}" in the active list versions`);
    return { ...entityJson(found.entity), version: versionJson(found.version), related: found.related.map(entityJson) };
  });
};
