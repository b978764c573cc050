import { createServer } from 'node:net';
import { isAbsolute, relative } from 'node:path';
import type { Command } from 'commander';
import { DEMO_INCIDENT_ID, DEMO_WORKERS_FILE } from '../../demo/paths.js';
import { loadDemoPack } from '../../demo/load-demo-pack.js';
import { readLocalIncidents } from '../../demo/local-incidents.js';
import { CounterflowError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { TransferStore } from '../../store/transfer-store.js';
import type { WithStore } from '../context.js';
import type { CliIo } from '../io.js';
import { listStatus } from './lists.js';
import { numberOption } from './options.js';
import { DEFAULT_HOST, DEFAULT_PORT, listChangeReports, startServer, untilSignal, type RunningServer } from './serve.js';

export interface StartOptions {
  host: string;
  port: number;
  /** false: load the demo pack and show the status, then return (`--no-serve`). */
  serve: boolean;
}

/** Resolves when the server should stop; the CLI waits for Ctrl-C (SIGINT) or SIGTERM. */
export type UntilStopped = (server: RunningServer) => Promise<void>;

/**
 * `counterflow start`: checks that the port is free; opens the store; when it holds nothing else, loads the
 * demo pack (one progress line per part); prints what is loaded; then serves the API and the web app until
 * stopped.
 *
 * @example
 * await runStart(store, home, io, { host: '127.0.0.1', port: 0, serve: true }, async (s) => { await fetch(s.url); });
 */
export async function runStart(store: Store, home: string, io: CliIo, o: StartOptions, until: UntilStopped = untilSignal): Promise<void> {
  if (o.serve && o.port !== 0) await ensurePortFree(o.host, o.port);
  io.out(`Counterflow store: ${home}`);
  const pack = await loadDemoPack(store, home, { onPart: (p) => io.out(`  loaded demo ${p.part.padEnd(8)} ${p.summary} (${formatMs(p.ms)})`) });
  if (pack.status === 'skipped') io.out(`  demo pack not loaded: ${pack.reason}`);
  await printStatus(store, home, io);
  if (!o.serve) {
    io.out('\nNext: `counterflow serve` (or `counterflow start`) serves the API and the web app;');
    io.out('      `counterflow lists update` fetches the official UN and OFAC lists.');
    return;
  }
  const server = await startServer(store, { host: o.host, port: o.port, home, ...listChangeReports(io) });
  io.out(`\nCounterflow is running at ${server.url}/ (Ctrl-C stops it)`);
  try {
    await until(server);
  } finally {
    await server.close();
  }
  io.out('Counterflow stopped');
}

async function printStatus(store: Store, home: string, io: CliIo): Promise<void> {
  const status = await listStatus(store);
  io.out('Lists:');
  if (status.lists.length === 0) io.out('  none (`counterflow lists update` fetches the official lists)');
  for (const l of status.lists) {
    io.out(`  ${l.ref.padEnd(24)} ${String(l.targetCount).padStart(6)} entries, ${String(l.dprkEntries).padStart(5)} under DPRK sanctions${l.publishedAt ? `, published ${l.publishedAt.slice(0, 10)}` : ''}`);
  }
  if (store.backend === 'sqlite') {
    const transfers = await TransferStore.open({ home });
    try {
      io.out(`Chain: ${transfers.countTransfers().toLocaleString('en')} transfers`);
    } finally {
      await transfers.close();
    }
  }
  const local = readLocalIncidents(home);
  if (local.some((i) => i.id === DEMO_INCIDENT_ID)) {
    io.out(`Demo: incident ${DEMO_INCIDENT_ID} (generated, not real): \`counterflow trace --incident ${DEMO_INCIDENT_ID}\``);
    io.out(`      workers: \`counterflow vet ${shortPath(DEMO_WORKERS_FILE)}\``);
  }
}

/** A clear error before anything else listens: the port and the option to change it. */
async function ensurePortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new CounterflowError(`port ${port} on ${host} is already in use (another Counterflow?); stop it or choose another port with --port, e.g. --port ${port === 65535 ? 8001 : port + 1}`));
      else if (err.code === 'EACCES') reject(new CounterflowError(`no permission to listen on port ${port} of ${host}; choose a port above 1023 with --port`));
      else reject(new CounterflowError(`cannot listen on ${host}:${port}: ${err.code ?? err.message}`));
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Relative to the working directory when below it (`npm start` runs in the checkout). */
function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function registerStartCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('start')
    .description('Open the store; when it holds nothing else, load the demo pack; show what is loaded; serve the API and the web app')
    .option('--host <host>', 'address to bind', DEFAULT_HOST)
    .option('--port <port>', 'port to listen on (0: any free port)', numberOption(0, 65535, true), DEFAULT_PORT)
    .option('--no-serve', 'load the demo pack and show the status, then exit')
    .action((opts: StartOptions) => withStore((store, home) => runStart(store, home, io, opts)));
}
