import { benchLists } from './lists.bench.js';

/** `npm run bench`: every benchmark, one JSON document on stdout. `npm run bench -- lists` runs one. */
const benches: Record<string, () => Promise<Record<string, unknown>>> = { lists: benchLists };
benches['screening'] = (await import('./screening.bench.js')).benchScreening;
benches['chain'] = (await import('./chain.bench.js')).benchChain;
benches['tracing'] = (await import('./tracing.bench.js')).benchTracing;
benches['vetting'] = (await import('./vetting.bench.js')).benchVetting;
benches['server'] = (await import('./server.bench.js')).benchServer;

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const results: Record<string, unknown> = { node: process.version, startedAt: new Date().toISOString() };
for (const [name, run] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  process.stderr.write(`bench ${name}…\n`);
  results[name] = await run();
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
