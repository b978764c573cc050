import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await openFixture();
});
afterAll(() => fx.close());

describe('GET /entities/{id}', () => {
  it('returns the entity with its provenance, list version and the entities of the same entry', async () => {
    const res = await fx.app.inject({ method: 'GET', url: '/entities/ofac-27307' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: 'ofac-27307', caption: 'LAZARUS GROUP', schema: 'Organization', target: true, provenance: { list: 'us_ofac_sdn', entryId: '27307', programs: ['DPRK3'] } });
    expect(body.version).toMatchObject({ list: 'us_ofac_sdn', seq: 1, ref: 'us_ofac_sdn@1', publishedAt: '2024-05-03' });
    expect(body.related.map((r: { id: string }) => r.id).sort()).toEqual(['ofac-27307-addr-41656', 'ofac-27307-wallet-eth-0x098b716b8aaf21512996dc57eb0615e2383e2f96']);
  });

  it('answers an unknown id with 404', async () => {
    const res = await fx.app.inject({ method: 'GET', url: '/entities/ofac-0%20x' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'no entity "ofac-0 x" in the active list versions' });
  });
});
