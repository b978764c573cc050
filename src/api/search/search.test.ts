import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, type Fixture } from '../test-support/fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await openFixture();
});
afterAll(() => fx.close());

async function get(url: string) {
  const res = await fx.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() };
}

describe('GET /search/{dataset}', () => {
  it('finds entities by name in yente\'s search response shape', async () => {
    const { status, body } = await get('/search/default?q=lazarus');
    expect(status).toBe(200);
    expect(body).toMatchObject({ limit: 10, offset: 0, total: { value: expect.any(Number), relation: 'eq' } });
    expect(body.results.map((r: { id: string }) => r.id)).toContain('ofac-27307');
    expect(body.results[0]).toHaveProperty('provenance');
  });

  it('counts every entity found by country, topic and dataset (yente\'s facets), also beyond the page shown', async () => {
    const all = await get('/search/default?q=lazarus&limit=50');
    const beyond = await get('/search/default?q=lazarus&limit=1&offset=1');
    expect(beyond.body.results).toEqual([]);
    expect(beyond.body.facets).toEqual(all.body.facets);
    expect(all.body.facets).toEqual({
      countries: { label: 'Countries', values: [{ name: 'kp', label: 'North Korea', count: 1 }] },
      topics: { label: 'Topics', values: [] },
      datasets: { label: 'Data sources', values: [{ name: 'us_ofac_sdn', label: 'us_ofac_sdn', count: 1 }] },
    });
  });

  it('filters by schema and by dataset, and pages with limit and offset', async () => {
    const vessels = await get('/search/default?q=chong&schema=Vessel');
    expect(vessels.body.results.length).toBeGreaterThan(0);
    for (const r of vessels.body.results) expect(r.schema).toBe('Vessel');
    const un = await get('/search/un_sc?q=korea');
    for (const r of un.body.results) expect(r.datasets).toEqual(['un_sc']);
    const all = await get('/search/default?q=korea&limit=50');
    const page = await get('/search/default?q=korea&limit=1&offset=1');
    expect(page.body.results.length).toBeLessThanOrEqual(1);
    if (all.body.results.length > 1) expect(page.body.results[0].id).toBe(all.body.results[1].id);
    expect(page.body.total.value).toBe(all.body.total.value);
  });

  it('refuses bad parameters with 400 and an unknown dataset with 404', async () => {
    const empty = await get('/search/default?q=%20');
    expect(empty).toEqual({ status: 400, body: expect.objectContaining({ error: 'bad_request', message: 'querystring.q: give a name, identifier or address to search for' }) });
    for (const url of ['/search/default', '/search/default?q=x&limit=0', '/search/default?q=x&limit=501', '/search/default?q=x&offset=-1', '/search/default?q=x&schema=Persn', '/search/default?q=x&offset=9999&limit=10']) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error).toBe('bad_request');
    }
    expect((await get('/search/nope?q=x')).status).toBe(404);
  });
});
