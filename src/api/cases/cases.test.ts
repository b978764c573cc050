import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseStore } from '../../store/case-store.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';
import { caseRoutes } from './route.js';

const RECEIVER = '0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2';

let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function open(auth = false): Promise<Fixture> {
  fx = await openFixture({ auth });
  await fx.app.register(caseRoutes, { cases: new CaseStore(fx.db), store: fx.store });
  return fx;
}

describe('case routes', () => {
  it('opens a case, collects items from any page, records decisions and audits each write', async () => {
    const { app, audit } = await open();
    const created = await app.inject({ method: 'POST', url: '/cases', payload: { title: 'Lazarus wallets', description: 'from the Bybit trace' } });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ title: 'Lazarus wallets', description: 'from the Bybit trace', status: 'open', items: [], decisions: [], createdBy: 'local' });

    const add = (payload: object) => app.inject({ method: 'POST', url: `/cases/${c.id}/items`, payload });
    expect((await add({ kind: 'address', ref: RECEIVER, label: 'main receiver' })).json()).toMatchObject({ kind: 'address', ref: RECEIVER.toLowerCase(), label: 'main receiver', addedBy: 'local', added: true });
    expect((await add({ kind: 'entity', ref: 'ofac-27307' })).statusCode).toBe(201);
    expect((await add({ kind: 'incident', ref: 'bybit-2025' })).statusCode).toBe(201);
    expect((await add({ kind: 'worker', ref: 'W-0042', label: '김철수' })).statusCode).toBe(201);
    expect((await add({ kind: 'note', ref: 'asked the exchange to freeze' })).statusCode).toBe(201);
    const again = await add({ kind: 'address', ref: RECEIVER.toLowerCase() });
    expect([again.statusCode, again.json().added]).toEqual([200, false]);

    const decided = await app.inject({ method: 'POST', url: `/cases/${c.id}/decisions`, payload: { decision: 'true_positive', reason: 'on the FBI list' } });
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({ decision: 'true_positive', reason: 'on the FBI list', actor: 'local', status: 'open' });

    const read = (await app.inject({ url: `/cases/${c.id}` })).json();
    expect(Object.keys(read).sort()).toEqual(['createdAt', 'createdBy', 'decisions', 'description', 'id', 'items', 'status', 'title', 'updatedAt']);
    expect(read.items.map((i: { kind: string }) => i.kind)).toEqual(['address', 'entity', 'incident', 'worker', 'note']);
    expect(read.decisions).toEqual([{ id: expect.any(Number), decision: 'true_positive', reason: 'on the FBI list', actor: 'local', at: expect.any(String) }]);
    expect((await app.inject({ url: '/cases' })).json()).toEqual({
      cases: [{ id: c.id, title: 'Lazarus wallets', status: 'open', createdAt: c.createdAt, updatedAt: read.updatedAt, itemCount: 5, decision: 'true_positive' }],
    });

    const closed = await app.inject({ method: 'POST', url: `/cases/${c.id}/decisions`, payload: { decision: 'close', reason: 'exchange froze the funds' } });
    expect(closed.json().status).toBe('closed');
    expect((await app.inject({ url: '/cases?status=open' })).json().cases).toEqual([]);

    const entries = await audit.list({ subject: `case:${c.id}` });
    expect(entries.map((e) => e.action)).toEqual(['case.create', 'case.item', 'case.item', 'case.item', 'case.item', 'case.item', 'case.decision', 'case.decision']);
    expect(entries.at(-1)?.detail).toEqual({ decision: 'close', reason: 'exchange froze the funds', status: 'closed' });
  });

  it('answers bad input, unknown cases and closed cases with a 4xx JSON body naming the problem', async () => {
    const { app } = await open();
    const id = (await app.inject({ method: 'POST', url: '/cases', payload: { title: 't' } })).json().id;
    const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
    const cases: [string, unknown, number, RegExp][] = [
      ['/cases', { title: '  ' }, 400, /case \(title\): is empty/],
      ['/cases', { title: 't', owner: 'x' }, 400, /owner/],
      [`/cases/${id}/items`, { kind: 'entity', ref: 'ofac-999' }, 400, /case item \(ref\): no entity "ofac-999" in the active list versions/],
      [`/cases/${id}/items`, { kind: 'incident', ref: 'nope-2020' }, 400, /no incident "nope-2020"/],
      [`/cases/${id}/items`, { kind: 'address', ref: '0x1234' }, 400, /not a valid crypto address/],
      [`/cases/${id}/items`, { kind: 'wallet', ref: 'x' }, 400, /body\.kind/],
      [`/cases/${id}/decisions`, { decision: 'block', reason: ' ' }, 400, /\(reason\): is empty/],
      [`/cases/${id}/decisions`, { decision: 'approve', reason: 'x' }, 400, /body\.decision/],
      [`/cases/${id}/decisions`, { decision: 'reopen', reason: 'x' }, 400, /is open; there is nothing to reopen/],
      ['/cases/999/items', { kind: 'note', ref: 'x' }, 404, /no case 999/],
      ['/cases/abc/decisions', { decision: 'block', reason: 'x' }, 400, /params\.id/],
      ['/cases/99999999999/items', { kind: 'note', ref: 'x' }, 400, /params\.id/],
    ];
    for (const [url, payload, status, message] of cases) {
      const res = await post(url, payload);
      expect([url, res.statusCode]).toEqual([url, status]);
      expect(res.json().message).toMatch(message);
    }
    expect((await app.inject({ url: '/cases/999' })).statusCode).toBe(404);
    await post(`/cases/${id}/decisions`, { decision: 'close', reason: 'done' });
    const late = await post(`/cases/${id}/items`, { kind: 'note', ref: 'late' });
    expect([late.statusCode, late.json().error]).toEqual([409, 'conflict']);
    // Decisions cannot be changed or withdrawn over HTTP.
    for (const method of ['DELETE', 'PUT', 'PATCH'] as const) expect((await app.inject({ method, url: `/cases/${id}/decisions` })).statusCode).toBe(404);
  });

  it('never answers a 500 to untrusted item bodies', async () => {
    const { app } = await open();
    const id = (await app.inject({ method: 'POST', url: '/cases', payload: { title: 't' } })).json().id;
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('__proto__', 'constructor', 'toString', RECEIVER));
    await fc.assert(
      fc.asyncProperty(fc.record({ kind: fc.oneof(fc.constantFrom('address', 'entity', 'worker', 'note', 'incident'), text), ref: text, label: fc.option(text, { nil: undefined }) }, { requiredKeys: [] }), async (body) => {
        const res = await app.inject({ method: 'POST', url: `/cases/${id}/items`, payload: body });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('lets a viewer read cases but not write them', async () => {
    const { app, keys } = await open(true);
    const analyst = (await keys.create({ name: 'alice', role: 'analyst' })).secret;
    const viewer = (await keys.create({ name: 'victor', role: 'viewer' })).secret;
    const as = (secret: string) => ({ authorization: `Bearer ${secret}` });
    const created = await app.inject({ method: 'POST', url: '/cases', headers: as(analyst), payload: { title: 't' } });
    expect(created.json().createdBy).toBe('alice');
    expect((await app.inject({ url: '/cases', headers: as(viewer) })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/cases', headers: as(viewer), payload: { title: 't' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/cases/${created.json().id}/decisions`, headers: as(viewer), payload: { decision: 'block', reason: 'x' } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/cases' })).statusCode).toBe(401);
    const access = app.routeAccess.filter((r) => r.url.startsWith('/cases')).map((r) => `${r.method} ${r.url} ${r.access}`);
    expect(access.sort()).toEqual(['GET /cases read', 'GET /cases/:id read', 'POST /cases decide', 'POST /cases/:id/decisions decide', 'POST /cases/:id/items decide']);
  });
});
