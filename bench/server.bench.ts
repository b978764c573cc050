import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/api/app.js';
import { fixtureLists } from '../src/api/test-support/fixture.js';
import type { FtmEntity } from '../src/ftm/entity.js';
import { computeListStats } from '../src/lists/stats.js';
import { loadScreener } from '../src/screening/load-screener.js';
import { loadSharedLists } from '../src/screening/validation/shared-lists.js';
import { AuditLog } from '../src/store/audit-log.js';
import { KeyStore } from '../src/store/key-store.js';
import { openDatabase } from '../src/store/open-database.js';
import { openStore } from '../src/store/open-store.js';

const SHARED = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.CF_BENCH_SERVER_SECONDS ?? 5);
/** The UN list by default (loads in seconds); CF_BENCH_SERVER_ALL_LISTS=1 adds OFAC SDN and consolidated. */
const ALL_LISTS = process.env.CF_BENCH_SERVER_ALL_LISTS === '1';
const ROUNDS = 2;
// Listed DPRK names (some respelled) and names that are not listed: every request screens one of them.
const NAMES = ['Kim Jong-un', 'KIM Yo Jong', 'Choe Ryong Hae', 'Korea Mining Development Trading', 'Lazarus Group', 'Ri Pyong Chol', 'John Smith', 'Maria Garcia', 'Wang Wei', 'Chong Chon Gang'];

/**
 * `POST /match/default` under load on loopback: 50 concurrent clients for a few seconds (in two alternating
 * rounds, so that the drifting load of a shared machine hits both alike) against
 * (1) the full server (API key checked on every request, every screening appended to the audit trail,
 * rate limiter on), (2) the same /match without auth, audit and rate limit, (3) a bare Fastify route
 * returning a constant, all in this run. Requests/s, p99 latency, error responses, heap after GC before
 * and after; and that the audit trail holds exactly one entry per answered request, chain intact.
 * Lists: the real UN list from ../shared (all three lists with CF_BENCH_SERVER_ALL_LISTS=1), else the fixture.
 */
