import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';
import { webRoutes } from './route.js';

const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>';

function builtApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'cf-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log("app");');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  return root;
}

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the web app plugin with web/dist built', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture();
    await fx.app.register(webRoutes, { root: builtApp() });
  });
  afterAll(async () => fx.close());

  it('serves index.html at / and the built files, hashed assets cached for a year', async () => {
    const index = await fx.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.body).toBe(INDEX);
    const asset = await fx.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await fx.app.inject({ method: 'GET', url: '/favicon.svg' })).headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect((await fx.app.inject({ method: 'HEAD', url: '/' })).statusCode).toBe(200);
  });

  it('falls back to index.html for other pages a browser navigates to, with the query kept out', async () => {
    for (const url of ['/screen', '/incidents/demo-bybit-like-2025?tab=exits', '/a/b/c']) {
      const res = await fx.app.inject({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps the API: its routes answer, and unknown API paths, missing files and non-browser requests are JSON 404s', async () => {
    expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: html })).json().lists.length).toBe(2);
    for (const [url, headers] of [
      ['/entities/ofac-20157/extra', html],
      ['/dashboard/nope', html],
      ['/trace', html],
      ['/assets/missing.js', html],
      ['/some/page', { accept: 'application/json' }],
      ['/.env', html],
      ['/%2e%2e/package.json', html],
    ] as const) {
      const res = await fx.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toEqual({ error: 'not_found', message: expect.stringMatching(/^no route GET \//) });
    }
    expect((await fx.app.inject({ method: 'POST', url: '/nothing', payload: {} })).statusCode).toBe(404);
    // A path that is not valid percent-encoding is a client error (Fastify's own 400 for the wildcard's parameter).
    expect((await fx.app.inject({ method: 'GET', url: '/%E0%A4%A', headers: html })).statusCode).toBe(400);
  });
});

describe('the web app plugin without web/dist', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture();
    await fx.app.register(webRoutes, { root: mkdtempSync(join(tmpdir(), 'cf-web-empty-')) });
  });
  afterAll(async () => fx.close());

  it('answers / with a page saying how to build it, and keeps JSON 404s for the API', async () => {
    const res = await fx.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<code>npx vite build web</code>');
    expect((await fx.app.inject({ method: 'GET', url: '/cases', headers: html })).statusCode).toBe(404);
    expect((await fx.app.inject({ method: 'GET', url: '/anything', headers: html })).body).toContain('web/dist');
  });
});
