import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { errorResponses } from './error-schema.js';

/** Where the OpenAPI document and the docs page are served. */
export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PREFIX = '/docs';

/**
 * Collects every route into one OpenAPI 3 document built from the routes' zod schemas, served at
 * `GET /openapi.json`, with the Swagger UI page at `/docs` (assets from the npm package: works offline).
 * Both are public: they describe the open-source API and hold no data. Routes that need a key get the
 * bearer security requirement and the 401/403/429 responses. Call it on the root instance before the
 * routes are registered.
 *
 * @example
 * installOpenApi(app, { version: '0.1.0' });
 */
export function installOpenApi(app: FastifyInstance, options: { version: string }): void {
  app.addHook('onRoute', addStandardResponses);
  void app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Counterflow API',
        version: options.version,
        description:
          'Screening (yente-compatible /match, /search, /entities), tracing, exposure, vetting, decisions and the audit trail. ' +
          'Send an API key as `Authorization: Bearer cf_…` (or `x-api-key`); roles and the access each route needs are in docs/server.md.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key from `counterflow keys create`' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  void app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public', rateLimit: false };
    });
    docs.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
    await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  });
}

function addStandardResponses(route: RouteOptions): void {
  const schema = route.schema;
  if (!schema || schema.hide) return;
  const access = route.config?.access ?? 'admin';
  const response = { ...((schema.response as Record<string, unknown> | undefined) ?? {}) };
  const statuses: number[] = [];
  if (schema.body || schema.querystring || schema.params) statuses.push(400);
  if (access === 'public') schema.security = [];
  else statuses.push(401, 403, 429);
  if (schema.body) statuses.push(413);
  for (const [status, s] of Object.entries(errorResponses(...statuses))) if (!(status in response)) response[status] = s;
  schema.response = response;
}
