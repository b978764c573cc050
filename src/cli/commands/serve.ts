import type { Command } from 'commander';
import { buildApp } from '../../api/app.js';
import { CounterflowError } from '../../errors.js';
import { loadScreener } from '../../screening/load-screener.js';
import type { Store } from '../../store/store.js';
import type { WithStore } from '../context.js';
import type { CliIo } from '../io.js';
import { numberOption } from './options.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the screening index from the store's active lists and starts the HTTP API on host:port
 * (port 0 picks a free one). The index is a snapshot: restart the server after loading new lists.
 *
 * @example
 * const server = await startServer(store, { host: '127.0.0.1', port: 0 });
 * await fetch(`${server.url}/lists`);
 * await server.close();
 */
export async function startServer(store: Store, options: { host: string; port: number; logger?: boolean }): Promise<RunningServer & { entities: number; lists: string[] }> {
  const { screener } = await loadScreener(store);
  const app = buildApp({ store, screener, logger: options.logger });
  let address: string;
  try {
    address = await app.listen({ host: options.host, port: options.port });
  } catch (err) {
    await app.close();
    throw new CounterflowError(`cannot listen on ${options.host}:${options.port}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { url: address, entities: screener.info.entities, lists: screener.info.lists, close: () => app.close() };
}

export function registerServeCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('serve')
    .description('Serve the screening API (yente-style /match, /search, /entities, and /compare, /lists) until interrupted')
    .option('--host <host>', 'address to bind', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on (0: any free port)', numberOption(0, 65535, true), DEFAULT_PORT)
    .option('--log', 'log every request (JSON lines on stdout)')
    .action((opts: { host: string; port: number; log?: boolean }) =>
      withStore(async (store) => {
        const server = await startServer(store, { host: opts.host, port: opts.port, logger: opts.log });
        if (server.lists.length === 0) io.err('warning: no lists loaded; load some with `counterflow lists load` and restart');
        io.out(`counterflow API listening on ${server.url} (${server.entities} entities from ${server.lists.join(', ') || 'no lists'}); Ctrl-C stops it`);
        await untilSignal();
        await server.close();
        io.out('counterflow API stopped');
      }),
    );
}

/** Resolves on the first SIGINT or SIGTERM, then removes both listeners. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
