import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';

describe('POST /decisions and GET /decisions', () => {
  let fx: Fixture;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    fx = await openFixture({ auth: true });
    analyst = { authorization: `Bearer ${(await fx.keys.create({ name: 'alice', role: 'analyst' })).secret}` };
    viewer = { authorization: `Bearer ${(await fx.keys.create({ name: 'victor', role: 'viewer' })).secret}` };
  });
  afterAll(async () => fx.close());

  const decide = (decision: string, ref = 'ofac-20157', extra: object = {}) => ({
    method: 'POST' as const,
    url: '/decisions',
    payload: { subject: { kind: 'entity', ref }, decision, reason: `reviewed: ${decision}`, ...extra },
  });

  it('records a decision with who and when, and lists them newest first per subject', async () => {
    const first = await fx.app.inject({ ...decide('false_positive', 'ofac-20157', { context: { query: 'Kim Jong Un', score: 0.71 } }), headers: analyst });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      actor: { name: 'alice', role: 'analyst' },
      subject: { kind: 'entity', ref: 'ofac-20157' },
      decision: 'false_positive',
      reason: 'reviewed: false_positive',
      context: { query: 'Kim Jong Un', score: 0.71 },
      listVersions: ['un_sc@1', 'us_ofac_sdn@1'],
    });
    await fx.app.inject({ ...decide('block', 'un-690735'), headers: analyst });
    await fx.app.inject({ ...decide('true_positive'), headers: analyst });
    const list = await fx.app.inject({ method: 'GET', url: '/decisions?subject=entity:ofac-20157', headers: viewer });
    expect(list.statusCode).toBe(200);
    expect(list.json().decisions.map((d: { decision: string }) => d.decision)).toEqual(['true_positive', 'false_positive']);
    const all = await fx.app.inject({ method: 'GET', url: '/decisions?limit=2', headers: viewer });
    expect(all.json().decisions).toHaveLength(2);
  });

  it('refuses a viewer (403), an unknown decision, a missing reason and unknown keys (400)', async () => {
    expect((await fx.app.inject({ ...decide('clear'), headers: viewer })).statusCode).toBe(403);
    for (const bad of [decide('maybe'), decide('clear', 'x', { reason: '  ' }), decide('clear', 'x', { extra: 1 }), decide('clear', 'x', { context: { blob: 'x'.repeat(9000) } })]) {
      const res = await fx.app.inject({ ...bad, headers: analyst });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request', message: expect.any(String) });
    }
  });
});
