import type { PatternContext, PatternFinding } from './pattern.js';
import { wholeUnits } from './pattern.js';

/** Tainted senders per receiver. */
function taintedSenders(ctx: PatternContext): Map<number, Set<number>> {
  const by = new Map<number, Set<number>>();
  for (const e of ctx.taint.edgeTaint.keys()) {
    const v = ctx.graph.dst[e]!;
    let s = by.get(v);
    if (!s) by.set(v, (s = new Set()));
    s.add(ctx.graph.src[e]!);
  }
  return by;
}

/**
 * Re-convergence: an address receives taint from senders at different hops (the flow is a DAG, not a
 * tree: Bybit had 4 addresses fed from both hop 3 and hop 4).
 *
 * @example
 * detectReconvergence({ graph, taint })
 */
export function detectReconvergence(ctx: PatternContext): PatternFinding[] {
  const g = ctx.graph;
  const out: PatternFinding[] = [];
  for (const [v, senders] of taintedSenders(ctx)) {
    const hops = new Map<number, number>();
    for (const s of senders) if (ctx.taint.hops.has(s)) hops.set(s, ctx.taint.hops.get(s)!);
    const distinct = new Set(hops.values());
    if (senders.size < 2 || distinct.size < 2) continue;
    out.push({
      name: 're_convergence',
      addresses: [g.address(v), ...[...senders].map((s) => g.address(s))],
      summary: `${g.address(v)} receives from ${senders.size} traced addresses at hops ${[...distinct].sort((a, b) => a - b).join(', ')}`,
      evidence: { address: g.address(v), senders: [...hops].map(([s, h]) => ({ address: g.address(s), hop: h })) },
    });
  }
  return out;
}

export interface ConsolidationOptions {
  /** Fewest traced senders (default 5). */
  minSenders?: number;
  /** Or: sends at least this many times what the traced branches brought (default 2). */
  outToInRatio?: number;
}

/**
 * Consolidation: many traced branches meet at one address, or an address sends far more than the traced
 * branch brought (Bybit hop 5: one address sent 3.6× what the traced branch brought).
 *
 * @example
 * detectConsolidation({ graph, taint })
 */
export function detectConsolidation(ctx: PatternContext, o: ConsolidationOptions = {}): PatternFinding[] {
  const g = ctx.graph;
  const minSenders = o.minSenders ?? 5;
  const ratio = o.outToInRatio ?? 2;
  const tracedIn = new Map<number, number>();
  for (const e of ctx.taint.edgeTaint.keys()) tracedIn.set(g.dst[e]!, (tracedIn.get(g.dst[e]!) ?? 0) + wholeUnits(g, e));
  const processed = new Set(ctx.taint.processed);
  const out: PatternFinding[] = [];
  for (const [v, senders] of taintedSenders(ctx)) {
    if (ctx.taint.stops.has(v)) continue;
    let sent = 0;
    for (let k = g.outOffsets[v]!; k < g.outOffsets[v + 1]!; k++) if (processed.has(g.outEdges[k]!)) sent += wholeUnits(g, g.outEdges[k]!);
    const brought = tracedIn.get(v) ?? 0;
    const many = senders.size >= minSenders;
    const more = brought > 0 && sent >= ratio * brought;
    if (!many && !more) continue;
    out.push({
      name: 'consolidation',
      addresses: [g.address(v), ...[...senders].map((s) => g.address(s))],
      summary: many ? `${senders.size} traced branches meet at ${g.address(v)}` : `${g.address(v)} sent ${(sent / brought).toFixed(1)}× what the traced branches brought`,
      evidence: { address: g.address(v), tracedSenders: senders.size, tracedIn: brought, sent, ratio: brought > 0 ? Number((sent / brought).toFixed(2)) : null },
    });
  }
  return out;
}
