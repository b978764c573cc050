import { exposure } from '../src/tracing/exposure.js';
import { LabelBook } from '../src/tracing/labels/label.js';
import { generateScenario } from '../src/tracing/scenario.js';
const N = Number(process.env.N ?? 2_000_000); const users = N / 10;
const { graph, truth, nodeOf } = generateScenario({ users, exchanges: 200, background: N, seed: 1 });
const labels = new LabelBook([{ address: graph.address(truth.bridge), category: 'bridge', name: 'Bridge', origin: 'b', confidence: 100 }, ...truth.exchanges.map((x) => ({ address: graph.address(x), category: 'exchange' as const, name: `E${x}`, origin: 'b', confidence: 100 }))]);
const user = (i: number) => nodeOf(200 + (i % users));
for (let i = 0; i < 100; i++) exposure(graph, labels, graph.address(user(100 + i)));
const lat: [number, number, number][] = [];
for (let i = 0; i < 1000; i++) { const a = graph.address(user(i * 104729)); const c = process.cpuUsage(); const t = process.hrtime.bigint(); const r = exposure(graph, labels, a); lat.push([Number(process.hrtime.bigint() - t) / 1e6, process.cpuUsage(c).user / 1000, r.items.length]); }
const w = lat.map((l) => l[0]).sort((a, b) => a - b), c = lat.map((l) => l[1]).sort((a, b) => a - b);
console.log('wall p50', w[500], 'p99', w[990], 'cpu p50', c[500], 'p99', c[990]);
console.log(lat.sort((a, b) => b[0] - a[0]).slice(0, 5));
