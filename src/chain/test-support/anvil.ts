import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ANVIL_BIN = fileURLToPath(new URL('../../../node_modules/.bin/anvil', import.meta.url));

export interface RunningAnvil {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface (bound once, then released for anvil). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts anvil on 127.0.0.1 and a free port; resolves once it listens. Always call `stop()`.
 *
 * @example
 * const anvil = await startAnvil();
 * try { … } finally { await anvil.stop(); }
 */
export async function startAnvil(extraArgs: string[] = []): Promise<RunningAnvil> {
  if (!existsSync(ANVIL_BIN)) throw new Error(`anvil is not installed at ${ANVIL_BIN}`);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(ANVIL_BIN, ['--host', '127.0.0.1', '--port', String(port), ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`anvil did not start within 20 s:\n${output.slice(-2000)}`)), 20_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(`Listening on 127.0.0.1:${port}`)) {
            clearTimeout(timer);
            child.stdout?.off('data', onData);
            child.stdout?.resume();
            resolve();
          }
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`anvil exited with code ${code} before listening:\n${output.slice(-2000)}`));
        });
      });
    } catch (err) {
      child.kill('SIGKILL');
      // Another process may have taken the port between our probe and anvil's bind: try another.
      if (attempt < 3 && /Address already in use/i.test(String(err))) continue;
      throw err;
    }
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      process: child,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 3000).unref();
        }),
    };
  }
}
