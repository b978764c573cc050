import { InputError } from '../errors.js';
import { NOISE_FLAGS, endBefore, firstAfter, type TransferGraph } from '../graph/transfer-graph.js';

export type TaintModel = 'haircut' | 'poison' | 'fifo';
export type TraceDirection = 'forward' | 'backward';
export const TAINT_MODELS: readonly TaintModel[] = ['haircut', 'poison', 'fifo'];

/**
 * Where taint starts. `edges`: these transfers are fully tainted. `address` + `outflows`: every followed
 * outflow of the address (in the window) is fully tainted; `inflows`: every inflow is, and the address
 * holds it. In a backward trace "outflows" are read on the reversed graph, i.e. the address's inflows.
 */
export type Seed =
  | { kind: 'edges'; edges: readonly number[]; hop?: number }
  | { kind: 'address'; node: number; mode: 'outflows' | 'inflows'; fromTime?: number; toTime?: number; hop?: number };

export interface TaintOptions {
  model: TaintModel;
  direction?: TraceDirection;
  seeds: readonly Seed[];
  /** Addresses more than this many hops from a seed are not reached (default 10). */
  maxHops?: number;
  fromTime?: number;
  toTime?: number;
  /** Transfers below this amount (base units) are not followed. */
  minAmount?: number;
  /** Only these asset ids are seeded (all assets when absent). Conversions still carry taint into others. */
  seedAssets?: readonly number[];
  /** Labelled services: they absorb taint (exits) and pass none on. */
  isStop?: (node: number) => boolean;
  /** Carry taint across assets when an address sends one and receives another in one transaction (default true). */
  conversions?: boolean;
  /**
   * Bound on the reachability search: stop widening once this many adjacency entries were looked at
   * (exposure uses it to keep a query's cost flat around busy addresses). The result is then `truncated`.
   */
  maxVisits?: number;
  /**
   * Skip the transfers of addresses that can only be reached at the hop limit (haircut and FIFO: they absorb
   * what they get, so their own transfers change no taint; their inflows from traced senders are still
   * processed). Taint figures are unchanged; `balance` of those addresses then counts only processed
   * transfers. Ignored for poison, whose tainted balance is the whole balance. Exposure uses it.
   */
  lean?: boolean;
}

export interface AddressTaint {
  node: number;
  asset: number;
  taintedReceived: number;
  taintedBalance: number;
  /** Balance observed in the processed transfers (not below 0). */
  balance: number;
}

export interface TaintResult {
  model: TaintModel;
  direction: TraceDirection;
  /** Per (address, asset) with any taint or seeded. */
  holdings: AddressTaint[];
  /** First hop at which taint reached each address (seeds: their seed hop). */
  hops: Map<number, number>;
  /** Edge id → taint carried (view direction), only edges with taint > 0. */
  edgeTaint: Map<number, number>;
  /** Taint created by seeds, per asset id. */
  injected: Map<number, number>;
  /** Taint created by cross-asset conversions, per asset id (not part of `injected`). */
  converted: Map<number, number>;
  /** Edge ids that were processed (chronological in the view direction). */
  processed: Uint32Array;
  stops: Set<number>;
  /** Addresses at the hop limit: they hold what they got and pass nothing on. */
  frontier: Set<number>;
  /** Edges the reachability pass looked at (the work done). */
  edgeVisits: number;
  /** The search stopped at `maxVisits` before reaching everything within the hop limit. */
  truncated: boolean;
}

/** Whether a taint model may follow an edge: no noise, inside the window, not below the minimum. */
export function followable(g: TransferGraph, e: number, o: Pick<TaintOptions, 'fromTime' | 'toTime' | 'minAmount'>): boolean {
  if ((g.flags[e]! & NOISE_FLAGS) !== 0) return false;
  const t = g.time[e]!;
  if (o.fromTime !== undefined && t < o.fromTime) return false;
  if (o.toTime !== undefined && t > o.toTime) return false;
  if (o.minAmount !== undefined && g.amount[e]! < o.minAmount) return false;
  return g.amount[e]! > 0;
}

/** View of the graph in the trace direction: endpoints swapped and order reversed for backward traces. */
interface View {
  from: Uint32Array;
  to: Uint32Array;
  outOffsets: Uint32Array;
  outEdges: Uint32Array;
  inOffsets: Uint32Array;
  inEdges: Uint32Array;
  outNbr: Uint32Array;
  forward: boolean;
}

