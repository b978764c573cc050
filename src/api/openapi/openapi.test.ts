import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';

describe('GET /openapi.json and /docs', () => {
  let fx: Fixture;
  let doc: { openapi: string; paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>>; components: { securitySchemes: Record<string, unknown> } };
  beforeAll(async () => {
    fx = await openFixture({ auth: true });
    const res = await fx.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => fx.close());

  it('describes every registered route, with a 200 (or 201) response schema', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const registered = fx.app.routeAccess.filter((r) => !r.hidden).map((r) => `${r.method} ${r.url.replace(/:([a-zA-Z]+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThanOrEqual(15);
    expect([...documented].sort()).toEqual([...new Set(registered)].sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect([method, path, Object.keys(op.responses).some((s) => s === '200' || s === '201')]).toEqual([method, path, true]);
      }
    }
  });

  it('declares the bearer scheme, required everywhere but on health', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/health']?.get?.security).toEqual([]);
    expect(doc.paths['/match/{dataset}']?.post?.security).toBeUndefined();
    expect(Object.keys(doc.paths['/match/{dataset}']!.post!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '413', '429']));
    expect(doc.paths['/match/{dataset}']?.post?.requestBody).toBeDefined();
  });

  it('serves the docs page without a key', async () => {
    const page = await fx.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const init = await fx.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
  });
});
