import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await openFixture();
});
afterAll(() => fx.close());

describe('GET /lists', () => {
  it('lists the active versions with counts and publication dates, and what the index holds', async () => {
    const res = await fx.app.inject({ method: 'GET', url: '/lists' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const byName = Object.fromEntries(body.lists.map((l: { list: string }) => [l.list, l]));
    expect(byName.un_sc).toMatchObject({ ref: 'un_sc@1', publishedAt: '2026-02-27', targetCount: 2, entityCount: 4, dprkEntries: 2, bySchema: { Person: 1, Organization: 1, Sanction: 2 } });
    expect(byName.us_ofac_sdn).toMatchObject({ ref: 'us_ofac_sdn@1', publishedAt: '2024-05-03', targetCount: 3, entityCount: 6, dprkEntries: 3 });
    expect(body.index.lists.sort()).toEqual(['un_sc', 'us_ofac_sdn']);
    expect(body.index.entities).toBeGreaterThan(0);
  });

  it('does not take other methods', async () => {
    const res = await fx.app.inject({ method: 'DELETE', url: '/lists' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
  });
});
