import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Access } from './types.js';

/** One registered route and the access it needs (undeclared: `admin`). */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
  /** Hidden from the OpenAPI document (the docs page's own routes, /openapi.json). */
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far with its access: the permission table, as the server enforces it. */
    routeAccess: RouteAccess[];
  }
}

/**
 * Records every route registered after it (HEAD routes Fastify adds for GET are left out) in
 * `app.routeAccess`. Call it on the root instance before the routes are registered.
 *
 * @example
 * recordRouteAccess(app);
 * await app.ready();
 * app.routeAccess.filter((r) => r.access === 'run'); // [{ method: 'POST', url: '/match/:dataset', … }]
 */
export function recordRouteAccess(app: FastifyInstance): void {
  // Kept by reference and read late: hooks of child contexts (the docs) set `config.access` after this one runs.
  const routes: RouteOptions[] = [];
  app.decorate('routeAccess', {
    getter: () =>
      routes.flatMap((route) =>
        (Array.isArray(route.method) ? route.method : [route.method])
          .filter((method) => method !== 'HEAD')
          .map((method) => ({ method, url: route.url, access: route.config?.access ?? 'admin', hidden: route.schema?.hide === true })),
      ),
  });
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
}
