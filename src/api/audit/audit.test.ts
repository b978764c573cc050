import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../store/audit-log.js';
import { TransferStore } from '../../store/transfer-store.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';
import { nativeTransfer as transfer } from '../../chain/test-support/native-transfer.js';

const LAZARUS = '0x098b716b8aaf21512996dc57eb0615e2383e2f96';
const A = '0x00000000000000000000000000000000000000aa';

const person = (name: string) => ({ schema: 'Person', properties: { name: [name] } });

describe('the audit trail of the API', () => {
  let fx: Fixture;
  let admin: Record<string, string>;
  let analyst: Record<string, string>;
  beforeAll(async () => {
    fx = await openFixture({ auth: true });
    const transfers = await TransferStore.open({ home: dirname(fx.store.location) });
    transfers.write({ chain: 'ethereum', sourceId: transfers.sourceId('ethereum', 'files', 't.csv'), transfers: [transfer(1, LAZARUS, A)] });
    await transfers.close();
    admin = { authorization: `Bearer ${(await fx.keys.create({ name: 'root', role: 'admin' })).secret}` };
    analyst = { authorization: `Bearer ${(await fx.keys.create({ name: 'alice', role: 'analyst' })).secret}` };
  });
  afterAll(async () => fx.close());

  const audited = [
    { action: 'screen', request: { method: 'POST', url: '/match/default', payload: { queries: { q: person('Kim Jong Un') } } } },
    { action: 'screen.batch', request: { method: 'POST', url: '/match/un_sc?algorithm=ofac', payload: { queries: { a: person('Yun Ho-jin'), b: person('Jane Doe') } } } },
    { action: 'trace', request: { method: 'POST', url: '/trace', payload: { from_address: [LAZARUS], hops: 2 } } },
    { action: 'exposure', request: { method: 'POST', url: '/exposure', payload: { addresses: [A] } } },
    { action: 'vet', request: { method: 'POST', url: '/vet', payload: { records: [{ id: 'w1', names: ['Jane Doe'] }] } } },
    { action: 'decision', request: { method: 'POST', url: '/decisions', payload: { subject: { kind: 'entity', ref: 'ofac-20157' }, decision: 'true_positive', reason: 'same birth date' } } },
  ] as const;

  it('grows by exactly one entry per audited action, with actor, digests and list versions', async () => {
    for (const { action, request } of audited) {
      const before = await fx.audit.count();
      const res = await fx.app.inject({ ...request, headers: analyst });
      expect([action, res.statusCode]).toEqual([action, request.url === '/decisions' ? 201 : 200]);
      expect(await fx.audit.count()).toBe(before + 1);
      const [entry] = await fx.audit.list({ order: 'desc', limit: 1 });
      expect(entry).toMatchObject({ action, actor: { name: 'alice', role: 'analyst' }, listVersions: ['un_sc@1', 'us_ofac_sdn@1'] });
      expect(entry!.inputDigest).toMatch(/^[0-9a-f]{64}$/);
      if (action !== 'decision') expect(entry!.resultDigest).toBe(digest(res.json()));
    }
    const screen = (await fx.audit.list({ action: 'screen' }))[0]!;
    expect(screen.subject).toBe('Person: Kim Jong Un');
    expect(screen.detail).toEqual({ dataset: 'default', algorithm: 'logic', queries: 1, matched: 1 });
    expect(await fx.audit.verify()).toMatchObject({ ok: true });
  });

  it('records nothing for reads, refused requests and invalid input', async () => {
    const before = await fx.audit.count();
    await fx.app.inject({ method: 'GET', url: '/lists', headers: analyst });
    await fx.app.inject({ method: 'GET', url: '/search/default?q=kim', headers: analyst });
    await fx.app.inject({ method: 'POST', url: '/match/default', payload: audited[0].request.payload });
    await fx.app.inject({ method: 'POST', url: '/match/default', headers: analyst, payload: { queries: { q: { schema: 'Nope' } } } });
    await fx.app.inject({ method: 'POST', url: '/decisions', headers: analyst, payload: { subject: { kind: 'entity', ref: 'x' }, decision: 'maybe', reason: 'r' } });
    expect(await fx.audit.count()).toBe(before);
  });

  it('cannot be changed through the API: no route writes, edits or deletes an entry', async () => {
    const before = await fx.audit.list();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/audit', `/audit/${before[0]!.id}`, '/decisions', `/decisions/${before[0]!.id}`]) {
        if (method === 'POST' && url === '/decisions') continue;
        const res = await fx.app.inject({ method, url, headers: admin, payload: { subject: 'edited' } });
        expect([method, url, res.statusCode]).toEqual([method, url, 404]);
      }
    }
    const writes = fx.app.routeAccess.filter((r) => r.url.startsWith('/audit') && r.method !== 'GET');
    expect(writes).toEqual([]);
    expect(await fx.audit.list()).toEqual(before);
    const verify = await fx.app.inject({ method: 'GET', url: '/audit/verify', headers: admin });
    expect(verify.json()).toEqual({ ok: true, entries: before.length });
  });

  it('lists entries for an admin, filtered by action and time', async () => {
    const res = await fx.app.inject({ method: 'GET', url: '/audit?action=screen*&since=1h&order=asc', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.map((e: { action: string }) => e.action)).toEqual(['screen', 'screen.batch']);
    const bad = await fx.app.inject({ method: 'GET', url: '/audit?since=yesterday', headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/since: "yesterday" is not a date/);
  });
});
