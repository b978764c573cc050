import { iso, taintedOutflows, wholeUnits, type PatternContext, type PatternFinding } from './pattern.js';

export interface FanOutOptions {
  /** Fewest equal outflows that make a split (default 5). */
  minCount?: number;
  /** Longest span of the split (default 2 h). */
  windowSeconds?: number;
  /** An amount is round when it is a multiple of this many whole units (default 100). */
  roundUnit?: number;
}

/**
 * Fan-out split: one tainted address sends many equal, round amounts to distinct receivers within a short
 * window (Bybit: 40 × 10,000 ETH in under an hour).
 *
 * @example
 * detectFanOut({ graph, taint }) // [{ name: 'fan_out_split', evidence: { count: 40, amount: 10000, … } }]
 */
export function detectFanOut(ctx: PatternContext, o: FanOutOptions = {}): PatternFinding[] {
  const minCount = o.minCount ?? 5;
  const window = o.windowSeconds ?? 7200;
  const unit = o.roundUnit ?? 100;
  const g = ctx.graph;
  const out: PatternFinding[] = [];
  for (const [u, edges] of taintedOutflows(ctx)) {
    const groups = new Map<string, number[]>();
    for (const e of edges) {
      const whole = wholeUnits(g, e);
      if (whole < unit || Math.abs(whole / unit - Math.round(whole / unit)) > 1e-9) continue;
      const key = `${g.asset[e]}:${g.amount[e]}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(e);
    }
    for (const list of groups.values()) {
      // Longest run whose span is inside the window.
      let best: [number, number] = [0, 0];
      for (let i = 0, j = 0; j < list.length; j++) {
        while (g.time[list[j]!]! - g.time[list[i]!]! > window) i++;
        if (j - i > best[1] - best[0]) best = [i, j];
      }
      const run = list.slice(best[0], best[1] + 1);
      const receivers = new Set(run.map((e) => g.dst[e]!));
      if (run.length < minCount || receivers.size < minCount) continue;
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const perBlock = new Map<number, number>();
      for (const e of run) perBlock.set(g.block[e]!, (perBlock.get(g.block[e]!) ?? 0) + 1);
      const amount = wholeUnits(g, first);
      out.push({
        name: 'fan_out_split',
        addresses: [g.address(u), ...[...receivers].map((n) => g.address(n))],
        summary: `${g.address(u)} split ${run.length} × ${amount} ${g.names.assets[g.asset[first]!]} to ${receivers.size} addresses in ${Math.round((g.time[last]! - g.time[first]!) / 60)} min`,
        evidence: {
          sender: g.address(u),
          asset: g.names.assets[g.asset[first]!],
          amount,
          count: run.length,
          receivers: receivers.size,
          first: iso(g.time[first]!),
          last: iso(g.time[last]!),
          spanSeconds: g.time[last]! - g.time[first]!,
          maxPerBlock: Math.max(...perBlock.values()),
          txs: run.map((e) => g.names.txHash(g.tx[e]!)),
        },
      });
    }
  }
  return out;
}
