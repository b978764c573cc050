import type {
  Algorithm,
  ApiErrorBody,
  AuditEntry,
  CaseDecision,
  CaseDetail,
  CaseItem,
  CaseSummary,
  Dashboard,
  DecisionRecord,
  DecisionRequest,
  EntityJson,
  ExposureReport,
  JobAccepted,
  JobProgress,
  JobState,
  ListsResponse,
  MatchQuery,
  MatchResponse,
  NewCaseItem,
  TraceReport,
  TraceRequest,
  VetReport,
} from './api-types.js';

/** An answer of the server that is not a success, or no answer at all (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const KEY_STORAGE = 'counterflow.apiKey';

/** Fires `unauthorized` (the server answered 401 or 403) so that the top bar can ask for a key. */
export const authEvents = new EventTarget();

/**
 * The API key kept in this browser (localStorage), or null.
 *
 * @example
 * if (!storedApiKey()) showKeyField();
 */
export function storedApiKey(): string | null {
  try {
    return localStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

/**
 * Keeps (or with null forgets) the API key sent as `Authorization: Bearer` with every request.
 *
 * @example
 * setApiKey('cf_…');
 */
export function setApiKey(key: string | null): void {
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage disabled (private mode): the key then lasts as long as the page.
  }
  sessionKey = key;
}

let sessionKey: string | null = null;

function headers(json: boolean): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json' };
  if (json) h['content-type'] = 'application/json';
  const key = sessionKey ?? storedApiKey();
  if (key) h.authorization = `Bearer ${key}`;
  return h;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await res.json()) as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (a proxy's error page): the status line says enough.
  }
  if (res.status === 401 || res.status === 403) authEvents.dispatchEvent(new CustomEvent('unauthorized', { detail: res.status }));
  const message = typeof body.message === 'string' ? body.message : `${res.status} ${res.statusText || 'error'}`;
  return new ApiError(res.status, typeof body.error === 'string' ? body.error : 'http_error', message, body.details);
}

/**
 * One request to the Counterflow server; JSON in and out. A 4xx/5xx answer throws an ApiError with
 * the server's message; an unreachable server throws one with status 0.
 *
 * @example
 * const lists = await request<ListsResponse>('GET', '/lists');
 */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await send(method, path, body, signal);
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

async function send(method: string, path: string, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      headers: headers(body !== undefined),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', `cannot reach the Counterflow server (${(err as Error).message}); is \`npm start\` running?`);
  }
}

/**
 * A file the server renders (a report, an export) as a Blob, with the key sent like any request.
 *
 * @example
 * const pdf = await fetchBlob(reportPath('incidents', 'demo-bybit-like-2025', 'pdf'));
 */
export async function fetchBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const res = await send('GET', path, undefined, signal);
  if (!res.ok) throw await errorFrom(res);
  return res.blob();
}

/**
 * The path of a report or export.
 *
 * @example
 * reportPath('cases', '7', 'pdf'); // '/reports/cases/7.pdf'
 */
export function reportPath(kind: 'incidents' | 'cases', id: string, format: 'html' | 'pdf'): string {
  return `/reports/${kind}/${encodeURIComponent(id)}.${format}`;
}

/** The FtM export of a case (`/export/cases/ID.ftm.json`) or of an incident's trace. */
export function exportPath(kind: 'case' | 'trace', id: string): string {
  return kind === 'case' ? `/export/cases/${encodeURIComponent(id)}.ftm.json` : `/export/trace.ftm.json?incident=${encodeURIComponent(id)}`;
}

/** Either the finished trace or the job that computes it. */
export type TraceStart = { kind: 'done'; report: TraceReport } | { kind: 'job'; job: JobAccepted };

/**
 * The fraction done (0–1) of a job's progress, whatever form the server reports it in.
 *
 * @example
 * progressFraction({ done: 5, total: 10 }); // 0.5
 */
export function progressFraction(p: number | JobProgress | undefined): number | undefined {
  if (p === undefined) return undefined;
  if (typeof p === 'number') return p > 1 ? p / 100 : p;
  if (typeof p.fraction === 'number') return p.fraction;
  if (typeof p.done === 'number' && typeof p.total === 'number' && p.total > 0) return p.done / p.total;
  return undefined;
}

const DONE = new Set(['done']);
const FAILED = new Set(['failed']);

/**
 * Every route the web app uses, typed (see the shared HTTP contract).
 *
 * @example
 * const dashboard = await api.dashboard();
 */
