import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await openFixture();
});
afterAll(() => fx.close());

async function compare(payload: unknown) {
  const res = await fx.app.inject({ method: 'POST', url: '/compare', payload: payload as object });
  return { status: res.statusCode, body: res.json() };
}

describe('POST /compare', () => {
  it('scores two entities with explanations, a same person above a different one', async () => {
    const left = { schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'] } };
    const same = await compare({ left, right: { id: 'ofac-20157', caption: 'KIM, Jong Un', datasets: ['us_ofac_sdn'], schema: 'Person', properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'] } } });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ match: true, review: false });
    expect(Object.keys(same.body).sort()).toEqual(['explanations', 'match', 'review', 'score']);
    expect(Object.values(same.body.explanations).length).toBeGreaterThan(0);
    const other = await compare({ left, right: { schema: 'Person', properties: { name: 'Svetlana Ivanova' } } });
    expect(other.body.match).toBe(false);
    expect(other.body.score).toBeLessThan(same.body.score);
    expect((await compare({ left, right: left, algorithm: 'ofac' })).status).toBe(200);
  });

  it('refuses a missing side, an unknown schema and an unknown algorithm with 400', async () => {
    const left = { schema: 'Person', properties: { name: 'A' } };
    expect((await compare({ left })).body.message).toMatch(/^body\.right: /);
    expect((await compare({ left, right: { schema: 'Thing?', properties: {} } })).body.message).toMatch(/^body\.right\.schema: unknown or unmatchable schema/);
    const r = await compare({ left, right: left, algorithm: 'jaro' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^body\.algorithm: /);
  });
});