function viewOf(g: TransferGraph, direction: TraceDirection): View {
  return direction === 'forward'
    ? { from: g.src, to: g.dst, outOffsets: g.outOffsets, outEdges: g.outEdges, inOffsets: g.inOffsets, inEdges: g.inEdges, outNbr: g.outNbr, forward: true }
    : { from: g.dst, to: g.src, outOffsets: g.inOffsets, outEdges: g.inEdges, inOffsets: g.outOffsets, inEdges: g.outEdges, outNbr: g.inNbr, forward: false };
}

/** Seeded edges with the hop their receiver gets. */
function resolveSeeds(g: TransferGraph, v: View, o: TaintOptions): { seeded: Map<number, number>; seedNodes: Map<number, number> } {
  const seeded = new Map<number, number>();
  const seedNodes = new Map<number, number>();
  const assetOk = (e: number) => !o.seedAssets || o.seedAssets.includes(g.asset[e]!);
  for (const s of o.seeds) {
    const hop = s.hop ?? 0;
    if (s.kind === 'edges') {
      for (const e of s.edges) {
        if (!Number.isInteger(e) || e < 0 || e >= g.edgeCount) throw new InputError('seed', `no transfer ${e} in the graph`);
        if (!followable(g, e, o) || !assetOk(e)) continue;
        seeded.set(e, hop + 1);
        const u = v.from[e]!;
        if (!seedNodes.has(u) || seedNodes.get(u)! > hop) seedNodes.set(u, hop);
      }
      continue;
    }
    if (!seedNodes.has(s.node) || seedNodes.get(s.node)! > hop) seedNodes.set(s.node, hop);
    const [offs, edges] = s.mode === 'outflows' ? [v.outOffsets, v.outEdges] : [v.inOffsets, v.inEdges];
    for (let k = offs[s.node]!; k < offs[s.node + 1]!; k++) {
      const e = edges[k]!;
      const t = g.time[e]!;
      if ((s.fromTime !== undefined && t < s.fromTime) || (s.toTime !== undefined && t > s.toTime)) continue;
      if (!followable(g, e, o) || !assetOk(e)) continue;
      seeded.set(e, s.mode === 'outflows' ? hop + 1 : hop);
    }
  }
  return { seeded, seedNodes };
}

/** Chronological rank of an edge in the view (backward traces run time in reverse). */
const rank = (v: View, m: number, e: number) => (v.forward ? e : m - 1 - e);

/**
 * Nodes that can possibly receive taint: a time-respecting search that keeps, per node, the earliest
 * arrival and the smallest hop separately (a relaxation, so the set is a superset of what the exact
 * chronological pass will taint, and the pass over the edges around it is exact).
 */
interface Scratch {
  stamp: Uint32Array;
  /** Per node: the state index of its first (address, asset) state in this run, valid when stateStamp = epoch. */
  stateStamp: Uint32Array;
  stateSlot: Int32Array;
  arrival: Float64Array;
  hop: Int32Array;
  epoch: number;
}
const SCRATCH = new WeakMap<TransferGraph, Scratch>();

function scratchFor(g: TransferGraph): Scratch {
  let s = SCRATCH.get(g);
  if (!s) SCRATCH.set(g, (s = { stamp: new Uint32Array(g.nodeCount), stateStamp: new Uint32Array(g.nodeCount), stateSlot: new Int32Array(g.nodeCount), arrival: new Float64Array(g.nodeCount), hop: new Int32Array(g.nodeCount), epoch: 0 }));
  if (++s.epoch === 0xffffffff) {
    s.stamp.fill(0);
    s.stateStamp.fill(0);
    s.epoch = 1;
  }
  return s;
}

