import { buildCsr } from '../graph/graph-builder.js';
import { localityOrder, remapEndpoints } from '../graph/renumber.js';
import { TransferGraph, type GraphNames } from '../graph/transfer-graph.js';

/** Deterministic xorshift32 in [0, 1). */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

export interface ScenarioOptions {
  users: number;
  exchanges: number;
  /** Background transfers among users and exchanges. */
  background: number;
  seed?: number;
  /** Renumber nodes for locality as the graph builder does (default true). */
  renumber?: boolean;
}

/** Ground truth of the laundering injected into the background traffic. */
export interface ScenarioTruth {
  victim: number;
  receiver: number;
  firstLevel: number[];
  /** First-level wallets that wait 9 days and then burst. */
  dormant: number[];
  burstReceivers: number[];
  bridge: number;
  exchanges: number[];
  /** Whole ETH stolen and deposited into the bridge. */
  stolen: number;
  bridged: number;
}

const WEI = 1e18;

/**
 * A Bybit-like laundering case inside background traffic of users and exchanges: theft → one receiver →
 * 40 × 10,000 ETH fan-out within an hour → 10 wallets dormant 9 days then bursts of irregular transfers to
 * fresh addresses, the others forwarding directly → ~200–225 ETH deposits into a bridge. Node ids are
 * dense and renumbered for locality like a built graph; addresses are synthetic (`0x` + the id before
 * renumbering: exchanges first, then users, then the laundering wallets), so no address table is kept.
 * `nodeOf` maps such an original id to the graph's node id.
 *
 * @example
 * const { graph, truth } = generateScenario({ users: 10_000, exchanges: 5, background: 100_000 });
 */
export function generateScenario(o: ScenarioOptions): { graph: TransferGraph; truth: ScenarioTruth; nodeOf: (original: number) => number } {
  const rand = rng(o.seed ?? 42);
  const launderingEdges = 1 + 40 + 10 * 60 + 10 * 60 + 30 * 50 + 2000;
  const cap = o.background + launderingEdges;
  const src = new Uint32Array(cap);
  const dst = new Uint32Array(cap);
  const amount = new Float64Array(cap);
  const asset = new Uint16Array(cap);
  const flags = new Uint8Array(cap);
  const time = new Uint32Array(cap);
  const block = new Uint32Array(cap);
  const tx = new Uint32Array(cap);
  const pos = new Uint16Array(cap);
  const exchanges = Array.from({ length: o.exchanges }, (_, i) => i);
  let next = o.exchanges + o.users;
  const fresh = () => next++;
  const victim = fresh();
  const receiver = fresh();
  const bridge = fresh();
  const firstLevel = Array.from({ length: 40 }, fresh);
  const dormant = firstLevel.slice(30);
  const burstReceivers: number[] = [];

  // Laundering events, each (time, from, to, amount ETH); merged into the background by time.
  const start = 1_740_000_000;
  const spanDays = 30;
  const events: [number, number, number, number][] = [[start + 86400, victim, receiver, 400_000]];
  firstLevel.forEach((w, i) => events.push([start + 86400 + 1800 + i * 90, receiver, w, 10_000]));
  let bridged = 0;
  const deposit = (t: number, from: number, total: number) => {
    let left = total;
    let k = 0;
    while (left > 1e-9) {
      const a = Math.min(left, 200 + rand() * 25);
      events.push([t + k++ * 60, from, bridge, a]);
      bridged += a;
      left -= a;
    }
  };
  for (const w of firstLevel.slice(0, 30)) {
    const hop2 = fresh();
    events.push([start + 86400 + 7200, w, hop2, 10_000]);
    deposit(start + 2 * 86400, hop2, 10_000);
  }
  for (const w of dormant) {
    const t0 = start + 10 * 86400;
    let left = 10_000;
    for (let i = 0; i < 50 && left > 0; i++) {
      const a = i === 49 ? left : Math.min(left, 50 + Math.round(rand() * 30000) / 100);
      const r = fresh();
      burstReceivers.push(r);
      events.push([t0 + i * 120, w, r, a]);
      deposit(t0 + 3600 + i * 600, r, a);
      left -= a;
    }
  }
  events.sort((a, b) => a[0] - b[0]);

  let n = 0;
  let ev = 0;
  const users = o.users;
  const pushEdge = (t: number, from: number, to: number, a: number) => {
    src[n] = from;
    dst[n] = to;
    amount[n] = a;
    asset[n] = 0;
    time[n] = t;
    block[n] = Math.floor((t - start) / 12);
    tx[n] = n;
    n++;
  };
  const dt = (spanDays * 86400) / Math.max(1, o.background);
  for (let i = 0; i < o.background; i++) {
    const t = Math.floor(start + i * dt);
    while (ev < events.length && events[ev]![0] <= t) {
      const [et, f, to, a] = events[ev++]!;
      pushEdge(et, f, to, a * WEI);
    }
    const r = rand();
    const user = o.exchanges + Math.floor(rand() * users);
    const ex = Math.floor(rand() * o.exchanges);
    const a = (0.01 + rand() * rand() * 50) * WEI;
    if (r < 0.4) pushEdge(t, user, o.exchanges + Math.floor(rand() * users), a);
    else if (r < 0.7) pushEdge(t, user, ex, a);
    else pushEdge(t, ex, user, a);
  }
  while (ev < events.length) {
    const [et, f, to, a] = events[ev++]!;
    pushEdge(et, f, to, a * WEI);
  }
  const hex = (id: number) => `0x${id.toString(16).padStart(40, '0')}`;
  const srcN = src.subarray(0, n);
  const dstN = dst.subarray(0, n);
  let newOf: Uint32Array | undefined;
  let oldOf: Uint32Array | undefined;
  if (o.renumber ?? true) {
    ({ newOf, oldOf } = localityOrder(next, n, srcN, dstN));
    remapEndpoints(srcN, dstN, n, newOf);
  }
  const names: GraphNames = {
    address: oldOf ? (id) => hex(oldOf[id]!) : hex,
    assets: ['native'],
    decimals: [18],
    txHash: (t) => `0x${t.toString(16).padStart(64, '0')}`,
    position: () => 'a',
    bytes: () => 0,
  };
  const graph = new TransferGraph(
    buildCsr({
      chain: 'ethereum',
      nodeCount: next,
      edgeCount: n,
      src: srcN,
      dst: dstN,
      amount: amount.subarray(0, n),
      asset: asset.subarray(0, n),
      flags: flags.subarray(0, n),
      time: time.subarray(0, n),
      block: block.subarray(0, n),
      tx: tx.subarray(0, n),
      pos: pos.subarray(0, n),
    }),
    names,
  );
  const nodeOf = (id: number) => (newOf ? newOf[id]! : id);
  const map = (ids: number[]) => ids.map(nodeOf);
  return {
    graph,
    nodeOf,
    truth: {
      victim: nodeOf(victim),
      receiver: nodeOf(receiver),
      firstLevel: map(firstLevel),
      dormant: map(dormant),
      burstReceivers: map(burstReceivers),
      bridge: nodeOf(bridge),
      exchanges: map(exchanges),
      stolen: 400_000,
      bridged,
    },
  };
}
