import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import Fuse from 'fuse.js';
import { Screener } from '../src/screening/index.js';
import type { MatchQuery } from '../src/screening/types.js';
import { generatePairs } from '../src/screening/validation/generate-pairs.js';
import { loadSharedLists } from '../src/screening/validation/shared-lists.js';

const SHARED = fileURLToPath(new URL('../../shared/data/', import.meta.url));

// Hangul queries: DPRK officials on the lists (김정은 KIM Jong Un, 최룡해 CHOE Ryong Hae, 리병철 RI Pyong
// Chol, 김여정 KIM Yo Jong …) and common South Korean names that are not listed.
const HANGUL = ['김정은', '최룡해', '리병철', '김여정', '박봉주', '리영길', '김영철', '최선희', '리선권', '김덕훈', '김민준', '이서연', '박지훈', '최우진', '정하은', '강민서', '윤서준', '임도윤'];
// Common names of many origins, none of them a listed person (some share parts with listed ones).
const COMMON = [
  'John Smith', 'Maria Garcia', 'Wang Wei', 'Li Na', 'Zhang Wei', 'Nguyen Van An', 'Ivan Petrov', 'Anna Ivanova', 'David Brown',
  'Ahmed Hassan', 'Mohammed Ahmed', 'Ali Khan', 'Jose Rodriguez', 'Fatima Zahra', 'Hiroshi Tanaka', 'Yuki Sato', 'Olga Smirnova',
  'Pierre Martin', 'Giulia Rossi', 'Hans Muller', 'Sarah Johnson', 'Michael Chen', 'Priya Sharma', 'Rahul Gupta', 'Aisha Bello',
  'Kim Min-jun', 'Park Ji-hoon', 'Lee Seo-yeon', 'Choi Woo-jin', 'Chen Jing', 'Liu Yang', 'Global Trading Co., Ltd.',
  'Sunrise Investment Group', 'Ocean Logistics JSC', 'Pacific Import Export Co', 'Golden Harbor Shipping LLC',
];

/**
 * Match throughput and latency of the screening engine with UN + OFAC SDN + consolidated loaded, the
 * index build time, and the same queries through fuse.js over the same names in the same run.
 * Query mix: UN-listed names with typos (positives_un_treated.csv), OFAC/UN names respelled or with
 * typos (the validation generator), Hangul, and common names that are not listed.
 */