function reachable(g: TransferGraph, v: View, o: TaintOptions, seeded: Map<number, number>, seedNodes: Map<number, number>, maxHops: number) {
  const m = g.edgeCount;
  const sc = scratchFor(g);
  const { stamp, arrival, hop, epoch } = sc;
  const nodes: number[] = [];
  const queue: number[] = [];
  let visits = 0;
  const improve = (node: number, arr: number, h: number) => {
    if (stamp[node] !== epoch) {
      stamp[node] = epoch;
      arrival[node] = arr;
      hop[node] = h;
      nodes.push(node);
      queue.push(node);
      return;
    }
    let better = false;
    if (arr < arrival[node]!) {
      arrival[node] = arr;
      better = true;
    }
    if (h < hop[node]!) {
      hop[node] = h;
      better = true;
    }
    if (better) queue.push(node);
  };
  for (const [node, h] of seedNodes) improve(node, Number.POSITIVE_INFINITY, h);
  for (const [e, h] of seeded) improve(v.to[e]!, rank(v, m, e), h);
  for (const [e] of seeded) {
    // A seed sender is reached "before" its seeded outflows.
    const u = v.from[e]!;
    if (!seedNodes.has(u)) continue;
    arrival[u] = Math.min(arrival[u]!, rank(v, m, e) - 1);
  }
  const { outOffsets, outEdges, outNbr } = v;
  const budget = o.maxVisits ?? Number.POSITIVE_INFINITY;
  let truncated = false;
  for (let qi = 0; qi < queue.length; qi++) {
    if (visits >= budget) {
      truncated = true;
      break;
    }
    const u = queue[qi]!;
    const h = hop[u]!;
    if (h >= maxHops || o.isStop?.(u)) continue;
    const arr = arrival[u]!;
    if (!Number.isFinite(arr)) continue;
    const lo = outOffsets[u]!;
    const hi = outOffsets[u + 1]!;
    // Edges after the arrival, in view order: ascending ids forward, descending ids backward.
    let k = v.forward ? firstAfter(outEdges, lo, hi, arr) : lo;
    const end = v.forward ? hi : endBefore(outEdges, lo, hi, m - 1 - arr);
    visits += end - k;
    for (; k < end; k++) {
      const e = outEdges[k]!;
      if (!followable(g, e, o)) continue;
      improve(outNbr[k]!, rank(v, m, e), h + 1);
    }
  }
  return { nodes, visits, truncated, scratch: sc };
}

/**
 * Runs one taint model over the transfers around the reachable addresses, chronologically (block, then
 * position; reversed for backward traces), per asset, exactly as defined in docs/tracing.md.
 *
 * @example
 * const r = runTaint(graph, { model: 'haircut', seeds: [{ kind: 'address', node: graph.node('0x4766…')!, mode: 'outflows' }] });
 */
