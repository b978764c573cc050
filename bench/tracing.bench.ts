import Database from 'better-sqlite3';
import { hopLimitedBfs } from '../src/graph/bfs.js';
import { buildCsr } from '../src/graph/graph-builder.js';
import { localityOrder } from '../src/graph/renumber.js';
import { TransferGraph } from '../src/graph/transfer-graph.js';
import { exposure } from '../src/tracing/exposure.js';
import { LabelBook } from '../src/tracing/labels/label.js';
import { generateScenario } from '../src/tracing/scenario.js';
import { runTaint } from '../src/tracing/taint-engine.js';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
/** User CPU milliseconds since a process.cpuUsage() mark: excludes time the shared machine gave to others. */
const cpuMs = (c0: NodeJS.CpuUsage) => process.cpuUsage(c0).user / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function sliceGraph(g: TransferGraph, edges: number): TransferGraph {
  const c = buildCsr({
    chain: g.chain,
    nodeCount: g.nodeCount,
    edgeCount: edges,
    src: g.src.subarray(0, edges),
    dst: g.dst.subarray(0, edges),
    amount: g.amount.subarray(0, edges),
    asset: g.asset.subarray(0, edges),
    flags: g.flags.subarray(0, edges),
    time: g.time.subarray(0, edges),
    block: g.block.subarray(0, edges),
    tx: g.tx.subarray(0, edges),
    pos: g.pos.subarray(0, edges),
  });
  return new TransferGraph(c, g.names, g.addressSlots);
}

/**
 * Tracing benchmark: a generated graph of 20M transfers (env BENCH_TRACE_TRANSFERS) with a Bybit-like case;
 * CSR build time, bytes per transfer, edge visits/s, a 10-hop haircut trace, exposure p99, and the same
 * hop-limited walks through SQLite's recursive CTE and graphology on the same slice.
 */
