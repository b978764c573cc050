import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Screener } from '../../screening/index.js';
import { buildApp } from '../app.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';

describe('GET /health and GET /ready', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture({ auth: true, app: { rateLimit: { max: 1 } } });
  });
  afterAll(async () => fx.close());

  it('answer without a key and without counting against the rate limit', async () => {
    for (let i = 0; i < 3; i++) {
      const health = await fx.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toMatchObject({ status: 'ok' });
      const ready = await fx.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ ready: true, checks: { store: 'ok', index: 'built' }, lists: 2, entities: expect.any(Number) });
    }
  });

  it('says not ready (503) while no list is loaded', async () => {
    const app = buildApp({ store: fx.store, screener: Screener.build([]) });
    try {
      const ready = await app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ ready: false, checks: { store: 'ok', index: 'empty' }, lists: 0 });
    } finally {
      await app.close();
    }
  });
});
