import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../graph/graph-builder.js';
import { bridgeOutbounds, linkBridgeLegs, type BridgeLeg } from './bridge-links.js';
import { LabelBook } from './labels/label.js';
import { traceReport } from './trace.js';

const ROUTER = '0xd37bbe5744d730a1d98d8dc97c42f0ca46ad7146';
const VAULT = 'bc1qthorvault';
const PRICE: Record<string, number> = { ethereum: 2700, bitcoin: 95_000 };
const usd = (leg: BridgeLeg) => leg.amount * PRICE[leg.chain]!;

/** Deterministic xorshift32 in [0, 1). */
function rng(seed: number) {
  let x = seed;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}

/** Deposits of 10–500 ETH over two days; each paid out in BTC 1–30 min later minus 0.3–2% fees; plus other users' payouts. */
function generated(seed: number) {
  const rand = rng(seed);
  const deposits: BridgeLeg[] = [];
  const outbounds: BridgeLeg[] = [];
  const truth = new Map<string, string>();
  for (let i = 0; i < 60; i++) {
    const time = 1_740_000_000 + Math.floor(rand() * 2 * 86400);
    const eth = 10 + rand() * 490;
    const fee = 0.003 + rand() * 0.017;
    const d = { chain: 'ethereum', txHash: `0xdep${i}`, from: `0xw${i}`, to: ROUTER, asset: 'native', amount: eth, time };
    const x = { chain: 'bitcoin', txHash: `out${i}`, from: VAULT, to: `bc1qrecv${i}`, asset: 'native', amount: (eth * PRICE['ethereum']! * (1 - fee)) / PRICE['bitcoin']!, time: time + 60 + Math.floor(rand() * 1740) };
    deposits.push(d);
    outbounds.push(x);
    truth.set(d.txHash, x.txHash);
  }
  for (let i = 0; i < 300; i++) outbounds.push({ chain: 'bitcoin', txHash: `noise${i}`, from: VAULT, to: `bc1qother${i}`, asset: 'native', amount: rand() * 5, time: 1_740_000_000 + Math.floor(rand() * 2 * 86400) });
  return { deposits, outbounds, truth };
}

describe('THORChain ETH → BTC legs linked by time window and value after fees (no memo in the transfer model)', () => {
  it('links generated swaps among unrelated payouts: high-confidence links are right, nearly all deposits linked correctly', () => {
    for (const seed of [1, 2, 3]) {
      const { deposits, outbounds, truth } = generated(seed);
      const { links, unlinked } = linkBridgeLegs(deposits, outbounds, { usd });
      expect(links.length + unlinked.length).toBe(deposits.length);
      const right = links.filter((l) => truth.get(l.deposit.txHash) === l.outbound.txHash);
      expect(right.length / deposits.length).toBeGreaterThanOrEqual(0.9);
      for (const l of links.filter((x) => x.confidence === 'high')) expect(truth.get(l.deposit.txHash)).toBe(l.outbound.txHash);
      for (const l of links) {
        expect(l.feeShare).toBeGreaterThanOrEqual(0);
        expect(l.feeShare).toBeLessThanOrEqual(0.05);
        expect(l.basis).toMatch(/no memo in the transfer model: matched by time/);
      }
    }
  });

  it('says so when two deposits could be either payout, and leaves a deposit without a payout unlinked with the reason', () => {
    const at = 1_740_000_000;
    const dep = (i: number, eth: number, time: number): BridgeLeg => ({ chain: 'ethereum', txHash: `0xd${i}`, from: '0xw', to: ROUTER, asset: 'native', amount: eth, time });
    const out = (i: number, btc: number, time: number): BridgeLeg => ({ chain: 'bitcoin', txHash: `o${i}`, from: VAULT, to: `bc1q${i}`, asset: 'native', amount: btc, time });
    const same = (100 * 2700 * 0.99) / 95_000;
    const { links, unlinked } = linkBridgeLegs([dep(1, 100, at), dep(2, 100, at + 30), dep(3, 50, at)], [out(1, same, at + 300), out(2, same, at + 320)], { usd });
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.confidence === 'low')).toBe(true);
    expect(unlinked).toEqual([{ deposit: dep(3, 50, at), reason: 'no outbound within the window and fee range' }]);
  });

  it('a trace that exits into the THORChain router carries the linked BTC payout on the exit', () => {
    const eth = new GraphBuilder('ethereum', () => 18);
    eth.add({ from: '0xthief', to: '0xmule', amount: 300n * 10n ** 18n, asset: 'native', flags: 0, time: 1_740_000_000, block: 1, txHash: '0xa', position: 'a' });
    eth.add({ from: '0xmule', to: ROUTER, amount: 300n * 10n ** 18n, asset: 'native', flags: 0, time: 1_740_000_600, block: 2, txHash: '0xdeposit', position: 'a' });
    const ethGraph = eth.build();
    const btc = new GraphBuilder('bitcoin', () => 8);
    btc.add({ from: VAULT, to: 'bc1qthiefbtc', amount: BigInt(Math.round(((300 * 2700 * 0.985) / 95_000) * 1e8)), asset: 'native', flags: 0, time: 1_740_001_500, block: 1, txHash: 'btcout', position: 'o10' });
    btc.add({ from: VAULT, to: 'bc1qsomeoneelse', amount: 2n * 10n ** 8n, asset: 'native', flags: 0, time: 1_740_001_700, block: 2, txHash: 'btcother', position: 'o10' });
    const btcGraph = btc.build();
    const labels = new LabelBook([
      { address: ROUTER, category: 'bridge', name: 'THORChain', origin: 'incident', confidence: 70 },
      { address: VAULT, category: 'bridge', name: 'THORChain', origin: 'user', confidence: 70 },
    ]);
    const { report } = traceReport(ethGraph, labels, {
      fromAddress: ['0xthief'],
      bridgeLinker: (deposits) => linkBridgeLegs(deposits, bridgeOutbounds(btcGraph, labels), { usd }),
    });
    const exit = report.exits.find((x) => x.service === 'THORChain')!;
    expect(exit.amount).toBe(300);
    expect(exit.links).toEqual([expect.objectContaining({ deposit_tx: '0xdeposit', chain: 'bitcoin', tx_hash: 'btcout', to: 'bc1qthiefbtc', confidence: 'high' })]);
    expect(exit.unlinked).toEqual([]);
    // Without a linker the bridge stays a plain exit with the amount.
    const plain = traceReport(ethGraph, labels, { fromAddress: ['0xthief'] }).report.exits[0]!;
    expect(plain).toMatchObject({ service: 'THORChain', amount: 300 });
    expect(plain.links).toBeUndefined();
  });
});
