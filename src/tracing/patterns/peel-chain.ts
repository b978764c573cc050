import { taintedOutflows, wholeUnits, type PatternContext, type PatternFinding } from './pattern.js';

/**
 * Peel chain: a run of addresses that each pass most of what they received to one fresh address and
 * "peel" a small part off to another (Lazarus 2017–2019 to exchange deposit addresses).
 *
 * @example
 * detectPeelChains({ graph, taint }, { minLength: 3 })
 */
export function detectPeelChains(ctx: PatternContext, o: { minLength?: number; maxPeelShare?: number } = {}): PatternFinding[] {
  const minLength = o.minLength ?? 3;
  const maxPeel = o.maxPeelShare ?? 0.35;
  const g = ctx.graph;
  const outflows = taintedOutflows(ctx);
  // A peel step: exactly two tainted outflows, the smaller at most maxPeel of their sum.
  const next = new Map<number, { cont: number; peel: number }>();
  for (const [u, edges] of outflows) {
    if (edges.length !== 2) continue;
    const [a, b] = edges.map((e) => wholeUnits(g, e)) as [number, number];
    const [big, small] = a >= b ? [edges[0]!, edges[1]!] : [edges[1]!, edges[0]!];
    if (Math.min(a, b) / (a + b) > maxPeel) continue;
    next.set(u, { cont: big, peel: small });
  }
  const pointedTo = new Set([...next.values()].map((s) => g.dst[s.cont]!));
  const out: PatternFinding[] = [];
  for (const start of next.keys()) {
    if (pointedTo.has(start)) continue;
    const chain: number[] = [start];
    const peels: { to: string; amount: number }[] = [];
    let cur = start;
    const seen = new Set([start]);
    for (let step = next.get(cur); step; step = next.get(cur)) {
      peels.push({ to: g.address(g.dst[step.peel]!), amount: wholeUnits(g, step.peel) });
      cur = g.dst[step.cont]!;
      if (seen.has(cur)) break;
      seen.add(cur);
      chain.push(cur);
    }
    if (peels.length < minLength) continue;
    out.push({
      name: 'peel_chain',
      addresses: chain.map((n) => g.address(n)),
      summary: `peel chain of ${peels.length} steps from ${g.address(start)}`,
      evidence: { steps: peels.length, chain: chain.map((n) => g.address(n)), peels },
    });
  }
  return out;
}
