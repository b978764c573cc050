import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';

describe('rate limit per key', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture({ auth: true, app: { rateLimit: { max: 3, timeWindowMs: 60_000 } } });
  });
  afterAll(async () => fx.close());

  it('answers 429 in the standard error body once a key used its quota, and counts each key apart', async () => {
    const one = { authorization: `Bearer ${(await fx.keys.create({ name: 'one', role: 'viewer' })).secret}` };
    const two = { authorization: `Bearer ${(await fx.keys.create({ name: 'two', role: 'viewer' })).secret}` };
    for (let i = 0; i < 3; i++) expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: one })).statusCode).toBe(200);
    const limited = await fx.app.inject({ method: 'GET', url: '/lists', headers: one });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: 'too_many_requests', message: expect.stringMatching(/rate limit of 3 requests per 60 s exceeded; retry in/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await fx.app.inject({ method: 'GET', url: '/lists', headers: two })).statusCode).toBe(200);
  });
});

describe('rate limit without auth', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await openFixture({ app: { rateLimit: { max: 2 } } });
  });
  afterAll(async () => fx.close());

  it('counts per client address', async () => {
    const from = (remoteAddress: string) => fx.app.inject({ method: 'GET', url: '/lists', remoteAddress });
    expect((await from('10.0.0.1')).statusCode).toBe(200);
    expect((await from('10.0.0.1')).statusCode).toBe(200);
    expect((await from('10.0.0.1')).statusCode).toBe(429);
    expect((await from('10.0.0.2')).statusCode).toBe(200);
  });
});
