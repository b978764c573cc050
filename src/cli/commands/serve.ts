import { dirname } from 'node:path';
import type { Command } from 'commander';
import { dashboardRoutes } from '../../api/dashboard/route.js';
import { webRoutes } from '../../api/web/route.js';
import { caseRoutes } from '../../api/cases/route.js';
import { reportRoutes } from '../../api/reports/route.js';
import { CaseStore } from '../../store/case-store.js';
import { buildApp } from '../../api/app.js';
import type { RateLimitOptions } from '../../api/auth/rate-limit.js';
import { CounterflowError } from '../../errors.js';
import { LiveScreener } from '../../screening/live-screener.js';
import { loadScreener, type LoadedScreener } from '../../screening/load-screener.js';
import { KeyStore } from '../../store/key-store.js';
import { openDatabase, type StoreOptions } from '../../store/open-database.js';
import type { Store } from '../../store/store.js';
import type { WithStore } from '../context.js';
import type { CliIo } from '../io.js';
import { numberOption } from './options.js';
import { byteSizeOption, isLoopback, rateLimitOption } from './serve-options.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8000;
/** Requests per API key (or client address) per minute unless `--rate-limit` says otherwise. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 600, timeWindowMs: 60_000 };

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  host: string;
  port: number;
  logger?: boolean;
  /** Require API keys even on loopback (`--auth`). Off loopback they are always required. */
  auth?: boolean;
  /** Requests per key per window; false: none (default {@link DEFAULT_RATE_LIMIT}). */
  rateLimit?: RateLimitOptions | false;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Reverse proxies trusted to name the client in X-Forwarded-For (addresses or CIDR ranges, comma-separated). */
  trustProxy?: string;
  /** Where the keys and the audit trail are (default: the store's own database). */
  database?: StoreOptions;
  /** The home directory: chain data, graph cache, user labels, local incidents (default: the SQLite store's folder). */
  home?: string;
  /** How often to look for new list versions in the store, in ms (default 30 s; 0: never). */
  listCheckMs?: number;
  /** Told when new list versions are in use (after `lists update` or `lists load`, from any process). */
  onListsChanged?: (loaded: LoadedScreener) => void;
  /** Told when building the index of new list versions failed (the index in use stays). */
  onListsError?: (err: unknown) => void;
}

/**
 * Builds the screening index from the store's active lists and starts the HTTP API on host:port
 * (port 0 picks a free one), with the audit trail on and API keys required unless it listens on
 * loopback only without `auth`. Refuses to start with keys required but none created. The index follows
 * the store: every `listCheckMs` the active list versions are compared with the index's, and a new index
 * is built and swapped in when they changed (requests meanwhile use the one they had).
 *
 * @example
 * const server = await startServer(store, { host: '127.0.0.1', port: 0 });
 * await fetch(`${server.url}/lists`);
 * await server.close();
 */