export function runTaint(g: TransferGraph, o: TaintOptions): TaintResult {
  const direction = o.direction ?? 'forward';
  const v = viewOf(g, direction);
  const maxHops = o.maxHops ?? 10;
  const A = Math.max(1, g.names.assets.length);
  const { seeded, seedNodes } = resolveSeeds(g, v, o);
  const reach = reachable(g, v, o, seeded, seedNodes, maxHops);
  const isStop = (n: number) => (o.isStop ? o.isStop(n) : false);

  // The edges to process: every followed edge around a reached address that passes taint on.
  const reachHop = reach.scratch.hop;
  const lean = (o.lean ?? false) && o.model !== 'poison';
  const skip = (n: number) => isStop(n) || (lean && reachHop[n]! >= maxHops);
  let count = 0;
  for (const n of reach.nodes) if (!skip(n)) count += v.outOffsets[n + 1]! - v.outOffsets[n]! + (v.inOffsets[n + 1]! - v.inOffsets[n]!);
  let list = new Uint32Array(count + seeded.size);
  let w = 0;
  for (const n of reach.nodes) {
    if (skip(n)) continue;
    for (let k = v.outOffsets[n]!; k < v.outOffsets[n + 1]!; k++) list[w++] = v.outEdges[k]!;
    for (let k = v.inOffsets[n]!; k < v.inOffsets[n + 1]!; k++) list[w++] = v.inEdges[k]!;
  }
  for (const e of seeded.keys()) list[w++] = e;
  list = list.subarray(0, w).sort();
  if (!v.forward) list.reverse();
  let u = 0;
  for (let i = 0; i < list.length; i++) if (i === 0 || list[i] !== list[i - 1]) list[u++] = list[i]!;
  const processed = list.slice(0, u).filter((e) => followable(g, e, o));

  const stateIndex = new Map<number, number>();
  const nodeOf: number[] = [];
  const assetOf: number[] = [];
  const bal: number[] = [];
  const taint: number[] = [];
  const received: number[] = [];
  const poisoned: boolean[] = [];
  const lots: { amount: number[]; taint: number[]; head: number }[] = [];
  const { stateStamp, stateSlot, epoch } = reach.scratch;
  const fifo = o.model === 'fifo';
  const newState = (node: number, asset: number) => {
    const i = nodeOf.length;
    nodeOf.push(node);
    assetOf.push(asset);
    bal.push(0);
    taint.push(0);
    received.push(0);
    poisoned.push(false);
    if (fifo) lots.push({ amount: [], taint: [], head: 0 });
    return i;
  };
  // A node's first asset state is found through the stamped per-node slot (no hashing, no allocation);
  // further assets of the same node go through the map.
  const state = (node: number, asset: number) => {
    if (stateStamp[node] !== epoch) {
      stateStamp[node] = epoch;
      const i = newState(node, asset);
      stateSlot[node] = i;
      return i;
    }
    const first = stateSlot[node]!;
    if (assetOf[first] === asset) return first;
    const key = node * A + asset;
    let i = stateIndex.get(key);
    if (i === undefined) stateIndex.set(key, (i = newState(node, asset)));
    return i;
  };
  const hops = new Map<number, number>(seedNodes);
  const edgeTaint = new Map<number, number>();
  const injected = new Map<number, number>();
  const converted = new Map<number, number>();
  const frontier = new Set<number>();
  const stops = new Set<number>();
  const conversions = o.conversions ?? true;
  // Per (transaction, sender): the highest tainted fraction sent in some asset.
  let convTx = -1;
  const sentFraction = new Map<number, { asset: number; fraction: number }[]>();

  // Receipts in the current transaction, per receiver, for conversions whose input leg comes later.
  interface Receipt {
    edge: number;
    state: number;
    asset: number;
    amount: number;
    taint: number;
  }
  const pending = new Map<number, Receipt[]>();
  /** Raises a receipt's taint to `fraction` of its amount, as far as the receiver still holds it clean. */
  const topUp = (r: Receipt, fraction: number) => {
    const want = fraction * r.amount - r.taint;
    if (want <= 0) return;
    const i = r.state;
    let applied: number;
    if (o.model === 'fifo') {
      // Taint the receiver's newest clean units of the asset (the receipt's lot if still queued).
      const q = lots[i]!;
      applied = 0;
      for (let j = q.amount.length - 1; j >= q.head && applied < want; j--) {
        const room = Math.min(q.amount[j]! - q.taint[j]!, want - applied);
        if (room <= 0) continue;
        q.taint[j] = q.taint[j]! + room;
        applied += room;
      }
      taint[i] = taint[i]! + applied;
    } else {
      applied = Math.min(want, Math.max(0, bal[i]! - taint[i]!));
      if (o.model === 'haircut') taint[i] = taint[i]! + applied;
      else if (applied > 0) poisoned[i] = true;
    }
    if (applied <= 0) return;
    r.taint += applied;
    received[i] = received[i]! + applied;
    edgeTaint.set(r.edge, r.taint);
    converted.set(r.asset, (converted.get(r.asset) ?? 0) + applied);
  };

  const pushLot = (q: { amount: number[]; taint: number[]; head: number }, amount: number, t: number) => {
    const last = q.amount.length - 1;
    if (last >= q.head) {
      const la = q.amount[last]!;
      const lt = q.taint[last]!;
      const pure = (lt === 0 && t === 0) || (lt === la && t === amount);
      if (pure) {
        q.amount[last] = la + amount;
        q.taint[last] = lt + t;
        return;
      }
    }
    q.amount.push(amount);
    q.taint.push(t);
  };

  for (const e of processed) {
    const from = v.from[e]!;
    const to = v.to[e]!;
    const a = g.amount[e]!;
    const k = g.asset[e]!;
    const tx = g.tx[e]!;
    if (tx !== convTx) {
      convTx = tx;
      sentFraction.clear();
      pending.clear();
    }
    const su = state(from, k);
    const sv = state(to, k);
    const absorbing = isStop(from) || (hops.has(from) && hops.get(from)! >= maxHops);
    let carried = 0;
    let takenLots: { amount: number; taint: number }[] | undefined;
    if (absorbing) {
      bal[su] = Math.max(0, bal[su]! - a);
    } else if (o.model === 'haircut') {
      const B = Math.max(bal[su]!, a);
      carried = B > 0 ? Math.min(a, (a * taint[su]!) / B) : 0;
      taint[su] = Math.max(0, taint[su]! - carried);
      bal[su] = Math.max(0, bal[su]! - a);
      if (taint[su]! > bal[su]!) taint[su] = bal[su]!;
    } else if (o.model === 'poison') {
      carried = poisoned[su] ? a : 0;
      bal[su] = Math.max(0, bal[su]! - a);
    } else {
      const q = lots[su]!;
      takenLots = [];
      let need = a;
      while (need > 0 && q.head < q.amount.length) {
        const la = q.amount[q.head]!;
        const lt = q.taint[q.head]!;
        if (la <= need) {
          takenLots.push({ amount: la, taint: lt });
          need -= la;
          q.head++;
        } else {
          const part = lt === 0 ? 0 : lt === la ? need : (lt * need) / la;
          takenLots.push({ amount: need, taint: part });
          q.amount[q.head] = la - need;
          q.taint[q.head] = lt - part;
          need = 0;
        }
      }
      if (need > 0) takenLots.push({ amount: need, taint: 0 });
      if (q.head > 64 && q.head * 2 > q.amount.length) {
        q.amount.splice(0, q.head);
        q.taint.splice(0, q.head);
        q.head = 0;
      }
      for (const l of takenLots) carried += l.taint;
      bal[su] = Math.max(0, bal[su]! - a);
    }
    const seedHop = seeded.get(e);
    if (seedHop !== undefined) {
      injected.set(k, (injected.get(k) ?? 0) + (a - carried));
      carried = a;
      if (takenLots) takenLots = [{ amount: a, taint: a }];
    }
    if (conversions && !absorbing && carried > 0) {
      let list = sentFraction.get(from);
      if (!list) sentFraction.set(from, (list = []));
      list.push({ asset: k, fraction: carried / a });
      // Receipts of other assets earlier in this transaction are the proceeds of this outflow (the pool paid first).
      const earlier = pending.get(from);
      if (earlier) for (const r of earlier) if (r.asset !== k) topUp(r, carried / a);
    }
    // Conversion: the receiver sent another asset in this transaction with some taint.
    if (conversions) {
      const sent = sentFraction.get(to);
      if (sent) {
        let fraction = 0;
        for (const s of sent) if (s.asset !== k && s.fraction > fraction) fraction = s.fraction;
        const want = fraction * a;
        if (want > carried) {
          converted.set(k, (converted.get(k) ?? 0) + (want - carried));
          carried = want;
          if (takenLots) takenLots = [{ amount: a, taint: want }];
        }
      }
    }
    if (conversions) {
      const receipt = { edge: e, state: sv, asset: k, amount: a, taint: carried };
      const list = pending.get(to);
      if (list) list.push(receipt);
      else pending.set(to, [receipt]);
    }
    bal[sv] = bal[sv]! + a;
    if (o.model === 'fifo') {
      const q = lots[sv]!;
      for (const l of takenLots ?? [{ amount: a, taint: carried }]) pushLot(q, l.amount, l.taint);
      taint[sv] = taint[sv]! + carried;
    } else {
      taint[sv] = taint[sv]! + carried;
    }
    if (carried > 0) {
      received[sv] = received[sv]! + carried;
      if (o.model === 'poison') poisoned[sv] = true;
      edgeTaint.set(e, carried);
      if (!hops.has(to)) {
        const h = seedHop ?? (hops.get(from) ?? hops.get(to) ?? 0) + 1;
        hops.set(to, h);
        if (h >= maxHops && !isStop(to)) frontier.add(to);
      }
      if (isStop(to)) stops.add(to);
    }
    if (o.model === 'fifo' && !absorbing) {
      // FIFO taint of the sender is what is left in its queue.
      const q = lots[su]!;
      let t = 0;
      for (let i = q.head; i < q.taint.length; i++) t += q.taint[i]!;
      taint[su] = t;
    }
  }

  const holdings: AddressTaint[] = [];
  for (let i = 0; i < nodeOf.length; i++) {
    if (received[i]! === 0 && !seedNodes.has(nodeOf[i]!)) continue;
    const tainted = o.model === 'poison' ? (poisoned[i] ? bal[i]! : 0) : taint[i]!;
    holdings.push({ node: nodeOf[i]!, asset: assetOf[i]!, taintedReceived: received[i]!, taintedBalance: tainted, balance: bal[i]! });
  }
  return { model: o.model, direction, holdings, hops, edgeTaint, injected, converted, processed, stops, frontier, edgeVisits: reach.visits + processed.length, truncated: reach.truncated };
}
