import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RpcResponseError, RpcTransportError } from './chain-errors.js';
import { JsonNumber } from './lossless-json.js';
import { createRpcClient } from './rpc-client.js';
import { freePort } from './test-support/anvil.js';
import { startJsonRpcServer, type RunningRpcServer } from './test-support/json-rpc-server.js';

const FAST = { attempts: 3, backoffMs: 1, maxBackoffMs: 2, timeoutMs: 300 };

describe('JSON-RPC client', () => {
  let server: RunningRpcServer;
  beforeAll(async () => {
    server = await startJsonRpcServer((method, params) => {
      if (method === 'echo') return { result: params[0] ?? null };
      if (method === 'fail') return { error: { code: -32000, message: 'execution reverted' } };
      return { error: { code: -32601, message: 'the method nope does not exist/is not available' } };
    });
  });
  afterAll(() => server.stop());

  it('batches calls and returns each outcome in order, JSON-RPC errors per call', async () => {
    const rpc = createRpcClient(server.url, { maxBatch: 2 });
    const before = server.httpRequests;
    const out = await rpc.callMany([
      { method: 'echo', params: ['a'] },
      { method: 'fail', params: [] },
      { method: 'echo', params: ['c'] },
    ]);
    expect(server.httpRequests - before).toBe(2);
    expect(out[0]).toEqual({ ok: true, result: 'a' });
    expect(out[1]!.ok).toBe(false);
    expect(!out[1]!.ok && out[1]!.error.message).toBe(`${server.url} fail: the node answered with error -32000: execution reverted`);
    expect(out[2]).toEqual({ ok: true, result: 'c' });
    await expect(rpc.call('nope')).rejects.toSatisfy((e: unknown) => e instanceof RpcResponseError && e.isMethodUnavailable);
  });

  it('reads Bitcoin Core decimals exactly', async () => {
    const btc = await startJsonRpcServer(() => ({ result: '{"value": 20999999.97690000}' }), { rawResults: true });
    try {
      expect(await createRpcClient(btc.url).call('getblock')).toEqual({ value: new JsonNumber('20999999.97690000') });
    } finally {
      await btc.stop();
    }
  });

  it('retries 5xx and garbage, then succeeds', async () => {
    server.setHook(({ count }, res) => {
      if (count % 3 === 0) return false;
      if (count % 3 === 1) res.writeHead(503).end('busy');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('<html>proxy error</html>');
      return true;
    });
    try {
      const retries: string[] = [];
      const rpc = createRpcClient(server.url, { ...FAST, onRetry: (r) => retries.push(r.problem) });
      for (let i = 0; i < 3; i++) expect(await rpc.call('echo', [i])).toBe(i);
      expect(retries.length).toBeGreaterThan(0);
      expect(new Set(retries)).toEqual(new Set(['HTTP 503 Service Unavailable', 'garbage response: "<html>proxy error</html>" is not a JSON-RPC response']));
    } finally {
      server.setHook(undefined);
    }
  });

  it('any garbage body ends in a clear RpcTransportError naming the endpoint and method, never a crash or hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.constant('{"jsonrpc":"2.0","id":999,"result":1}'), fc.constant('[]')), async (body) => {
        server.setHook((_info, res) => (res.writeHead(200, { 'content-type': 'application/json' }).end(body), true));
        const rpc = createRpcClient(server.url, FAST);
        const outcome = await rpc.call('echo', ['x']).then(
          (v) => ({ ok: v }),
          (e: unknown) => ({ err: e }),
        );
        server.setHook(undefined);
        // A body can only be accepted if it answers our request id; everything else is refused.
        expect('err' in outcome).toBe(true);
        const err = (outcome as { err: unknown }).err;
        expect(err).toBeInstanceOf(RpcTransportError);
        expect((err as Error).message).toMatch(new RegExp(`^${server.url.replace(/[.:/]/g, '\\$&')} echo: (garbage response: .*|HTTP \\d+.*) \\(gave up after 3 attempts\\)$`));
      }),
      { numRuns: 40 },
    );
  });

  it('gives up on a node that never answers, or answers 500 every time, or is not there', async () => {
    server.setHook(() => true); // never answers
    try {
      await expect(createRpcClient(server.url, FAST).call('echo', [1])).rejects.toThrow(`${server.url} echo: no complete answer within 300 ms (gave up after 3 attempts)`);
    } finally {
      server.setHook(undefined);
    }
    server.setHook((_i, res) => (res.writeHead(500).end('boom'), true));
    try {
      await expect(createRpcClient(server.url, FAST).call('echo', [1])).rejects.toThrow(`${server.url} echo: HTTP 500 Internal Server Error (gave up after 3 attempts)`);
    } finally {
      server.setHook(undefined);
    }
    const port = await freePort();
    await expect(createRpcClient(`http://127.0.0.1:${port}`, FAST).call('echo', [1])).rejects.toThrow(`http://127.0.0.1:${port} echo: connection failed: ECONNREFUSED (gave up after 3 attempts)`);
  });

  it('does not retry a request the node refuses as bad (HTTP 4xx other than 408/429)', async () => {
    server.setHook((_i, res) => (res.writeHead(401).end('unauthorized'), true));
    try {
      await expect(createRpcClient(server.url, FAST).call('echo', [1])).rejects.toThrow(`${server.url} echo: HTTP 401 Unauthorized (gave up after 1 attempt)`);
    } finally {
      server.setHook(undefined);
    }
  });

  it('sends credentials from the URL as basic auth and never shows them', async () => {
    let auth = '';
    const probe = await startJsonRpcServer(() => ({ result: 1 }));
    probe.setHook((_i, res) => {
      auth = String(res.req.headers.authorization ?? '');
      return false;
    });
    try {
      const rpc = createRpcClient(`http://alice:s3cret@${new URL(probe.url).host}`);
      expect(await rpc.call('x')).toBe(1);
      expect(auth).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
      expect(rpc.endpoint).toBe(probe.url);
    } finally {
      await probe.stop();
    }
  });
});