export async function startServer(store: Store, options: ServeOptions): Promise<RunningServer & { entities: number; lists: string[]; auth: boolean; live: LiveScreener }> {
  const authEnabled = options.auth === true || !isLoopback(options.host);
  const { db } = await openDatabase(options.database ?? (store.backend === 'sqlite' ? { home: dirname(store.location), databaseUrl: null } : {}));
  try {
    const keys = new KeyStore(db);
    if (authEnabled && (await keys.activeCount()) === 0) {
      const why = isLoopback(options.host) ? 'with --auth' : `on ${options.host}, which other machines can reach,`;
      throw new CounterflowError(`refusing to serve ${why} without an API key: create one with \`counterflow keys create --role admin --name NAME\` first`);
    }
    const loaded = await loadScreener(store);
    const { screener, versions } = loaded;
    const live = new LiveScreener(store, loaded, {
      ...(options.listCheckMs !== undefined ? { checkEveryMs: options.listCheckMs } : {}),
      ...(options.onListsChanged ? { onRebuilt: options.onListsChanged } : {}),
      ...(options.onListsError ? { onError: options.onListsError } : {}),
    });
    const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    const app = buildApp({
      store,
      screener,
      live,
      db,
      ...(options.home ? { home: options.home } : {}),
      listVersions: versions,
      auth: { enabled: authEnabled, keys },
      ...(rateLimit ? { rateLimit } : {}),
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      ...(options.logger ? { logger: true } : {}),
    });
    const home = options.home ? { home: options.home } : {};
    const cases = new CaseStore(db);
    await app.register(caseRoutes, { cases, store, ...home });
    await app.register(reportRoutes, { cases, store, ...home });
    await app.register(dashboardRoutes, { store, ...home, openCases: () => cases.countOpen() });
    await app.register(webRoutes);
    let address: string;
    try {
      address = await app.listen({ host: options.host, port: options.port });
    } catch (err) {
      await app.close();
      throw new CounterflowError(`cannot listen on ${options.host}:${options.port}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    live.start();
    return {
      url: address,
      entities: screener.info.entities,
      lists: screener.info.lists,
      auth: authEnabled,
      live,
      close: async () => {
        live.stop();
        await app.close();
        await db.destroy();
      },
    };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

interface ServeFlags {
  host: string;
  port: number;
  log?: boolean;
  auth?: boolean;
  rateLimit?: RateLimitOptions | false;
  bodyLimit?: number;
  listCheck: number;
  trustProxy?: string;
}

export function registerServeCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('serve')
    .description('Serve the API (screening, tracing, vetting, decisions, audit; docs at /docs) until interrupted')
    .option('--host <host>', 'address to bind; anything but loopback requires API keys', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on (0: any free port)', numberOption(0, 65535, true), DEFAULT_PORT)
    .option('--auth', 'require API keys on loopback too (always on for other addresses)')
    .option('--rate-limit <n/min>', `requests per API key (or client address) per minute, /s, /h, or off (default ${DEFAULT_RATE_LIMIT.max}/min)`, rateLimitOption)
    .option('--body-limit <size>', 'largest request body, e.g. 1mb, 512kb (default 1mb)', byteSizeOption)
    .option('--log', 'log every request (JSON lines on stdout)')
    .option('--trust-proxy <addresses>', 'reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For names the client for rate limits and key lockouts')
    .option('--list-check <seconds>', 'how often to look for new list versions in the store and screen against them (0: never)', numberOption(0, 86_400, false), 30)
    .action((opts: ServeFlags) =>
      withStore(async (store, home) => {
        const server = await startServer(store, {
          home,
          host: opts.host,
          port: opts.port,
          ...(opts.log ? { logger: true } : {}),
          ...(opts.auth ? { auth: true } : {}),
          ...(opts.rateLimit !== undefined ? { rateLimit: opts.rateLimit } : {}),
          ...(opts.bodyLimit !== undefined ? { bodyLimit: opts.bodyLimit } : {}),
          listCheckMs: opts.listCheck * 1000,
          ...(opts.trustProxy ? { trustProxy: opts.trustProxy } : {}),
          ...listChangeReports(io),
        });
        if (server.lists.length === 0) io.err('warning: no lists loaded; load some with `counterflow lists load` (the server picks them up within --list-check seconds)');
        io.out(`counterflow API listening on ${server.url} (${server.entities} entities from ${server.lists.join(', ') || 'no lists'}); Ctrl-C stops it`);
        io.out(server.auth ? 'API keys required (Authorization: Bearer cf_…); docs at /docs' : 'no API keys required (loopback only; --auth requires them); docs at /docs');
        await untilSignal();
        await server.close();
        io.out('counterflow API stopped');
      }),
    );
}

/**
 * What a running server tells its user when the store's list versions change.
 *
 * @example
 * await startServer(store, { host, port, ...listChangeReports(io) });
 */
export function listChangeReports(io: CliIo): Pick<ServeOptions, 'onListsChanged' | 'onListsError'> {
  return {
    onListsChanged: ({ screener, versions }) =>
      io.out(`screening against new list versions: ${versions.map((v) => `${v.list}@${v.seq}`).join(', ') || 'none'} (${screener.info.entities} entities)`),
    onListsError: (err) => io.err(`warning: the new list versions could not be indexed; still screening against the previous ones: ${(err as Error).message}`),
  };
}

/** Resolves on the first SIGINT or SIGTERM, then removes both listeners. */
export function untilSignal(): Promise<void> {
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