export async function benchScreening(): Promise<Record<string, unknown>> {
  if (!existsSync(SHARED)) return { skipped: `no ../shared/data beside the checkout (${SHARED})` };
  const lists = await loadSharedLists(`${SHARED}lists/`);
  const buildStarted = performance.now();
  const buildCpuStarted = process.cpuUsage();
  const screener = Screener.build(lists.entities);
  const buildMs = performance.now() - buildStarted;
  const buildCpu = process.cpuUsage(buildCpuStarted);
  const buildCpuMs = (buildCpu.user + buildCpu.system) / 1000;
  const rebuildStarted = performance.now();
  Screener.build(lists.entities);
  const rebuildMs = performance.now() - rebuildStarted;

  const queries = queryMix(lists.entities);
  // Warm-up (JIT, memo caches), then timed passes.
  for (const q of queries) screener.match(q);
  const passes = 3;
  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  const loadBefore = loadavg()[0] ?? 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let p = 0; p < passes; p++) {
    for (const q of queries) {
      const c = process.cpuUsage();
      const t = performance.now();
      screener.match(q);
      latencies.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpuLatencies.push((used.user + used.system) / 1000);
    }
  }
  const elapsed = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpuStarted);
  const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;

  // fuse.js over the same names (name, aliases, weak aliases of every target), same limit of 5.
  const docs: { id: string; name: string }[] = [];
  for (const e of lists.entities) {
    if (!e.target) continue;
    for (const prop of ['name', 'alias', 'previousName', 'weakAlias']) for (const name of e.properties[prop] ?? []) docs.push({ id: e.id, name });
  }
  const fuseBuildStarted = performance.now();
  const fuse = new Fuse(docs, { keys: ['name'], includeScore: true, threshold: 0.4, ignoreLocation: true });
  const fuseBuildMs = performance.now() - fuseBuildStarted;
  const sample = queries.filter((_, i) => i % Math.max(1, Math.floor(queries.length / 80)) === 0);
  const fuseLatencies: number[] = [];
  const ourSample: number[] = [];
  const nameOf = (q: MatchQuery): string => q.properties['name']?.[0] ?? '';
  for (const q of sample.slice(0, 10)) fuse.search(nameOf(q), { limit: 5 });
  const fuseCpu: number[] = [];
  const ourSampleCpu: number[] = [];
  for (const q of sample) {
    let c = process.cpuUsage();
    let t = performance.now();
    fuse.search(nameOf(q), { limit: 5 });
    fuseLatencies.push(performance.now() - t);
    let used = process.cpuUsage(c);
    fuseCpu.push((used.user + used.system) / 1000);
    c = process.cpuUsage();
    t = performance.now();
    screener.match(q);
    ourSample.push(performance.now() - t);
    used = process.cpuUsage(c);
    ourSampleCpu.push((used.user + used.system) / 1000);
  }
  const fuseQps = 1000 / mean(fuseLatencies);
  const ourSampleQps = 1000 / mean(ourSample);
  const qps = (latencies.length / elapsed) * 1000;
  const cpuQps = (latencies.length / cpuMs) * 1000;
  const p50 = quantile(latencies, 0.5);
  const p99 = quantile(latencies, 0.99);
  const cpuP99 = quantile(cpuLatencies, 0.99);
  const speedup = ourSampleQps / fuseQps;
  const cpuSpeedup = mean(fuseCpu) / mean(ourSampleCpu);
  return {
    machine: { cpus: cpus().length, loadAverage1m: round(loadBefore, 2), loadAverage1mAfter: round(loadavg()[0] ?? 0, 2) },
    lists: screener.info.lists,
    entities: screener.info.entities,
    candidates: screener.info.candidates,
    buildMs: round(buildMs),
    buildCpuMs: round(buildCpuMs),
    rebuildMs: round(rebuildMs),
    queries: queries.length,
    timedQueries: latencies.length,
    mix: describeMix(queries),
    qps: Math.round(qps),
    p50Ms: round(p50, 3),
    p99Ms: round(p99, 3),
    maxMs: round(Math.max(...latencies), 3),
    cpuTime: {
      note: 'process CPU time (main thread and GC threads): what the queries cost one core, free of waiting for other processes',
      qps: Math.round(cpuQps),
      p50Ms: round(quantile(cpuLatencies, 0.5), 3),
      p99Ms: round(cpuP99, 3),
    },
    fuse: {
      names: docs.length,
      buildMs: round(fuseBuildMs),
      sampleQueries: sample.length,
      qps: round(fuseQps, 1),
      p50Ms: round(quantile(fuseLatencies, 0.5), 2),
      p99Ms: round(quantile(fuseLatencies, 0.99), 2),
      counterflowQpsSameSample: Math.round(ourSampleQps),
    },
    speedupVsFuse: round(speedup, 1),
    speedupVsFuseCpuTime: round(cpuSpeedup, 1),
    targets: {
      qpsAtLeast5000: { wallClock: qps >= 5000, cpuTime: cpuQps >= 5000 },
      p99Below5ms: { wallClock: p99 < 5, cpuTime: cpuP99 < 5 },
      buildBelow3s: { wallClock: buildMs < 3000, cpuTime: buildCpuMs < 3000 },
      atLeast10xFuse: speedup >= 10 && cpuSpeedup >= 10,
    },
  };
}

function queryMix(entities: Parameters<typeof generatePairs>[0]): MatchQuery[] {
  const person = (name: string, extra: Record<string, string[]> = {}): MatchQuery => ({ schema: 'Person', properties: { name: [name], ...extra } });
  const queries: MatchQuery[] = [];
  const rows = parseCsv(readFileSync(`${SHARED}names/positives_un_treated.csv`, 'utf8'), { columns: true }) as Record<string, string>[];
  for (const row of rows) {
    const extra: Record<string, string[]> = {};
    if (row['date_of_birth']) extra['birthDate'] = [row['date_of_birth']];
    if (row['nationality']) extra['nationality'] = [row['nationality']];
    queries.push(person(row['full_name'] ?? '', extra));
  }
  const pairs = generatePairs(entities, { seed: 7, perKind: 150 }).filter((p) => ['romanisation', 'typo', 'joined', 'reordered', 'one-syllable', 'generic-org'].includes(p.kind));
  for (const p of pairs) queries.push({ schema: p.schema, properties: { name: [p.name2] } });
  for (let i = 0; i < 4; i++) {
    for (const name of HANGUL) queries.push(person(name));
    for (const name of COMMON) queries.push(/ (Co|LLC|JSC|Group|Ltd)/.test(name) ? { schema: 'Company', properties: { name: [name] } } : person(name));
  }
  return queries;
}

function describeMix(queries: MatchQuery[]): Record<string, number> {
  const mix: Record<string, number> = {};
  for (const q of queries) {
    const name = q.properties['name']?.[0] ?? '';
    const kind = /[\uac00-\ud7a3]/.test(name) ? 'hangul' : q.schema === 'Person' ? 'person' : 'organisation';
    mix[kind] = (mix[kind] ?? 0) + 1;
  }
  return mix;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
