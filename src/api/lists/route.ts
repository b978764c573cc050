import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { screenerOf, type ApiContext } from '../context.js';
import { versionJson } from '../../lists/version-json.js';
import { listsResponse } from './schema.js';

/**
 * `GET /lists`: the active list versions with their counts (listed entries, entities, per schema,
 * DPRK entries) and publication dates, and what the screening index holds.
 *
 * @example
 * await app.register(listRoutes, ctx);
 */
export const listRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  const { store } = ctx;
  const schema = { tags: ['lists'], summary: 'Active list versions and the screening index', response: { 200: listsResponse } };
  app.get('/lists', { config: { access: 'read' }, schema }, async () => {
    const lists = [];
    for (const v of await store.activeVersions()) {
      const stats = await store.versionStats(v.id);
      lists.push({ ...versionJson(v), dprkEntries: stats.byRegime.DPRK ?? 0, bySchema: stats.bySchema });
    }
    const { entities, lists: indexed, buildMs } = screenerOf(ctx).info;
    return { lists, index: { entities, lists: indexed, buildMs } };
  });
};
