import { InputError } from '../errors.js';
import type { TransferGraph } from '../graph/transfer-graph.js';
import type { LabelBook, LabelCategory } from './labels/label.js';
import { DEFAULT_RISK_RULES, riskLevel, type RiskLevel, type RiskRule } from './risk-rules.js';
import { runTaint, type TraceDirection } from './taint-engine.js';
import { basisOf } from './trace.js';

export interface ExposureItem {
  category: LabelCategory;
  exposure: 'ownership' | 'direct' | 'indirect';
  /** incoming: the funds came from there; outgoing: they went there. */
  direction: 'incoming' | 'outgoing';
  service: string;
  address: string;
  asset: string;
  amount: number;
  share: number;
  hops: number;
  /** Evidence when the counterparty's label comes from a heuristic (deposit address, cluster). */
  basis?: string;
}

export interface ExposureReport {
  address: string;
  risk: RiskLevel;
  explanation: string[];
  items: ExposureItem[];
  /** Rule set and propagation used, recorded with the evidence; `truncated` when the walk hit its bound. */
  method: { model: 'haircut'; hops: number; maxVisits: number; truncated: boolean };
}

const LABELLED = new WeakMap<TransferGraph, WeakMap<LabelBook, Set<number>>>();

/** Node ids of every labelled address in the graph, computed once per (graph, label book). */
export function labelledNodes(g: TransferGraph, labels: LabelBook): Set<number> {
  let byBook = LABELLED.get(g);
  if (!byBook) LABELLED.set(g, (byBook = new WeakMap()));
  let set = byBook.get(labels);
  if (!set) {
    set = new Set();
    for (const l of labels.all()) {
      const n = g.node(l.address);
      if (n !== undefined) set.add(n);
    }
    byBook.set(labels, set);
  }
  return set;
}

/** Default bound on the transfers an exposure walk looks at, per direction. */
export const DEFAULT_EXPOSURE_VISITS = 20_000;

const UNIT = (g: TransferGraph, asset: number, x: number) => Number((x / 10 ** (g.names.decimals[asset] ?? 0)).toPrecision(15));

/**
 * KYT exposure of one address: its own labels (ownership), services it dealt with directly (hop 1) and
 * through unlabelled intermediaries (indirect, up to `hops`), in both directions, with haircut shares of
 * the address's volume; a risk level from the rules, explained.
 *
 * @example
 * exposure(graph, labels, '0x…').risk // 'high'
 */
export function exposure(g: TransferGraph, labels: LabelBook, address: string, o: { hops?: number; rules?: readonly RiskRule[]; maxVisits?: number } = {}): ExposureReport {
  const hops = o.hops ?? 3;
  const maxVisits = o.maxVisits ?? DEFAULT_EXPOSURE_VISITS;
  let truncated = false;
  const key = address.trim().toLowerCase();
  const items: ExposureItem[] = [];
  for (const l of labels.get(key)) items.push({ category: l.category, exposure: 'ownership', direction: 'outgoing', service: l.name, address: key, asset: '*', amount: 0, share: 1, hops: 0, ...basisOf(l) });
  const node = g.node(key);
  if (node === undefined && items.length === 0) throw new InputError('exposure', `no stored transfer touches ${address} and it has no label`);
  if (node !== undefined) {
    const marks = labelledNodes(g, labels);
    const flagged = (n: number) => n !== node && marks.has(n);
    for (const direction of ['forward', 'backward'] as TraceDirection[]) {
      const t = runTaint(g, { model: 'haircut', direction, seeds: [{ kind: 'address', node, mode: 'outflows' }], maxHops: hops, isStop: flagged, conversions: false, maxVisits, lean: true });
      truncated ||= t.truncated;
      for (const h of t.holdings) {
        if (!t.stops.has(h.node)) continue;
        const total = t.injected.get(h.asset) ?? 0;
        const hop = t.hops.get(h.node) ?? 0;
        for (const l of labels.get(g.address(h.node))) {
          items.push({
            category: l.category,
            exposure: hop <= 1 ? 'direct' : 'indirect',
            direction: direction === 'forward' ? 'outgoing' : 'incoming',
            service: l.name,
            address: g.address(h.node),
            asset: g.names.assets[h.asset]!,
            amount: UNIT(g, h.asset, h.taintedReceived),
            share: total > 0 ? Number((h.taintedReceived / total).toFixed(6)) : 0,
            hops: hop,
            ...basisOf(l),
          });
        }
      }
    }
  }
  const rules = o.rules ?? DEFAULT_RISK_RULES;
  const { level, fired } = riskLevel(items, rules);
  const explanation = fired.map(
    (f) => `${f.rule.level}: ${f.rule.exposure} exposure to ${f.category}${f.rule.exposure === 'ownership' ? '' : ` (${(f.share * 100).toFixed(2)}% of volume${f.rule.minShare ? ` ≥ ${f.rule.minShare * 100}%` : ''})`}`,
  );
  for (const item of items) if (item.basis) explanation.push(`${item.service} ${item.address}: ${item.basis}`);
  if (explanation.length === 0) explanation.push(`no labelled counterparty within ${hops} hops`);
  if (truncated) explanation.push(`indirect exposure searched the first ${maxVisits} transfers around the address (bounded walk); more distant counterparties may be missing`);
  return { address: key, risk: level, explanation: [...new Set(explanation)], items, method: { model: 'haircut', hops, maxVisits, truncated } };
}