export async function benchTracing(): Promise<Record<string, unknown>> {
  const total = Number(process.env.BENCH_TRACE_TRANSFERS ?? 20_000_000);
  const users = Math.floor(total / 10);
  let t0 = process.hrtime.bigint();
  // Generation includes the CSR layout; time the layout again on its own below.
  const { graph, truth, nodeOf } = generateScenario({ users, exchanges: 200, background: total, seed: 1 });
  const generateMs = ms(t0);
  // The locality renumbering alone (part of generation, as it is part of GraphBuilder.build).
  t0 = process.hrtime.bigint();
  localityOrder(graph.nodeCount, graph.edgeCount, graph.src, graph.dst);
  const renumberMs = ms(t0);
  const user = (i: number) => nodeOf(200 + (i % users));
  t0 = process.hrtime.bigint();
  const rebuilt = sliceGraph(graph, graph.edgeCount);
  const buildMs = ms(t0);
  const bytesPerTransfer = rebuilt.coreBytes() / rebuilt.edgeCount;

  // Edge visits/s: 10-hop BFS from 50 users over the whole graph; every out-adjacency entry of every
  // expanded node counts as one visit (new neighbour or not), as before. One warm-up, median of 5.
  const seeds = Array.from({ length: 50 }, (_, i) => user(i * 7919));
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let { reached, edgeVisits: visits } = hopLimitedBfs(graph, seeds, 10);
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    t0 = process.hrtime.bigint();
    ({ reached, edgeVisits: visits } = hopLimitedBfs(graph, seeds, 10));
    runs.push(ms(t0));
    cpuRuns.push(cpuMs(c0));
  }
  const bfsMs = median(runs);
  const bfsCpuMs = median(cpuRuns);

  // Full scan (BlockSci's "every input and output"): every node's out- and in-lists through the CSR.
  let scanMs = Number.POSITIVE_INFINITY;
  let checksum = 0;
  for (let r = 0; r < 3; r++) {
    t0 = process.hrtime.bigint();
    checksum = 0;
    const { outOffsets, outNbr, inOffsets, inNbr, nodeCount } = graph;
    for (let n = 0; n < nodeCount; n++) {
      for (let k = outOffsets[n]!, end = outOffsets[n + 1]!; k < end; k++) checksum = (checksum + outNbr[k]!) | 0;
      for (let k = inOffsets[n]!, end = inOffsets[n + 1]!; k < end; k++) checksum = (checksum ^ inNbr[k]!) | 0;
    }
    scanMs = Math.min(scanMs, ms(t0));
  }

  const labels = new LabelBook([
    { address: graph.address(truth.bridge), category: 'bridge', name: 'Bridge', origin: 'bench', confidence: 100 },
    ...truth.exchanges.map((x) => ({ address: graph.address(x), category: 'exchange' as const, name: `Exchange ${x}`, origin: 'bench', confidence: 100 })),
    { address: graph.address(truth.receiver), category: 'stolen_funds' as const, name: 'receiver', origin: 'bench', confidence: 100 },
  ]);
  const exchangeSet = new Set([...truth.exchanges, truth.bridge]);
  t0 = process.hrtime.bigint();
  const trace = runTaint(graph, { model: 'haircut', seeds: [{ kind: 'address', node: truth.receiver, mode: 'outflows' }], maxHops: 10, isStop: (n) => exchangeSet.has(n) });
  const traceMs = ms(t0);
  const bridged = trace.holdings.find((h) => h.node === truth.bridge)?.taintedReceived ?? 0;

  // Exposure of 1,000 users (3 hops, both directions), after a warm-up of 100 other users (JIT, label
  // node set). The address index is already built with the graph.
  t0 = process.hrtime.bigint();
  for (let i = 0; i < 100; i++) exposure(graph, labels, graph.address(user(100 + i)), { hops: 3 });
  const exposureWarmupMs = ms(t0);
  const lat: number[] = [];
  const cpuLat: number[] = [];
  let truncated = 0;
  for (let i = 0; i < 1000; i++) {
    const node = user(i * 104729);
    const c0 = process.cpuUsage();
    const s = process.hrtime.bigint();
    if (exposure(graph, labels, graph.address(node), { hops: 3 }).method.truncated) truncated++;
    lat.push(ms(s));
    cpuLat.push(cpuMs(c0));
  }
  lat.sort((a, b) => a - b);
  cpuLat.sort((a, b) => a - b);
  const p = (q: number, xs = lat) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

  // Peers on the same slice: SQLite recursive CTE and graphology, same 10-hop walk from the same seeds.
  const slice = Math.min(graph.edgeCount, Number(process.env.BENCH_TRACE_SLICE ?? 1_000_000));
  const sg = sliceGraph(graph, slice);
  const walkSeeds = seeds.slice(0, 10);
  const { reached: ourReached, edgeVisits: ourVisits } = hopLimitedBfs(sg, walkSeeds, 10);
  const ourRuns: number[] = [];
  for (let r = 0; r < 7; r++) {
    t0 = process.hrtime.bigint();
    hopLimitedBfs(sg, walkSeeds, 10);
    ourRuns.push(ms(t0));
  }
  const ours = median(ourRuns);

  const db = new Database(':memory:');
  db.exec('CREATE TABLE e (src INTEGER, dst INTEGER)');
  const ins = db.prepare('INSERT INTO e VALUES (?, ?)');
  db.transaction(() => {
    for (let e = 0; e < slice; e++) ins.run(sg.src[e], sg.dst[e]);
  })();
  db.exec('CREATE INDEX e_src ON e (src)');
  t0 = process.hrtime.bigint();
  const cte = db
    .prepare(
      `WITH RECURSIVE walk(node, depth) AS (SELECT value, 0 FROM json_each(?) UNION SELECT e.dst, walk.depth + 1 FROM walk JOIN e ON e.src = walk.node WHERE walk.depth < 10)
       SELECT count(DISTINCT node) AS n FROM walk`,
    )
    .get(JSON.stringify(walkSeeds)) as { n: number };
  const cteMs = ms(t0);
  db.close();

  let graphology: Record<string, unknown> = { skipped: 'graphology is not installed (npm install graphology)' };
  try {
    const mod = (await import('graphology' as string)) as { default: new (o: object) => { addNode(k: string): void; addDirectedEdge(a: string, b: string): void; forEachOutNeighbor(n: string, cb: (v: string) => void): void } };
    const G = mod.default;
    const gg = new G({ multi: true, type: 'directed' });
    t0 = process.hrtime.bigint();
    for (let n = 0; n < sg.nodeCount; n++) if (sg.outDegree(n) + sg.inDegree(n) > 0 || walkSeeds.includes(n)) gg.addNode(String(n));
    for (let e = 0; e < slice; e++) gg.addDirectedEdge(String(sg.src[e]), String(sg.dst[e]));
    const gBuild = ms(t0);
    t0 = process.hrtime.bigint();
    const seen = new Set(walkSeeds.map(String));
    let frontier = [...seen];
    for (let h = 0; h < 10 && frontier.length; h++) {
      const next: string[] = [];
      for (const u of frontier)
        gg.forEachOutNeighbor(u, (v) => {
          if (!seen.has(v)) {
            seen.add(v);
            next.push(v);
          }
        });
      frontier = next;
    }
    const gMs = ms(t0);
    graphology = { buildMs: Math.round(gBuild), walkMs: Number(gMs.toFixed(2)), reached: seen.size, ratio: Number((gMs / ours).toFixed(1)) };
  } catch (err) {
    if (!String((err as Error).message).includes('graphology')) throw err;
  }

  return {
    transfers: graph.edgeCount,
    addresses: graph.nodeCount,
    generateMs: Math.round(generateMs),
    renumberMs: Math.round(renumberMs),
    buildMs: Math.round(buildMs),
    bytesPerTransfer: Number(bytesPerTransfer.toFixed(1)),
    sideTables: 'addresses and tx hashes are synthetic in the generated graph (no side tables); a store-built graph adds them',
    bfs: { hops: 10, seeds: seeds.length, reached, edgeVisits: visits, medianOf5Ms: Math.round(bfsMs), edgeVisitsPerSecond: Math.round(visits / (bfsMs / 1000)), medianCpuMs: Math.round(bfsCpuMs), edgeVisitsPerCpuSecond: Math.round(visits / (bfsCpuMs / 1000)) },
    fullScan: { edgeVisits: 2 * graph.edgeCount, bestOf3Ms: Math.round(scanMs), edgeVisitsPerSecond: Math.round((2 * graph.edgeCount) / (scanMs / 1000)), checksum },
    haircut10Hop: { ms: Math.round(traceMs), edgesProcessed: trace.processed.length, edgeVisits: trace.edgeVisits, addresses: trace.hops.size, bridgedEth: Number((bridged / 1e18).toFixed(3)), truthBridgedEth: Number(truth.bridged.toFixed(3)) },
    exposure: { warmupMs: Math.round(exposureWarmupMs), queries: lat.length, p50Ms: Number(p(0.5).toFixed(3)), p99Ms: Number(p(0.99).toFixed(3)), maxMs: Number(lat[lat.length - 1]!.toFixed(3)), cpuP50Ms: Number(p(0.5, cpuLat).toFixed(3)), cpuP99Ms: Number(p(0.99, cpuLat).toFixed(3)), truncated },
    peers: {
      slice,
      walk: { hops: 10, seeds: walkSeeds.length },
      ours: { medianOf7Ms: Number(ours.toFixed(3)), reached: ourReached, edgeVisits: ourVisits },
      sqliteCte: { ms: Math.round(cteMs), reached: cte.n, ratio: Number((cteMs / ours).toFixed(1)) },
      graphology,
    },
  };
}
