import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD } from '../../screening/index.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await openFixture();
});
afterAll(() => fx.close());

const kim = { schema: 'Person', properties: { name: 'Kim Jong Un', birthDate: ['1984-01-08'], nationality: ['kp'] } };

async function match(url: string, payload: unknown) {
  const res = await fx.app.inject({ method: 'POST', url, payload: payload as object });
  return { status: res.statusCode, body: res.json() };
}

describe('POST /match/{dataset}', () => {
  it('answers every query of a batch in yente\'s response shape', async () => {
    const { status, body } = await match('/match/default', {
      queries: { q1: kim, q2: { schema: 'Vessel', properties: { name: ['Chong Chon Gang'], imoNumber: ['7937317'] } } },
    });
    expect(status).toBe(200);
    expect(body.limit).toBe(5);
    expect(Object.keys(body.responses)).toEqual(['q1', 'q2']);
    const q1 = body.responses.q1;
    expect(q1.status).toBe(200);
    expect(q1.query).toEqual({ schema: 'Person', properties: { name: ['Kim Jong Un'], birthDate: ['1984-01-08'], nationality: ['kp'] } });
    expect(q1.total).toEqual({ value: expect.any(Number), relation: 'eq' });
    const top = q1.results[0];
    expect(top).toMatchObject({ id: 'ofac-20157', caption: 'KIM, Jong Un', schema: 'Person', datasets: ['us_ofac_sdn'], referents: [], target: true, match: true });
    expect(top.provenance).toMatchObject({ list: 'us_ofac_sdn', entryId: '20157' });
    expect(top.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    const explanations = Object.values(top.explanations) as { detail: string; score: number }[];
    expect(explanations.length).toBeGreaterThan(0);
    expect(explanations.every((e) => typeof e.detail === 'string' && e.detail.length > 0 && typeof e.score === 'number')).toBe(true);
    expect(body.responses.q2.results[0]).toMatchObject({ id: 'ofac-17069', match: true });
  });

  it('finds a wallet by its address in another case', async () => {
    const { body } = await match('/match/default', { queries: { w: { schema: 'CryptoWallet', properties: { publicKey: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' } } } });
    expect(body.responses.w.results[0]).toMatchObject({ id: 'ofac-27307-wallet-eth-0x098b716b8aaf21512996dc57eb0615e2383e2f96', match: true });
  });

  it('screens one list when the dataset names it, and refuses an unknown dataset with 404', async () => {
    const un = await match('/match/un_sc', { queries: { q: kim } });
    expect(un.status).toBe(200);
    for (const r of un.body.responses.q.results) expect(r.datasets).toEqual(['un_sc']);
    const missing = await match('/match/eu_fsf', { queries: { q: kim } });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'not_found', message: 'unknown dataset "eu_fsf"; known: default, un_sc, us_ofac_sdn' });
  });

  it('applies limit, threshold and cutoff, and accepts yente\'s algorithm names', async () => {
    const one = await match('/match/default?limit=1', { queries: { q: { schema: 'LegalEntity', properties: { name: 'Korea' } } } });
    expect(one.body.limit).toBe(1);
    expect(one.body.responses.q.results.length).toBeLessThanOrEqual(1);
    for (const threshold of [0.3, 0.99]) {
      const r = await match(`/match/default?threshold=${threshold}&cutoff=0`, { queries: { q: { schema: 'Person', properties: { name: 'Kim Jong' } } } });
      expect(r.status).toBe(200);
      for (const res of r.body.responses.q.results) expect(res.match).toBe(res.score >= threshold);
    }
    const cut = await match('/match/default?cutoff=0.9&threshold=0.95', { queries: { q: { schema: 'Person', properties: { name: 'Kim Jong' } } } });
    for (const res of cut.body.responses.q.results) expect(res.score).toBeGreaterThanOrEqual(0.9);
    for (const algorithm of ['best', 'logic-v2', 'ofac']) {
      expect((await match(`/match/default?algorithm=${algorithm}`, { queries: { q: kim } })).status).toBe(200);
    }
  });

  it('accepts yente\'s weights and config and an empty batch', async () => {
    const r = await match('/match/default', { queries: {}, weights: { name_literal: 0.8 }, config: { nm_number_mismatch: 0.4 } });
    expect(r).toEqual({ status: 200, body: { responses: {}, limit: 5 } });
  });

  it('refuses bad requests with 400 and a message naming the problem', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/match/default', { queries: { q: { schema: 'Persn', properties: { name: 'X' } } } }, /^body\.queries\.q\.schema: unknown or unmatchable schema "Persn"/],
      ['/match/default', { queries: { q: { schema: 'Person', properties: { name: 5 } } } }, /^body\.queries\.q\.properties\.name: /],
      ['/match/default', { queries: { q: { schema: 'Person', properties: { imoNumber: '1' } } } }, /schema Person has no property "imoNumber"/],
      ['/match/default', { queries: [kim] }, /^body\.queries: /],
      ['/match/default', { queries: { ok: kim, q2: { schema: 'Person', properties: { birthDate: '1980' } } } }, /^body\.queries\.q2: .*nothing to screen/],
      ['/match/default', { queries: { q: { schema: 'Person', properties: { name: 'Kim', birthDate: 'soon' } } } }, /^body\.queries\.q: .*"soon" is not a date/],
      ['/match/default', [kim], /^body: /],
      ['/match/default', { query: { q: kim } }, /^body\.queries: /],
      ['/match/default', { queries: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, kim])) }, /at most 100 queries per request/],
      ['/match/default?limit=0', { queries: { q: kim } }, /^querystring\.limit: /],
      ['/match/default?limit=501', { queries: { q: kim } }, /^querystring\.limit: /],
      ['/match/default?limit=many', { queries: { q: kim } }, /^querystring\.limit: /],
      ['/match/default?threshold=1.5', { queries: { q: kim } }, /^querystring\.threshold: /],
      ['/match/default?threshold=', { queries: { q: kim } }, /^querystring\.threshold: must not be empty/],
      ['/match/default?algorithm=regression-v1', { queries: { q: kim } }, /^querystring\.algorithm: use one of: logic, best, logic-v2, ofac/],
    ];
    for (const [url, payload, message] of cases) {
      const r = await match(url, payload);
      expect(r.status, url).toBe(400);
      expect(r.body.error).toBe('bad_request');
      expect(r.body.message).toMatch(message);
    }
  });

  it('takes exactly 100 queries', async () => {
    const r = await match('/match/default?limit=1', { queries: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`q${i}`, kim])) });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body.responses)).toHaveLength(100);
  });

  it('refuses malformed JSON and a missing body with 400', async () => {
    const bad = await fx.app.inject({ method: 'POST', url: '/match/default', headers: { 'content-type': 'application/json' }, payload: '{"queries": {' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('bad_request');
    const none = await fx.app.inject({ method: 'POST', url: '/match/default' });
    expect(none.statusCode).toBe(400);
  });
});
