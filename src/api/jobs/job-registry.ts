import { randomUUID } from 'node:crypto';
import { CounterflowError } from '../../errors.js';
import { HttpError, type ApiErrorBody } from '../errors.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** How far a job got: the phase it is in and, when the work is countable, done of total. */
export interface JobProgress {
  phase: string;
  done?: number;
  total?: number;
}

/** A job as `GET /jobs/{id}` shows it; `result` once done, `error` (the usual error body) once failed. */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  result?: unknown;
  error?: ApiErrorBody;
}

export interface JobOptions {
  /** A finished job is kept this long for its result to be fetched (default 1 hour). */
  ttlMs?: number;
  /** Most jobs held, queued, running and finished together; more is a 503 (default 100). */
  maxJobs?: number;
  /** Called with an unexpected (non-client) error of a failed job, for the server log. */
  onError?: (err: unknown) => void;
}

interface Job extends JobView {
  /** The actor id that submitted it: only they (and admins) may read it. */
  owner: string;
  finishedMs?: number;
  run: (progress: (p: JobProgress) => void) => Promise<unknown>;
  settled: Promise<void>;
  settle: () => void;
}

/**
 * In-memory jobs for long requests (a trace that would block a client for long): submitted jobs run one
 * at a time in submission order, report progress, and keep their result for `ttlMs` after they finish.
 * The count is bounded; ids are random UUIDs, so a job id is not guessable.
 *
 * @example
 * const jobs = new JobRegistry({ ttlMs: 3_600_000, maxJobs: 100 });
 * const job = jobs.submit('trace', 'key:3', async (progress) => { progress({ phase: 'tracing' }); return report; });
 * jobs.get(job.id, 'key:3')?.status; // 'queued' | 'running' | 'done' | 'failed'
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();
  private readonly ttlMs: number;
  private readonly maxJobs: number;
  private readonly onError: ((err: unknown) => void) | undefined;
  private tail: Promise<void> = Promise.resolve();

  constructor(options: JobOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.maxJobs = options.maxJobs ?? 100;
    this.onError = options.onError;
  }

  /** Queues a job; a 503 HttpError when the registry is full of unexpired jobs. */
  submit(kind: string, owner: string, run: Job['run']): JobView {
    this.sweep();
    if (this.jobs.size >= this.maxJobs) {
      throw new HttpError(503, 'too_many_jobs', `the server holds ${this.maxJobs} jobs already; fetch finished results or retry later`);
    }
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const job: Job = { id: randomUUID(), kind, status: 'queued', progress: { phase: 'queued' }, createdAt: new Date().toISOString(), owner, run, settled, settle };
    this.jobs.set(job.id, job);
    // setImmediate: the response announcing the job is sent before a synchronous job blocks the loop.
    this.tail = this.tail.then(() => new Promise<void>((resolve) => setImmediate(() => void this.execute(job).then(resolve))));
    return view(job);
  }

  /** A job's view, or undefined when unknown, expired, or submitted by someone else (unless `admin`). */
  get(id: string, requester: string, admin = false): JobView | undefined {
    this.sweep();
    const job = this.jobs.get(id);
    if (!job || (job.owner !== requester && !admin)) return undefined;
    return view(job);
  }

  /**
   * Waits up to `ms` for a job to finish; returns its view either way.
   *
   * @example
   * const v = await jobs.wait(job.id, 2000); // v.status === 'done' when it finished in time
   */
  async wait(id: string, ms: number): Promise<JobView | undefined> {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
    return view(job);
  }

  /** Forgets a job (after its result was handed over directly). */
  forget(id: string): void {
    const job = this.jobs.get(id);
    if (job && (job.status === 'done' || job.status === 'failed')) this.jobs.delete(id);
  }

  /** Drops every job (the server is closing); a running job finishes but its result is not kept. */
  clear(): void {
    this.jobs.clear();
  }

  /** Jobs held now. */
  get size(): number {
    this.sweep();
    return this.jobs.size;
  }

  private async execute(job: Job): Promise<void> {
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    job.progress = { phase: 'started' };
    try {
      job.result = await job.run((p) => {
        job.progress = { ...p };
      });
      job.status = 'done';
      job.progress = { phase: 'done' };
    } catch (err) {
      job.status = 'failed';
      job.error = errorBody(err);
      if (job.error.error === 'internal_error') this.onError?.(err);
    } finally {
      job.finishedAt = new Date().toISOString();
      job.finishedMs = Date.now();
      job.settle();
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedMs !== undefined && now - job.finishedMs > this.ttlMs) this.jobs.delete(id);
    }
  }
}

function view(job: Job): JobView {
  const { id, kind, status, progress, createdAt, startedAt, finishedAt, result, error } = job;
  return {
    id,
    kind,
    status,
    progress: { ...progress },
    createdAt,
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    ...(status === 'done' ? { result } : {}),
    ...(error ? { error } : {}),
  };
}

function errorBody(err: unknown): ApiErrorBody {
  if (err instanceof HttpError) return { error: err.error, message: err.message };
  if (err instanceof CounterflowError) return { error: 'bad_request', message: err.message };
  return { error: 'internal_error', message: 'internal error (this is a bug; the server log has the details)' };
}