export async function benchServer(): Promise<Record<string, unknown>> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const home = mkdtempSync(join(tmpdir(), 'cf-bench-server-'));
  const store = await openStore({ home });
  const { db } = await openDatabase({ home, databaseUrl: null });
  try {
    const real = existsSync(SHARED);
    const byList = real ? groupByList((await loadSharedLists(`${SHARED}lists/`, !ALL_LISTS)).entities) : new Map(Object.entries(fixtureLists()));
    for (const [list, entities] of byList) {
      await store.addListVersion({ list, format: 'ftm-jsonl', publishedAt: null, sourceUrl: null, sha256: null, note: null, entities, stats: computeListStats(entities) }, { activate: true });
    }
    const { screener, versions } = await loadScreener(store);
    const keys = new KeyStore(db);
    const audit = new AuditLog(db);
    const { secret } = await keys.create({ name: 'bench', role: 'analyst' });
    const requests = NAMES.map((name) => ({
      method: 'POST' as const,
      path: '/match/default',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ queries: { q: { schema: 'LegalEntity', properties: { name: [name] } } } }),
    }));

    const full = buildApp({ store, screener, db, audit, listVersions: versions, auth: { enabled: true, keys }, rateLimit: { max: 1e9 } });
    // Answers as the server counts them: autocannon does not count the requests in flight when it stops.
    let answered = 0;
    full.addHook('onResponse', async (_request, reply) => {
      if (reply.statusCode === 200) answered++;
    });
    const bare = buildApp({ store, screener });
    const hello = Fastify();
    hello.post('/match/default', async () => ({ hello: 'world' }));

    const results: Record<string, unknown> = {
      lists: versions.map((v) => `${v.list}@${v.seq}`),
      entities: screener.info.entities,
      realLists: real,
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      cpus: cpus().length,
      loadAverageAtStart: loadavg().map(round),
    };
    // The machine is shared and its load drifts: the two /match servers take turns, ROUNDS times each.
    const urls = { full: await full.listen({ host: '127.0.0.1', port: 0 }), bare: await bare.listen({ host: '127.0.0.1', port: 0 }), hello: await hello.listen({ host: '127.0.0.1', port: 0 }) };
    const runs: Record<keyof typeof urls, LoadResult[]> = { full: [], bare: [], hello: [] };
    try {
      for (const url of Object.values(urls)) await autocannon({ url, connections: CONNECTIONS, duration: 1, requests });
      for (let round = 0; round < ROUNDS; round++) {
        runs.full.push(await load(urls.full, requests, gc));
        runs.bare.push(await load(urls.bare, requests, gc));
      }
      runs.hello.push(await load(urls.hello, requests, gc));
    } finally {
      await Promise.all([full.close(), bare.close(), hello.close()]);
    }
    await settled(() => audit.count());
    const auditEntries = await audit.count();
    const verified = await audit.verify();
    const ours = combine(runs.full);
    const peerNoAuthNoAudit = combine(runs.bare);
    const peerHello = combine(runs.hello);
    Object.assign(results, {
      fullServer: ours,
      peerMatchWithoutAuthAuditRateLimit: peerNoAuthNoAudit,
      peerBareFastifyConstant: peerHello,
      ratioRequestsPerSecondFullToNoAuthAudit: round(ours.requestsPerSecond / peerNoAuthNoAudit.requestsPerSecond),
      ratioP99FullToNoAuthAudit: round(ours.latencyP99Ms / Math.max(peerNoAuthNoAudit.latencyP99Ms, 0.01)),
      ratioRequestsPerSecondFullToBareFastify: round(ours.requestsPerSecond / peerHello.requestsPerSecond),
      serverAnswered200: answered,
      auditEntries,
      auditEntriesEqualAnswered: auditEntries === answered,
      auditChainIntact: verified.ok,
      loadAverageAtEnd: loadavg().map(round),
    });
    return results;
  } finally {
    await db.destroy();
    await store.close();
    rmSync(home, { recursive: true, force: true });
  }
}

interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  heapAfterGcBeforeMb: number;
  heapAfterGcAfterMb: number;
  rssAfterMb: number;
}

async function load(url: string, requests: autocannon.Request[], gc: () => void): Promise<LoadResult> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S / ROUNDS, requests });
  gc();
  const memory = process.memoryUsage();
  return {
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    heapAfterGcBeforeMb: round(heapBefore / 2 ** 20),
    heapAfterGcAfterMb: round(memory.heapUsed / 2 ** 20),
    rssAfterMb: round(memory.rss / 2 ** 20),
  };
}

/** The rounds of one server together: rates averaged, the worst p99, counts summed, heap of the first and last. */
function combine(runs: LoadResult[]): LoadResult & { rounds: number[] } {
  const sum = (f: (r: LoadResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    requestsPerSecond: Math.round(sum((r) => r.requestsPerSecond) / runs.length),
    latencyP50Ms: Math.max(...runs.map((r) => r.latencyP50Ms)),
    latencyP99Ms: Math.max(...runs.map((r) => r.latencyP99Ms)),
    requests: sum((r) => r.requests),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    heapAfterGcBeforeMb: runs[0]!.heapAfterGcBeforeMb,
    heapAfterGcAfterMb: runs.at(-1)!.heapAfterGcAfterMb,
    rssAfterMb: runs.at(-1)!.rssAfterMb,
    rounds: runs.map((r) => r.requestsPerSecond),
  };
}

/** Waits until a count stops changing (the last requests of a run finishing), at most 5 s. */
async function settled(count: () => Promise<number>): Promise<void> {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const now = await count();
    if (now === last) return;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function groupByList(entities: FtmEntity[]): Map<string, FtmEntity[]> {
  const byList = new Map<string, FtmEntity[]>();
  for (const e of entities) {
    const list = e.provenance?.list ?? e.datasets[0] ?? 'unknown';
    let group = byList.get(list);
    if (!group) byList.set(list, (group = []));
    group.push(e);
  }
  return byList;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
