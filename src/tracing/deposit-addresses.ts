import type { TransferGraph } from '../graph/transfer-graph.js';
import { NOISE_FLAGS } from '../graph/transfer-graph.js';
import type { Label, LabelBook } from './labels/label.js';

/**
 * Ethereum deposit-address heuristic: an unlabelled address that forwards (nearly) everything it sends
 * to one exchange hot wallet is that exchange's deposit address. Returns derived labels with the evidence.
 *
 * @example
 * for (const l of depositAddresses(graph, labels)) labels.add(l);
 */
export function depositAddresses(g: TransferGraph, labels: LabelBook, o: { minShare?: number; minForwards?: number } = {}): Label[] {
  const minShare = o.minShare ?? 0.95;
  const minForwards = o.minForwards ?? 1;
  const exchanges = new Map<number, Label>();
  for (const l of labels.all()) {
    if (l.category !== 'exchange' || l.detail === 'deposit address') continue;
    const n = g.node(l.address);
    if (n !== undefined) exchanges.set(n, l);
  }
  const out: Label[] = [];
  const candidates = new Set<number>();
  for (const x of exchanges.keys()) for (let k = g.inOffsets[x]!; k < g.inOffsets[x + 1]!; k++) candidates.add(g.inNbr[k]!);
  for (const u of candidates) {
    if (exchanges.has(u) || labels.get(g.address(u)).length > 0) continue;
    const sent = new Map<number, number>();
    let total = 0;
    let forwards = 0;
    for (let k = g.outOffsets[u]!; k < g.outOffsets[u + 1]!; k++) {
      const e = g.outEdges[k]!;
      if ((g.flags[e]! & NOISE_FLAGS) !== 0) continue;
      total += g.amount[e]!;
      const v = g.outNbr[k]!;
      sent.set(v, (sent.get(v) ?? 0) + g.amount[e]!);
      if (exchanges.has(v)) forwards++;
    }
    for (const [v, amount] of sent) {
      const ex = exchanges.get(v);
      if (!ex || forwards < minForwards || total === 0 || amount / total < minShare) continue;
      out.push({
        address: g.address(u),
        category: 'exchange',
        name: ex.name,
        origin: 'heuristic',
        confidence: 10,
        detail: 'deposit address',
        source: `forwards ${((amount / total) * 100).toFixed(1)}% of its outflows (${forwards} transfers) to ${ex.name} ${g.address(v)}`,
      });
    }
  }
  return out;
}
