import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseWorkerRecord } from '../input/parse-record.js';
import { LinkGraphBuilder, type LinkBuilderParts } from '../links/link-graph.js';
import { Population, type PopulationOptions } from './population.js';

/** What one worker did, in milliseconds of its own wall clock. */
export interface SliceTimings {
  from: number;
  to: number;
  generateMs: number;
  parseMs: number;
  /** Key extraction and indexing (`LinkGraphBuilder.add`): the ring-detection work. */
  linkAddMs: number;
}

export interface ParallelLinkResult {
  /** The merged builder over the whole population, ready for `build()`. */
  builder: LinkGraphBuilder;
  slices: SliceTimings[];
  /** Time to merge the slices' indexes in the main thread. */
  mergeMs: number;
}

interface SliceTask {
  task: 'counterflow-vetting-links';
  population: PopulationOptions;
  from: number;
  to: number;
}

/**
 * Generates, parses and indexes a synthetic population in worker threads, each over a slice of
 * record numbers (records are random-access, so a worker generates its own), then merges the slices'
 * indexes into one builder. Key extraction is per record, so it splits cleanly; grouping, scoring
 * and union-find (`build()`) run once over the merged indexes.
 *
 * @example
 * const { builder, slices } = await linkPopulationInParallel({ size: 1_000_000, mode: 'links' }, 2);
 * const graph = builder.build();
 */
export async function linkPopulationInParallel(population: PopulationOptions, workers: number): Promise<ParallelLinkResult> {
  const size = population.size;
  const count = Math.max(1, Math.min(workers, size));
  const bounds = Array.from({ length: count + 1 }, (_, i) => Math.round((size * i) / count));
  const here = new URL(import.meta.url);
  // Running from TypeScript sources (tests, benchmarks): the worker registers tsx before loading this module.
  const source = here.pathname.endsWith('.ts');
  const entry = source ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(here.href)}); })` : here;
  const results = await Promise.all(
    bounds.slice(0, -1).map(
      (from, i) =>
        new Promise<{ parts: LinkBuilderParts; timings: SliceTimings }>((resolve, reject) => {
          const task: SliceTask = { task: 'counterflow-vetting-links', population, from, to: bounds[i + 1]! };
          const worker = source ? new Worker(entry as string, { eval: true, workerData: task }) : new Worker(here, { workerData: task });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`linking worker ${i} exited with code ${code}`));
          });
        }),
    ),
  );
  const t = performance.now();
  const builder = new LinkGraphBuilder();
  for (const r of results) builder.mergeParts(r.parts);
  return { builder, slices: results.map((r) => r.timings), mergeMs: Math.round(performance.now() - t) };
}

function runSlice(task: SliceTask): { parts: LinkBuilderParts; timings: SliceTimings } {
  const population = new Population(task.population);
  const builder = new LinkGraphBuilder();
  const timings: SliceTimings = { from: task.from, to: task.to, generateMs: 0, parseMs: 0, linkAddMs: 0 };
  const chunk = 10_000;
  for (let start = task.from; start < task.to; start += chunk) {
    const end = Math.min(task.to, start + chunk);
    let t = performance.now();
    const raw = [];
    for (let i = start; i < end; i++) raw.push(population.record(i));
    timings.generateMs += performance.now() - t;
    t = performance.now();
    const records = raw.map((r, k) => parseWorkerRecord(r, { file: 'generated', line: start + k + 1 }));
    timings.parseMs += performance.now() - t;
    t = performance.now();
    for (const r of records) builder.add(r.id, r);
    timings.linkAddMs += performance.now() - t;
  }
  timings.generateMs = Math.round(timings.generateMs);
  timings.parseMs = Math.round(timings.parseMs);
  timings.linkAddMs = Math.round(timings.linkAddMs);
  return { parts: builder.exportParts(), timings };
}

if (!isMainThread && (workerData as SliceTask | undefined)?.task === 'counterflow-vetting-links') {
  const result = runSlice(workerData as SliceTask);
  const p = result.parts;
  const buffers = [
    ...p.exact.flatMap((k) => [k.lo.buffer, k.hi.buffer, k.rec.buffer, k.tag.buffer]),
    p.photos.hi.buffer,
    p.photos.lo.buffer,
    p.photos.rec.buffer,
    ...[p.resumes, p.templates].flatMap((m) => [m.sigs.buffer, m.owners.buffer, ...m.bands.flatMap((b) => [b.lo.buffer, b.hi.buffer, b.rec.buffer, b.tag.buffer])]),
  ] as ArrayBuffer[];
  parentPort!.postMessage(result, buffers);
}
