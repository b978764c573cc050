import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransferStore } from '../../store/transfer-store.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';
import { nativeTransfer as transfer } from '../../chain/test-support/native-transfer.js';

const LAZARUS = '0x098b716b8aaf21512996dc57eb0615e2383e2f96';
const A = '0x00000000000000000000000000000000000000aa';

async function poll(fx: Fixture, location: string, headers: Record<string, string>): Promise<{ status: string; result?: { addresses: unknown[] }; error?: { message: string } }> {
  for (let i = 0; i < 200; i++) {
    const res = await fx.app.inject({ method: 'GET', url: location, headers });
    expect(res.statusCode).toBe(200);
    const job = res.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the job did not finish');
}

describe('long traces become jobs', () => {
  let fx: Fixture;
  let alice: Record<string, string>;
  let bob: Record<string, string>;
  beforeAll(async () => {
    fx = await openFixture({ auth: true, app: { traceJobs: { workThreshold: 20 } } });
    const transfers = await TransferStore.open({ home: dirname(fx.store.location) });
    transfers.write({ chain: 'ethereum', sourceId: transfers.sourceId('ethereum', 'files', 't.csv'), transfers: [transfer(1, LAZARUS, A)] });
    await transfers.close();
    alice = { authorization: `Bearer ${(await fx.keys.create({ name: 'alice', role: 'analyst' })).secret}` };
    bob = { authorization: `Bearer ${(await fx.keys.create({ name: 'bob', role: 'analyst' })).secret}` };
  });
  afterAll(async () => fx.close());

  it('answers a small trace directly and a large one (seeds × hops over the threshold) with 202, a job id and progress', async () => {
    const small = await fx.app.inject({ method: 'POST', url: '/trace', headers: alice, payload: { from_address: [LAZARUS], hops: 5 } });
    expect(small.statusCode).toBe(200);
    const before = await fx.audit.count();
    const large = await fx.app.inject({ method: 'POST', url: '/trace', headers: alice, payload: { from_address: [LAZARUS], hops: 50 } });
    expect(large.statusCode).toBe(202);
    const accepted = large.json();
    expect(accepted).toMatchObject({ jobId: expect.any(String), status: 'queued', progress: { phase: 'queued' } });
    expect(large.headers.location).toBe(`/jobs/${accepted.jobId}`);
    const job = await poll(fx, accepted.location, alice);
    expect(job.status).toBe('done');
    expect(job.result?.addresses).toHaveLength(2);
    expect(await fx.audit.count()).toBe(before + 1);
    expect((await fx.app.inject({ method: 'GET', url: accepted.location, headers: bob })).statusCode).toBe(404);
  });

  it('hands over on request (?async=true), and reports a failure in the job', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/trace?async=true', headers: alice, payload: { from_address: [A.replace('aa', 'ff')] } });
    expect(res.statusCode).toBe(202);
    const job = await poll(fx, res.json().location, alice);
    expect(job).toMatchObject({ status: 'failed', error: { error: 'bad_request', message: expect.stringMatching(/no stored transfer touches/) } });
  });

  it('keeps the status of a client error when the trace runs directly', async () => {
    const res = await fx.app.inject({ method: 'POST', url: '/trace', headers: alice, payload: { from_address: [A.replace('aa', 'ff')] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/no stored transfer touches/);
  });
});
