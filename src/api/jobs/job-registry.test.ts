import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { JobRegistry } from './job-registry.js';

describe('job registry', () => {
  it('runs jobs one at a time in order, reporting progress, then keeps the result for the owner', async () => {
    const jobs = new JobRegistry();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = jobs.submit('trace', 'key:1', async (progress) => {
      order.push('first starts');
      progress({ phase: 'tracing', done: 1, total: 2 });
      await gate;
      order.push('first ends');
      return { n: 1 };
    });
    const second = jobs.submit('trace', 'key:1', async () => {
      order.push('second starts');
      return { n: 2 };
    });
    expect(first.status).toBe('queued');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(jobs.get(first.id, 'key:1')).toMatchObject({ status: 'running', progress: { phase: 'tracing', done: 1, total: 2 } });
    expect(jobs.get(second.id, 'key:1')?.status).toBe('queued');
    release();
    expect(await jobs.wait(second.id, 1000)).toMatchObject({ status: 'done', result: { n: 2 } });
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
    expect(jobs.get(first.id, 'key:1')).toMatchObject({ status: 'done', result: { n: 1 }, progress: { phase: 'done' } });
  });

  it('hides a job from other keys but not from an admin', async () => {
    const jobs = new JobRegistry();
    const job = jobs.submit('trace', 'key:1', async () => 1);
    expect(jobs.get(job.id, 'key:2')).toBeUndefined();
    expect(jobs.get(job.id, 'key:2', true)?.id).toBe(job.id);
  });

  it('reports a failed job with the error body: the message of a client error, nothing internal otherwise', async () => {
    const logged: unknown[] = [];
    const jobs = new JobRegistry({ onError: (err) => logged.push(err) });
    const bad = jobs.submit('trace', 'a', async () => {
      throw new InputError('--from-address', 'no stored transfer touches 0xabc');
    });
    const bug = jobs.submit('trace', 'a', async () => {
      throw new TypeError('secret detail');
    });
    expect((await jobs.wait(bad.id, 1000))?.error).toEqual({ error: 'bad_request', message: '--from-address: no stored transfer touches 0xabc' });
    const failed = await jobs.wait(bug.id, 1000);
    expect(failed?.status).toBe('failed');
    expect(JSON.stringify(failed)).not.toContain('secret detail');
    expect(logged).toHaveLength(1);
  });

  it('holds a bounded number of jobs (503 beyond) and forgets finished ones after the TTL', async () => {
    const jobs = new JobRegistry({ maxJobs: 2, ttlMs: 20 });
    const a = jobs.submit('x', 'o', async () => 1);
    jobs.submit('x', 'o', async () => 2);
    expect(() => jobs.submit('x', 'o', async () => 3)).toThrow(expect.objectContaining({ statusCode: 503 }));
    await jobs.wait(a.id, 1000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(jobs.size).toBe(0);
    expect(jobs.get(a.id, 'o')).toBeUndefined();
    expect(jobs.submit('x', 'o', async () => 4).status).toBe('queued');
  });
});
