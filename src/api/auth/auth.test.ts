import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';
import type { RouteAccess } from './route-access.js';
import type { Role } from './types.js';

/** A concrete URL for a route pattern: every parameter filled in. */
const concrete = (url: string): string => url.replace(/:[a-zA-Z]+/g, 'default').replace(/\*$/, 'x');
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('API keys and roles', () => {
  let fx: Fixture;
  let routes: RouteAccess[];
  const secrets = new Map<Role, string>();
  beforeAll(async () => {
    fx = await openFixture({ auth: true });
    for (const role of ['admin', 'analyst', 'viewer'] as const) secrets.set(role, (await fx.keys.create({ name: role, role })).secret);
    await fx.app.ready();
    routes = fx.app.routeAccess;
  });
  afterAll(async () => fx.close());

  it('answers 401 on every route but health and the docs without a key, with the error body', async () => {
    const guarded = routes.filter((r) => r.access !== 'public');
    expect(guarded.length).toBeGreaterThanOrEqual(13);
    for (const r of guarded) {
      const res = await fx.app.inject({ method: r.method as 'GET', url: concrete(r.url) });
      expect([r.method, r.url, res.statusCode]).toEqual([r.method, r.url, 401]);
      expect(res.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/API key/) });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
    const open = routes.filter((r) => r.access === 'public').map((r) => r.url);
    expect(open).toEqual(expect.arrayContaining(['/health', '/ready', '/openapi.json', '/docs/']));
    expect(open.every((u) => u === '/health' || u === '/ready' || u === '/openapi.json' || u.startsWith('/docs'))).toBe(true);
    expect((await fx.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('answers 403 to a viewer key on every route that runs, decides or administers', async () => {
    const writes = routes.filter((r) => r.access === 'run' || r.access === 'decide' || r.access === 'admin');
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /match/:dataset', 'POST /trace', 'POST /exposure', 'POST /vet', 'POST /decisions', 'GET /audit']),
    );
    for (const r of writes) {
      const res = await fx.app.inject({ method: r.method as 'GET', url: concrete(r.url), headers: bearer(secrets.get('viewer')!) });
      expect([r.method, r.url, res.statusCode]).toEqual([r.method, r.url, 403]);
      expect(res.json().error).toBe('forbidden');
    }
  });

  it('lets a viewer read, an analyst screen and decide but not read the audit trail, an admin do everything', async () => {
    const match = { method: 'POST' as const, url: '/match/default', payload: { queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } } } };
    expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: bearer(secrets.get('viewer')!) })).statusCode).toBe(200);
    expect((await fx.app.inject({ ...match, headers: bearer(secrets.get('analyst')!) })).statusCode).toBe(200);
    expect((await fx.app.inject({ method: 'GET', url: '/audit', headers: bearer(secrets.get('analyst')!) })).statusCode).toBe(403);
    expect((await fx.app.inject({ method: 'GET', url: '/audit', headers: bearer(secrets.get('admin')!) })).statusCode).toBe(200);
    expect((await fx.app.inject({ ...match, headers: { 'x-api-key': secrets.get('admin')! } })).statusCode).toBe(200);
  });

  it('refuses a malformed, unknown or revoked key with 401', async () => {
    const { key, secret } = await fx.keys.create({ name: 'leaver', role: 'admin' });
    expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: bearer(secret) })).statusCode).toBe(200);
    await fx.keys.revoke(key.prefix);
    for (const headers of [bearer(secret), bearer(`${secret}x`), { authorization: 'Basic abc' }, { authorization: 'Bearer' }, { 'x-api-key': 'nope' }]) {
      const res = await fx.app.inject({ method: 'GET', url: '/lists', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('unauthorized');
    }
  });

  it('asks for a key before saying a route does not exist', async () => {
    expect((await fx.app.inject({ method: 'GET', url: '/nothing-here' })).statusCode).toBe(401);
    expect((await fx.app.inject({ method: 'DELETE', url: '/audit', headers: bearer(secrets.get('admin')!) })).statusCode).toBe(404);
  });
});

describe('lockout after failed API keys', () => {
  it('answers 429 with retry-after to an address after its 20th failed key within a minute, checking no key meanwhile', async () => {
    const fx = await openFixture({ auth: true });
    try {
      const { secret } = await fx.keys.create({ name: 'ops', role: 'admin' });
      const fromA = { remoteAddress: '198.51.100.7' };
      for (let i = 0; i < 20; i++) {
        const res = await fx.app.inject({ method: 'GET', url: '/lists', headers: bearer(`cf_guess${i}`), ...fromA });
        expect(res.statusCode).toBe(401);
      }
      const locked = await fx.app.inject({ method: 'GET', url: '/lists', headers: bearer('cf_guess20'), ...fromA });
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ error: 'too_many_requests', message: expect.stringMatching(/too many failed API keys/) });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      // The right key from the locked address is not checked either (its answer would tell a guess was right) …
      expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: bearer(secret), ...fromA })).statusCode).toBe(429);
      // … while other addresses are served, and health stays open.
      expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: bearer(secret), remoteAddress: '198.51.100.8' })).statusCode).toBe(200);
      expect((await fx.app.inject({ method: 'GET', url: '/health', ...fromA })).statusCode).toBe(200);
    } finally {
      await fx.close();
    }
  });
});

describe('behind a reverse proxy', () => {
  it('counts failed keys per client named by a trusted proxy, and ignores X-Forwarded-For from anyone else', async () => {
    const fx = await openFixture({ auth: true, app: { trustProxy: '10.0.0.1' } });
    try {
      const viaProxy = (client: string, secret: string) =>
        fx.app.inject({ method: 'GET', url: '/lists', headers: { ...bearer(secret), 'x-forwarded-for': client }, remoteAddress: '10.0.0.1' });
      for (let i = 0; i < 20; i++) expect((await viaProxy('203.0.113.5', `cf_guess${i}`)).statusCode).toBe(401);
      expect((await viaProxy('203.0.113.5', 'cf_guess20')).statusCode).toBe(429);
      expect((await viaProxy('203.0.113.6', 'cf_guess21')).statusCode).toBe(401); // another client behind the same proxy
      // A client that is not the trusted proxy cannot pick the address it is counted under.
      for (let i = 0; i < 20; i++) {
        const res = await fx.app.inject({ method: 'GET', url: '/lists', headers: { ...bearer(`cf_x${i}`), 'x-forwarded-for': `198.51.100.${i}` }, remoteAddress: '192.0.2.9' });
        expect(res.statusCode).toBe(401);
      }
      expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: { ...bearer('cf_x20'), 'x-forwarded-for': '198.51.100.99' }, remoteAddress: '192.0.2.9' })).statusCode).toBe(429);
    } finally {
      await fx.close();
    }
  });
});

describe('auth off (loopback)', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture();
  });
  afterAll(async () => fx.close());

  it('serves every route as the local actor, recorded as such in the audit trail', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/match/default', payload: { queries: { q: { schema: 'Person', properties: { name: ['Kim Jong Un'] } } } } });
    expect(res.statusCode).toBe(200);
    expect((await fx.app.inject({ method: 'GET', url: '/audit' })).statusCode).toBe(200);
    expect((await fx.audit.list()).map((e) => e.actor)).toEqual([{ id: 'local', name: 'local', role: 'admin' }]);
  });
});
