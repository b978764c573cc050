import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

/** ../shared/data beside the checkout; CI always has it, a user's clone may not. */
export const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_DATA);
if (!HAS_SHARED) console.warn(`skipping tests on real data: ${SHARED_DATA} is absent (CI has it beside the checkout)`);

export function tempHome(prefix = 'cf-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    interactive: false,
  });
  return { code, out, err };
}

/**
 * Runs `serve --port 0` in-process (with `args` before and `serveArgs` after the command) until stop()
 * sends SIGTERM; resolves once it says where it listens.
 *
 * @example
 * const server = await serveInProcess(['--home', home], ['--auth']);
 * await fetch(`${server.url}/lists`);
 * expect(await server.stop()).toBe(0);
 */
export async function serveInProcess(args: string[], serveArgs: string[] = []): Promise<{ url: string; out: () => string; stop: () => Promise<number> }> {
  let out = '';
  let err = '';
  let announced: (url: string) => void = () => {};
  const listening = new Promise<string>((resolve) => (announced = resolve));
  const io = {
    out: (t: string) => {
      out += t;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(t);
      if (m) announced(m[1]!);
    },
    err: (t: string) => void (err += t),
    interactive: false,
  };
  const running = main([...args, 'serve', '--port', '0', ...serveArgs], io);
  const url = await Promise.race([listening, running.then((code) => Promise.reject(new Error(`serve exited with ${code}: ${err}`)))]);
  return {
    url,
    out: () => out,
    stop: async () => {
      process.emit('SIGTERM');
      return running;
    },
  };
}
