import { RpcDataError, RpcResponseError, RpcTransportError } from './chain-errors.js';
import { isJsonObject, parseJsonLossless, type JsonValue } from './lossless-json.js';
import { redactUrl } from './redact-url.js';
import { sleep } from './sleep.js';

export interface RpcCall {
  method: string;
  params: unknown[];
}

export type RpcOutcome = { ok: true; result: JsonValue } | { ok: false; error: RpcResponseError };

export interface RpcClientOptions {
  /** HTTP requests in flight at once (default 4). */
  concurrency?: number;
  /** Calls per JSON-RPC batch request (default 50; 1 disables batching). */
  maxBatch?: number;
  /** Attempts per request before giving up (default 6). */
  attempts?: number;
  /** Time allowed for one HTTP request including its body, in ms (default 30 000). */
  timeoutMs?: number;
  /** First retry delay in ms, doubled per attempt up to maxBackoffMs (defaults 250 / 8 000). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** `1.0` for Bitcoin Core; default `2.0`. */
  jsonrpc?: '1.0' | '2.0';
  /** Stops waiting and retrying when aborted. */
  signal?: AbortSignal;
  /** Reports each retry (for logs and tests). */
  onRetry?: (info: { method: string; attempt: number; problem: string; delayMs: number }) => void;
  fetch?: typeof fetch;
}

export interface RpcClient {
  /** The URL without credentials or API keys: safe to print and store. */
  readonly endpoint: string;
  /** One call; a JSON-RPC error is thrown as RpcResponseError, transport trouble as RpcTransportError. */
  call(method: string, params?: unknown[]): Promise<JsonValue>;
  /** Many calls, batched and sent with bounded concurrency; each outcome in the order of `calls`. */
  callMany(calls: RpcCall[]): Promise<RpcOutcome[]>;
  readonly stats: { httpRequests: number; calls: number; retries: number };
}

/**
 * A JSON-RPC client over HTTP(S) with batching, bounded concurrency, timeouts and retries with exponential
 * backoff. Numbers in responses are read exactly (Bitcoin Core sends amounts as JSON decimals).
 *
 * @example
 * const rpc = createRpcClient('http://127.0.0.1:8545');
 * const head = await rpc.call('eth_blockNumber');
 */
