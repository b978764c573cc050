import type { TransferGraph } from '../graph/transfer-graph.js';
import { NOISE_FLAGS } from '../graph/transfer-graph.js';
import type { LabelBook } from './labels/label.js';
import type { TraceReport } from './trace.js';

/**
 * Linking the two legs of a THORChain swap (ETH in, BTC out) when both chains are ingested.
 *
 * THORChain pairs the legs by the memo of the inbound (`=:BTC.BTC:bc1…`) and the OP_RETURN `OUT:<inbound
 * tx hash>` of the outbound. The normalised transfer model carries neither memos nor OP_RETURN data, so the
 * legs are matched the way an analyst does without THORNode: an outbound from a THORChain vault that
 * follows the deposit within a time window and is worth the deposit minus THORChain's fees (and slippage),
 * priced in USD on both sides. Every link states its confidence and why.
 */

export interface BridgeLeg {
  chain: string;
  txHash: string;
  from: string;
  to: string;
  asset: string;
  /** Whole units of the asset. */
  amount: number;
  /** Unix seconds. */
  time: number;
}

export interface BridgeLink {
  deposit: BridgeLeg;
  outbound: BridgeLeg;
  /** high: the only candidate on both sides; medium: several candidates, this one clearly best; low: ambiguous. */
  confidence: 'high' | 'medium' | 'low';
  delaySeconds: number;
  /** Share of the deposit's USD value not paid out (fees and slippage). */
  feeShare: number;
  candidates: number;
  basis: string;
}

export interface LinkOptions {
  /** USD value of a leg, or null when there is no price for it. */
  usd: (leg: BridgeLeg) => number | null;
  /** Outbounds later than this after the deposit are not considered (default 6 h: outbound queues, throttling). */
  windowSeconds?: number;
  /** Fee and slippage range accepted, as a share of the deposit's value (default 0–5%). */
  minFee?: number;
  maxFee?: number;
}

/**
 * Matches deposits into the bridge with outbounds from its vaults on the other chain, one to one: candidates
 * within the window and fee range, best (smallest fee distance from 1%, then shortest delay) first.
 *
 * @example
 * linkBridgeLegs(bridgeDeposits(report, 'ethereum'), bridgeOutbounds(btcGraph, labels, 'THORChain'), { usd })
 */
export function linkBridgeLegs(deposits: readonly BridgeLeg[], outbounds: readonly BridgeLeg[], o: LinkOptions): { links: BridgeLink[]; unlinked: { deposit: BridgeLeg; reason: string }[] } {
  const window = o.windowSeconds ?? 6 * 3600;
  const minFee = o.minFee ?? 0;
  const maxFee = o.maxFee ?? 0.05;
  const outUsd = outbounds.map((x) => o.usd(x));
  const pairs: { d: number; x: number; fee: number; delay: number; score: number }[] = [];
  const perDeposit = new Map<number, number>();
  const perOutbound = new Map<number, number>();
  const unlinked: { deposit: BridgeLeg; reason: string }[] = [];
  deposits.forEach((d, di) => {
    const dv = o.usd(d);
    if (dv === null || dv <= 0) {
      unlinked.push({ deposit: d, reason: 'no USD price for the deposit' });
      return;
    }
    outbounds.forEach((x, xi) => {
      const xv = outUsd[xi];
      if (xv === null || xv === undefined) return;
      const delay = x.time - d.time;
      if (delay < 0 || delay > window) return;
      const fee = 1 - xv / dv;
      if (fee < minFee || fee > maxFee) return;
      pairs.push({ d: di, x: xi, fee, delay, score: Math.abs(fee - 0.01) + delay / window / 100 });
      perDeposit.set(di, (perDeposit.get(di) ?? 0) + 1);
      perOutbound.set(xi, (perOutbound.get(xi) ?? 0) + 1);
    });
  });
  pairs.sort((a, b) => a.score - b.score);
  const usedD = new Set<number>();
  const usedX = new Set<number>();
  const links: BridgeLink[] = [];
  for (const p of pairs) {
    if (usedD.has(p.d) || usedX.has(p.x)) continue;
    usedD.add(p.d);
    usedX.add(p.x);
    const candidates = perDeposit.get(p.d)!;
    const rivals = perOutbound.get(p.x)!;
    const others = pairs.filter((q) => q.d === p.d && q !== p).map((q) => q.score);
    const margin = others.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...others) - p.score;
    const confidence = candidates === 1 && rivals === 1 ? 'high' : margin > 0.005 && rivals === 1 ? 'medium' : 'low';
    const d = deposits[p.d]!;
    const x = outbounds[p.x]!;
    links.push({
      deposit: d,
      outbound: x,
      confidence,
      delaySeconds: p.delay,
      feeShare: Number(p.fee.toFixed(6)),
      candidates,
      basis: `no memo in the transfer model: matched by time (${p.delay} s after the deposit, window ${window} s) and USD value after fees (${(p.fee * 100).toFixed(2)}% kept by the bridge, accepted ${minFee * 100}–${maxFee * 100}%); ${candidates} candidate outbound(s) for this deposit, ${rivals} candidate deposit(s) for this outbound`,
    });
  }
  deposits.forEach((d, di) => {
    if (!usedD.has(di) && !unlinked.some((u) => u.deposit === d)) unlinked.push({ deposit: d, reason: perDeposit.has(di) ? 'its candidate outbounds were better matches for other deposits' : 'no outbound within the window and fee range' });
  });
  return { links, unlinked };
}

/**
 * The traced transfers into a bridge exit (THORChain routers by default), as deposit legs.
 *
 * @example
 * bridgeDeposits(report, 'ethereum')
 */
export function bridgeDeposits(report: TraceReport, chain: string, service = 'THORChain'): BridgeLeg[] {
  const routers = new Set(report.exits.filter((x) => x.category === 'bridge' && x.service === service).map((x) => x.address));
  return report.edges
    .filter((e) => routers.has(e.to))
    .map((e) => ({ chain, txHash: e.tx_hash, from: e.from, to: e.to, asset: e.asset, amount: e.amount, time: Math.floor(Date.parse(e.time) / 1000) }));
}

/**
 * Transfers paid out by the bridge's vaults on another chain: edges whose sender carries the bridge's label.
 *
 * @example
 * bridgeOutbounds(btcGraph, labels, 'THORChain')
 */
export function bridgeOutbounds(g: TransferGraph, labels: LabelBook, service = 'THORChain'): BridgeLeg[] {
  const out: BridgeLeg[] = [];
  for (const l of labels.all()) {
    if (l.category !== 'bridge' || l.name !== service) continue;
    const n = g.node(l.address);
    if (n === undefined) continue;
    for (let k = g.outOffsets[n]!; k < g.outOffsets[n + 1]!; k++) {
      const e = g.outEdges[k]!;
      if ((g.flags[e]! & NOISE_FLAGS) !== 0 || g.outNbr[k] === n) continue;
      const asset = g.asset[e]!;
      out.push({
        chain: g.chain,
        txHash: g.names.txHash(g.tx[e]!),
        from: l.address,
        to: g.address(g.outNbr[k]!),
        asset: g.names.assets[asset]!,
        amount: g.amount[e]! / 10 ** (g.names.decimals[asset] ?? 0),
        time: g.time[e]!,
      });
    }
  }
  return out;
}