export const api = {
  health: () => request<{ status: string }>('GET', '/health'),
  lists: () => request<ListsResponse>('GET', '/lists'),
  dashboard: () => request<Dashboard>('GET', '/dashboard'),

  match: (queries: Record<string, MatchQuery>, o: { dataset?: string; limit?: number; algorithm?: Algorithm; threshold?: number } = {}, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: String(o.limit ?? 10), algorithm: o.algorithm ?? 'logic' });
    if (o.threshold !== undefined) params.set('threshold', String(o.threshold));
    return request<MatchResponse>('POST', `/match/${encodeURIComponent(o.dataset ?? 'default')}?${params}`, { queries }, signal);
  },
  entity: (id: string) => request<EntityJson>('GET', `/entities/${encodeURIComponent(id)}`),

  vet: (records: Record<string, unknown>[], now?: string) => request<VetReport>('POST', '/vet', now ? { records, now } : { records }),

  /** `POST /trace`: the report at once, or a job id when the server runs it in the background (202). */
  async trace(body: TraceRequest, signal?: AbortSignal): Promise<TraceStart> {
    const res = await send('POST', '/trace', body, signal);
    if (!res.ok) throw await errorFrom(res);
    const json = (await res.json()) as TraceReport | JobAccepted;
    if (res.status === 202 || 'jobId' in json) return { kind: 'job', job: json as JobAccepted };
    return { kind: 'done', report: json as TraceReport };
  },
  job: <T>(id: string, signal?: AbortSignal) => request<JobState<T>>('GET', `/jobs/${encodeURIComponent(id)}`, undefined, signal),

  /** Polls `GET /jobs/{id}` until it is done; reports progress on the way. */
  async waitForJob<T>(id: string, onProgress: (fraction: number | undefined, state: JobState<T>) => void, signal?: AbortSignal, intervalMs = 500): Promise<T> {
    for (;;) {
      const state = await api.job<T>(id, signal);
      onProgress(progressFraction(state.progress), state);
      if (DONE.has(state.status)) {
        if (state.result === undefined) throw new ApiError(0, 'job_without_result', `job ${id} finished without a result`);
        return state.result;
      }
      if (FAILED.has(state.status)) {
        const e = state.error;
        throw new ApiError(0, 'job_failed', typeof e === 'string' ? e : (e?.message ?? state.message ?? `job ${id} ${state.status}`));
      }
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, intervalMs);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
  },
  exposure: (addresses: string[], o: { chain?: string; hops?: number } = {}) =>
    request<{ results: ExposureReport[] }>('POST', '/exposure', { chain: o.chain ?? 'ethereum', addresses, hops: o.hops ?? 3 }),

  decide: (d: DecisionRequest) => request<DecisionRecord>('POST', '/decisions', d),
  decisions: (kind: string, ref: string) => request<{ decisions: DecisionRecord[] } | DecisionRecord[]>('GET', `/decisions?subject=${encodeURIComponent(`${kind}:${ref}`)}`),
  audit: (q: { since?: string; action?: string; limit?: number } = {}) => {
    const params = new URLSearchParams();
    if (q.since) params.set('since', q.since);
    if (q.action) params.set('action', q.action);
    params.set('limit', String(q.limit ?? 200));
    return request<{ entries: AuditEntry[] } | AuditEntry[]>('GET', `/audit?${params}`);
  },

  cases: () => request<{ cases: CaseSummary[] }>('GET', '/cases'),
  createCase: (title: string, description?: string) => request<CaseSummary & Partial<CaseDetail>>('POST', '/cases', description ? { title, description } : { title }),
  caseDetail: (id: string) => request<CaseDetail>('GET', `/cases/${encodeURIComponent(id)}`),
  addCaseItem: (id: string, item: NewCaseItem) => request<CaseItem>('POST', `/cases/${encodeURIComponent(id)}/items`, item),
  decideCase: (id: string, decision: CaseDecision, reason: string) => request<unknown>('POST', `/cases/${encodeURIComponent(id)}/decisions`, { decision, reason }),
};

/**
 * The list out of an answer that is either a bare array or `{<key>: [...]}`.
 *
 * @example
 * listOf(await api.audit(), 'entries');
 */
export function listOf<T>(answer: T[] | Record<string, unknown>, key: string): T[] {
  if (Array.isArray(answer)) return answer;
  const value = answer[key];
  return Array.isArray(value) ? (value as T[]) : [];
}
