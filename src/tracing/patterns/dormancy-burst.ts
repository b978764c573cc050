import { iso, taintedOutflows, wholeUnits, type PatternContext, type PatternFinding } from './pattern.js';

export interface DormancyOptions {
  /** Shortest quiet period (default 7 days). */
  dormantSeconds?: number;
  /** Fewest outflows in the burst (default 10). */
  minBurst?: number;
  /** Longest burst (default 6 h). */
  burstSeconds?: number;
}

/**
 * Dormancy then burst: a tainted address is quiet for days, then sends many irregular amounts in a few
 * hours (Bybit: the collector 0xdd90…5f92 waited 10 days, then sent 45 transfers of 0.88–561 ETH).
 *
 * @example
 * detectDormancyBurst({ graph, taint })
 */
export function detectDormancyBurst(ctx: PatternContext, o: DormancyOptions = {}): PatternFinding[] {
  const dormant = o.dormantSeconds ?? 7 * 86400;
  const minBurst = o.minBurst ?? 10;
  const burst = o.burstSeconds ?? 6 * 3600;
  const g = ctx.graph;
  const out: PatternFinding[] = [];
  for (const [u, edges] of taintedOutflows(ctx)) {
    // Activity of the address: every followed transfer in or out, not only tainted ones.
    const activity: number[] = [];
    for (let k = g.outOffsets[u]!; k < g.outOffsets[u + 1]!; k++) activity.push(g.time[g.outEdges[k]!]!);
    for (let k = g.inOffsets[u]!; k < g.inOffsets[u + 1]!; k++) activity.push(g.time[g.inEdges[k]!]!);
    activity.sort((a, b) => a - b);
    for (let i = 1; i < activity.length; i++) {
      const gap = activity[i]! - activity[i - 1]!;
      if (gap < dormant) continue;
      const start = activity[i]!;
      const run = edges.filter((e) => g.time[e]! >= start && g.time[e]! <= start + burst);
      if (run.length < minBurst) continue;
      const amounts = run.map((e) => wholeUnits(g, e));
      const receivers = new Set(run.map((e) => g.dst[e]!));
      out.push({
        name: 'dormancy_then_burst',
        addresses: [g.address(u), ...[...receivers].map((n) => g.address(n))],
        summary: `${g.address(u)} was quiet ${(gap / 86400).toFixed(1)} days, then sent ${run.length} transfers to ${receivers.size} addresses within ${((g.time[run[run.length - 1]!]! - start) / 3600).toFixed(1)} h`,
        evidence: {
          address: g.address(u),
          quietFrom: iso(activity[i - 1]!),
          quietUntil: iso(start),
          dormantDays: Number((gap / 86400).toFixed(2)),
          transfers: run.length,
          receivers: receivers.size,
          minAmount: Math.min(...amounts),
          maxAmount: Math.max(...amounts),
          total: amounts.reduce((s, a) => s + a, 0),
          distinctAmounts: new Set(amounts).size,
        },
      });
      break;
    }
  }
  return out;
}
