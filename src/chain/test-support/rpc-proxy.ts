import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningProxy {
  url: string;
  /** Milliseconds each request waits before it is forwarded. */
  delayMs: number;
  requests: number;
  stop(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a node that delays every request: makes an ingest slow enough to be
 * killed in the middle.
 *
 * @example
 * const proxy = await startDelayingProxy(anvil.url, 20);
 */
export async function startDelayingProxy(target: string, delayMs: number): Promise<RunningProxy> {
  const state = { delayMs, requests: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', async () => {
      state.requests++;
      await new Promise((r) => setTimeout(r, state.delayMs));
      try {
        const upstream = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        res.writeHead(upstream.status, { 'content-type': 'application/json' });
        res.end(await upstream.text());
      } catch (err) {
        res.writeHead(502);
        res.end(String(err));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    get requests() {
      return state.requests;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