export function createRpcClient(url: string, options: RpcClientOptions = {}): RpcClient {
  const endpoint = redactUrl(url);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new RpcTransportError(endpoint, '(connect)', 0, `"${url}" is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new RpcTransportError(endpoint, '(connect)', 0, `only http and https node URLs are supported, not ${target.protocol}`);
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (target.username || target.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  const href = target.href;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const maxBatch = Math.max(1, options.maxBatch ?? 50);
  const attempts = Math.max(1, options.attempts ?? 6);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const backoffMs = options.backoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 8_000;
  const jsonrpc = options.jsonrpc ?? '2.0';
  const fetchImpl = options.fetch ?? fetch;
  const stats = { httpRequests: 0, calls: 0, retries: 0 };
  const gate = semaphore(concurrency);
  let nextId = 1;

  async function post(body: string, label: string, expectIds: number[], batch: boolean): Promise<JsonValue> {
    let problem = 'no attempt made';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (options.signal?.aborted) throw new RpcTransportError(endpoint, label, attempt - 1, 'stopped');
      let retryable = true;
      await gate.acquire();
      try {
        stats.httpRequests++;
        const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
        const res = await fetchImpl(href, { method: 'POST', headers, body, signal });
        const text = await res.text();
        let parsed: JsonValue | undefined;
        try {
          parsed = parseJsonLossless(text);
        } catch {
          parsed = undefined;
        }
        if (parsed !== undefined && isCompleteResponse(parsed, expectIds, batch)) return parsed;
        if (parsed !== undefined && batch && isJsonObject(parsed) && isJsonObject(parsed.error)) {
          // The node refused the batch as a whole (some providers do not take batches).
          throw new RpcResponseError(endpoint, label, numberOrUndefined(parsed.error.code), `${String(parsed.error.message ?? 'error')} (the node may not accept batch requests: try --rpc-batch 1)`);
        }
        if (!res.ok) {
          problem = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
          retryable = res.status >= 500 || res.status === 429 || res.status === 408;
        } else {
          problem = `garbage response: ${describeBody(text)}`;
        }
      } catch (err) {
        if (err instanceof RpcResponseError) throw err;
        if (options.signal?.aborted) throw new RpcTransportError(endpoint, label, attempt, 'stopped');
        const e = err as Error & { cause?: { code?: string; message?: string } };
        problem =
          e.name === 'TimeoutError' || e.name === 'AbortError'
            ? `no complete answer within ${timeoutMs} ms`
            : `connection failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
      } finally {
        gate.release();
      }
      if (!retryable || attempt === attempts) throw new RpcTransportError(endpoint, label, attempt, problem);
      const delayMs = Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
      stats.retries++;
      options.onRetry?.({ method: label, attempt, problem, delayMs });
      await sleep(delayMs, options.signal);
    }
    throw new RpcTransportError(endpoint, label, attempts, problem);
  }

  function outcomeOf(method: string, response: { [key: string]: JsonValue }): RpcOutcome {
    if (response.error !== undefined && response.error !== null) {
      const error = isJsonObject(response.error) ? response.error : { message: String(response.error) };
      return { ok: false, error: new RpcResponseError(endpoint, method, numberOrUndefined(error.code), String(error.message ?? 'error')) };
    }
    return { ok: true, result: response.result ?? null };
  }

  async function sendChunk(calls: RpcCall[]): Promise<RpcOutcome[]> {
    const ids = calls.map(() => nextId++);
    stats.calls += calls.length;
    const label = calls.length === 1 ? calls[0]!.method : `${calls[0]!.method} (batch of ${calls.length})`;
    if (calls.length === 1) {
      const body = JSON.stringify({ jsonrpc, id: ids[0], method: calls[0]!.method, params: calls[0]!.params });
      const response = await post(body, label, ids, false);
      return [outcomeOf(calls[0]!.method, response as { [key: string]: JsonValue })];
    }
    const body = JSON.stringify(calls.map((c, i) => ({ jsonrpc, id: ids[i], method: c.method, params: c.params })));
    const response = (await post(body, label, ids, true)) as { [key: string]: JsonValue }[];
    const byId = new Map(response.map((r) => [r.id as number, r]));
    return calls.map((c, i) => outcomeOf(c.method, byId.get(ids[i]!)!));
  }

  return {
    endpoint,
    stats,
    async call(method, params = []) {
      const [outcome] = await sendChunk([{ method, params }]);
      if (!outcome!.ok) throw outcome!.error;
      return outcome!.result;
    },
    async callMany(calls) {
      const chunks: RpcCall[][] = [];
      for (let i = 0; i < calls.length; i += maxBatch) chunks.push(calls.slice(i, i + maxBatch));
      const results = await Promise.all(chunks.map((chunk) => sendChunk(chunk)));
      return results.flat();
    },
  };
}

/** A result that is not the promised shape: thrown by callers through this helper so the message is uniform. */
export function unexpected(client: RpcClient, method: string, detail: string): RpcDataError {
  return new RpcDataError(client.endpoint, method, detail);
}

function isCompleteResponse(parsed: JsonValue, ids: number[], batch: boolean): boolean {
  const valid = (r: JsonValue): r is { [key: string]: JsonValue } =>
    isJsonObject(r) && typeof r.id === 'number' && ('result' in r || 'error' in r);
  if (!batch) return valid(parsed) && parsed.id === ids[0];
  if (!Array.isArray(parsed) || parsed.length !== ids.length || !parsed.every(valid)) return false;
  const seen = new Set(parsed.map((r) => (r as { id: number }).id));
  return ids.every((id) => seen.has(id));
}

function numberOrUndefined(value: JsonValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function describeBody(text: string): string {
  if (text.length === 0) return 'empty body';
  const head = text.slice(0, 60).replace(/\s+/g, ' ');
  return `"${head}${text.length > 60 ? '…' : ''}" is not a JSON-RPC response`;
}

function semaphore(limit: number): { acquire(): Promise<void>; release(): void } {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    acquire() {
      if (active < limit) {
        active++;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(() => (active++, resolve())));
    },
    release() {
      active--;
      waiting.shift()?.();
    },
  };
}
