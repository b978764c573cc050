import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from './test-support/fixture.js';

describe('request limits and malformed bodies', () => {
  let fx: Fixture;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    fx = await openFixture({ auth: true, app: { bodyLimit: 64 * 1024 } });
    analyst = { authorization: `Bearer ${(await fx.keys.create({ name: 'alice', role: 'analyst' })).secret}` };
  });
  afterAll(async () => fx.close());

  const json = { 'content-type': 'application/json' };

  it('answers an oversize body with 413 and a message, and records nothing', async () => {
    const before = await fx.audit.count();
    const big = JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['x'.repeat(70 * 1024)] } } } });
    const res = await fx.app.inject({ method: 'POST', url: '/match/default', headers: { ...analyst, ...json }, payload: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'payload_too_large', message: 'the request body is too large' });
    expect(await fx.audit.count()).toBe(before);
  });

  it('answers malformed JSON, a wrong content type, a batch over 100 queries and a wrong field type with 4xx and a message', async () => {
    const cases = [
      { payload: '{"queries": {', headers: json, status: 400, message: /not valid JSON/ },
      { payload: 'queries=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, message: /content type/ },
      { payload: '{"__proto__": {"admin": true}, "queries": {}}', headers: json, status: 400, message: /__proto__/ },
      {
        payload: JSON.stringify({ queries: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: ['a'] } }])) }),
        headers: json,
        status: 400,
        message: /at most 100 queries/,
      },
      { payload: JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: 5 } } } }), headers: json, status: 400, message: /body\.queries\.q\.properties\.name/ },
    ];
    for (const c of cases) {
      const res = await fx.app.inject({ method: 'POST', url: '/match/default', headers: { ...analyst, ...c.headers }, payload: c.payload });
      expect(res.statusCode).toBe(c.status);
      expect(res.json().message).toMatch(c.message);
    }
  });

  it('never answers arbitrary bodies with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ queries: { q: v } }))), fc.constantFrom('/match/default', '/decisions', '/trace', '/exposure', '/compare'), async (payload, url) => {
        const res = await fx.app.inject({ method: 'POST', url, headers: { ...analyst, ...json }, payload });
        expect(res.statusCode).toBeLessThan(500);
        expect(res.json()).toHaveProperty('error');
      }),
      { numRuns: 150 },
    );
  });
});
