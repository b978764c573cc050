import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from '../context.js';
import { notFound } from '../errors.js';
import { errorResponses } from '../openapi/error-schema.js';
import { jobParams, jobView } from './schema.js';

/**
 * `GET /jobs/{id}`: progress of a long request handed over as a job (e.g. a big `POST /trace`), then its
 * result. A job is visible to the key that submitted it and to admins; unknown, expired or foreign ids are 404.
 *
 * @example
 * await app.register(jobRoutes, ctx);
 */
export const jobRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, { jobs }) => {
  app.get(
    '/jobs/:id',
    { config: { access: 'read' }, schema: { tags: ['jobs'], summary: 'Progress, then the result, of a job', params: jobParams, response: { 200: jobView, ...errorResponses(404) } } },
    async (request) => {
      const job = jobs?.get(request.params.id, request.actor.id, request.actor.role === 'admin');
      if (!job) throw notFound(`no job "${request.params.id}" (finished jobs are kept for a limited time)`);
      return job;
    },
  );
};
