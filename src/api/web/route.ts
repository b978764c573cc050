import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../errors.js';

/** Where `vite build web` writes the web app (beside src/ and dist/ in the checkout). */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * First path segments of the API (the shared HTTP contract, and the dev proxy in web/vite.config.ts): an
 * unknown path under them is a JSON 404, never the web app.
 */
export const API_SEGMENTS: readonly string[] = ['match', 'search', 'entities', 'compare', 'lists', 'vet', 'trace', 'exposure', 'decisions', 'audit', 'jobs', 'health', 'ready', 'dashboard', 'cases', 'reports', 'export', 'keys', 'openapi.json', 'docs'];

export interface WebRouteOptions {
  /** The built web app (default {@link WEB_DIST}). */
  root?: string;
}

/**
 * Serves the web app at `/`: files of web/dist (hashed `assets/` cached for a year, everything else
 * revalidated), and `index.html` for any other GET that a browser navigates to (`Accept: text/html`) outside
 * the API's paths, so the app's own routes survive a reload. Unknown API paths and missing files stay JSON
 * 404s. Without web/dist, a small page says how to build it. Access `public`: the app itself holds no data.
 *
 * @example
 * await app.register(webRoutes);                       // serves web/dist
 * await app.register(webRoutes, { root: '/srv/counterflow-web' });
 */
export const webRoutes: FastifyPluginAsync<WebRouteOptions> = async (app, o) => {
  const root = resolve(o.root ?? WEB_DIST);
  await app.register(fastifyStatic, { root, serve: false, suppressWarning: true });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = decodedPath(request);
    const built = existsSync(join(root, 'index.html'));
    if (built && path !== '/') {
      const file = fileUnder(root, path);
      if (file) return file.startsWith(`assets${sep}`) ? reply.sendFile(file, { maxAge: '365d', immutable: true }) : reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
    }
    if (path !== '/' && (isApiPath(path) || !acceptsHtml(request) || /\.[a-z0-9]+$/i.test(path))) throw notFound(`no route GET ${path}`);
    if (!built) return notBuilt(reply);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
};

function decodedPath(request: FastifyRequest): string {
  const raw = request.url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    throw notFound(`no route GET ${raw}`);
  }
}

/** A regular file under root (no dot-files, nothing outside root), as a path relative to root. */
function fileUnder(root: string, path: string): string | undefined {
  if (path.includes('\0') || path.split('/').some((part) => part.startsWith('.'))) return undefined;
  const abs = resolve(root, `.${path}`);
  if (!abs.startsWith(root + sep)) return undefined;
  try {
    return statSync(abs).isFile() ? relative(root, abs) : undefined;
  } catch {
    return undefined;
  }
}

function isApiPath(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  return API_SEGMENTS.includes(first);
}

function acceptsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/i.test(request.headers.accept ?? '');
}

const NOT_BUILT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Counterflow</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; line-height: 1.5">
<h1>Counterflow is running</h1>
<p>The web interface is not built yet: <code>web/dist</code> is missing. Build it in the checkout with
<code>npx vite build web</code>, then reload this page.</p>
<p>The API answers meanwhile: <a href="/dashboard">/dashboard</a>, <a href="/lists">/lists</a>,
<a href="/docs">/docs</a>; and the <code>counterflow</code> command does everything the web interface does
(<code>npx counterflow --help</code>).</p>
</body>
</html>
`;

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(NOT_BUILT);
}
