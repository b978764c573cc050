import type { TransferGraph } from '../../graph/transfer-graph.js';
import type { TaintResult } from '../taint-engine.js';

/** A named finding with the evidence that supports it. */
export interface PatternFinding {
  name: 'fan_out_split' | 'peel_chain' | 'dormancy_then_burst' | 're_convergence' | 'consolidation' | 'noise_ignored';
  /** The addresses the finding is about (the first is the main one). */
  addresses: string[];
  summary: string;
  evidence: Record<string, unknown>;
}

export interface PatternContext {
  graph: TransferGraph;
  taint: TaintResult;
}

/** Tainted edges grouped by sender (graph direction), in chronological order. */
export function taintedOutflows(ctx: PatternContext): Map<number, number[]> {
  const by = new Map<number, number[]>();
  const edges = [...ctx.taint.edgeTaint.keys()].sort((a, b) => a - b);
  for (const e of edges) {
    const u = ctx.graph.src[e]!;
    let list = by.get(u);
    if (!list) by.set(u, (list = []));
    list.push(e);
  }
  return by;
}

/** Amount in whole units of the edge's asset (base units when decimals are unknown). */
export function wholeUnits(g: TransferGraph, e: number): number {
  const d = g.names.decimals[g.asset[e]!] ?? 0;
  return g.amount[e]! / 10 ** d;
}

export const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
