import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JsonNumber, parseJsonLossless, type JsonValue } from '../lossless-json.js';

/** What a handler answers for one call: a result, or a JSON-RPC error. */
export type RpcReply = { result: JsonValue } | { error: { code: number; message: string } };

export type RpcHandler = (method: string, params: JsonValue[]) => RpcReply | Promise<RpcReply>;

/**
 * Takes over an HTTP request before the JSON-RPC handling (fault injection): return true when it has
 * answered (or destroyed) the response itself.
 */
export type RequestHook = (info: { body: string; count: number }, res: ServerResponse) => boolean | Promise<boolean>;

export interface RunningRpcServer {
  url: string;
  /** Every call received, in order. */
  calls: { method: string; params: JsonValue[] }[];
  httpRequests: number;
  setHook(hook: RequestHook | undefined): void;
  stop(): Promise<void>;
}

/**
 * A JSON-RPC 2.0 server on 127.0.0.1 (random port) answering single and batch requests from a handler.
 * Numbers in requests and replies are kept exact (Bitcoin Core style decimals survive the round trip).
 *
 * @example
 * const server = await startJsonRpcServer((method) => ({ result: method === 'eth_blockNumber' ? '0x10' : null }));
 */
export async function startJsonRpcServer(handler: RpcHandler, options: { rawResults?: boolean } = {}): Promise<RunningRpcServer> {
  const calls: RunningRpcServer['calls'] = [];
  let hook: RequestHook | undefined;
  let httpRequests = 0;
  const answer = async (req: JsonValue): Promise<string> => {
    const r = req as { id?: JsonValue; method?: JsonValue; params?: JsonValue };
    const method = typeof r.method === 'string' ? r.method : '';
    const params = Array.isArray(r.params) ? r.params : [];
    calls.push({ method, params });
    const reply = await handler(method, params);
    const id = JSON.stringify(r.id ?? null);
    if ('error' in reply) return `{"jsonrpc":"2.0","id":${id},"error":${JSON.stringify(reply.error)}}`;
    return `{"jsonrpc":"2.0","id":${id},"result":${options.rawResults && typeof reply.result === 'string' ? reply.result : serialize(reply.result)}}`;
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', async () => {
      httpRequests++;
      try {
        if (hook && (await hook({ body, count: httpRequests }, res))) return;
        const parsed = parseJsonLossless(body);
        const text = Array.isArray(parsed) ? `[${(await Promise.all(parsed.map(answer))).join(',')}]` : await answer(parsed);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(text);
      } catch (err) {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get httpRequests() {
      return httpRequests;
    },
    setHook(h) {
      hook = h;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** JSON text of a value, JsonNumber kept as its source text. */
export function serialize(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (value instanceof JsonNumber) return value.text;
  return `{${Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
    .join(',')}}`;
}
