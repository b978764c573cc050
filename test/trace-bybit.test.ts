import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openGraph } from '../src/graph/graph-cache.js';
import { fileSource } from '../src/lists/source.js';
import { TransferStore } from '../src/store/transfer-store.js';
import { findIncident } from '../src/tracing/labels/incidents.js';
import { LabelBook } from '../src/tracing/labels/label.js';
import { incidentLabels } from '../src/tracing/labels/incidents.js';
import { FBI_BYBIT_PSA, readAddressList } from '../src/tracing/labels/user-labels.js';
import { traceReport } from '../src/tracing/trace.js';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

const PHVAZ = join(SHARED_DATA, 'chain/bybit-trace-phvaz');
const FBI = join(SHARED_DATA, 'chain/bybit/fbi_psa250226_tradertraitor_eth_addresses.txt');
const RECEIVER = '0x47666fab8bd0ac7003bce3f5c3585383f09486e2';
const COLLECTOR = '0xdd90071d52f20e85c89802e5dc1ec0a7b6475f92';
const CONSOLIDATOR = '0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e';
const LOOKALIKE = '0xa4b24033f4c6d70133e4557c2c32a3fb693e449e';
const FIRST_SPLIT = '0x36ed3c0213565530c35115d93a80f9c04d94e4cb';

async function bybitHome(): Promise<string> {
  const home = tempHome('cf-trace-bybit-');
  const hop1 = join(home, 'hop1.csv');
  const hop3 = join(home, 'hop3.csv');
  expect((await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop1_legit_subset.csv'), '--from', RECEIVER, '-o', hop1])).code).toBe(0);
  expect((await runCli(['ingest', 'convert-phvaz', join(PHVAZ, 'hop3_native_partial.csv'), '--from', COLLECTOR, '-o', hop3])).code).toBe(0);
  expect((await runCli(['--home', home, 'ingest', 'files', hop1, hop3])).code).toBe(0);
  return home;
}

describe.skipIf(!HAS_SHARED)('tracing the real Bybit transfers (phvaz hop1 + hop3)', () => {
  it('seeded at the exploiter receiver: the fan-outs, the FBI wallets at their hops, no taint on poisoning', async () => {
    const home = await bybitHome();
    const store = await TransferStore.open({ home });
    try {
      const { graph, cached } = openGraph(store, home, 'ethereum');
      expect(cached).toBe(false);
      expect(graph.edgeCount).toBe(108);
      expect(openGraph(store, home, 'ethereum').cached).toBe(true);

      const fbi = await readAddressList(fileSource(FBI), FBI_BYBIT_PSA);
      expect(fbi).toHaveLength(51);
      const labels = new LabelBook([...incidentLabels([findIncident('bybit-2025')]), ...fbi]);
      const { report, taint } = traceReport(graph, labels, { incident: findIncident('bybit-2025'), model: 'haircut', hops: 5 });

      const hopOf = new Map(report.addresses.map((a) => [a.address, a.hop]));
      const fbiKeys = fbi.map((l) => l.address);
      const present = fbiKeys.filter((a) => graph.node(a) !== undefined);
      expect(present).toHaveLength(51);
      const firstLevel = report.edges.filter((e) => e.from === RECEIVER && e.asset === 'native' && e.amount === 10000).map((e) => e.to);
      const secondLevel = report.edges.filter((e) => e.from === COLLECTOR && e.amount === 10000).map((e) => e.to);
      expect(firstLevel).toHaveLength(40);
      expect(secondLevel).toHaveLength(9);
      // 39 of the 40 first-level wallets are FBI-listed, all at hop 1; the first split is not listed.
      expect(firstLevel.filter((a) => fbiKeys.includes(a))).toHaveLength(39);
      expect(fbiKeys.includes(FIRST_SPLIT)).toBe(false);
      expect(firstLevel.every((a) => hopOf.get(a) === 1)).toBe(true);
      expect(secondLevel.every((a) => fbiKeys.includes(a) && hopOf.get(a) === 3)).toBe(true);
      expect(hopOf.get(CONSOLIDATOR)).toBe(1);
      expect(hopOf.get('0x1542368a03ad1f03d96d51b414f4738961cf4443')).toBe(1);
      expect(hopOf.get(COLLECTOR)).toBe(2);
      expect(present.every((a) => hopOf.has(a))).toBe(true);

      const fanOuts = report.patterns.filter((p) => p.name === 'fan_out_split');
      expect(fanOuts.map((p) => [p.evidence.sender, p.evidence.count, p.evidence.amount])).toEqual([
        [RECEIVER, 40, 10000],
        [COLLECTOR, 9, 10000],
      ]);
      expect(fanOuts[1]!.evidence.spanSeconds).toBe(48);
      const burst = report.patterns.find((p) => p.name === 'dormancy_then_burst')!;
      expect(burst.evidence).toMatchObject({ address: COLLECTOR, transfers: 45, receivers: 30 });

      // Poisoning: zero-value stETH to the look-alike of the consolidator and zero-value calls carry nothing.
      const lookalike = graph.node(LOOKALIKE)!;
      expect(taint.hops.has(lookalike)).toBe(false);
      expect(report.edges.every((e) => e.amount > 0)).toBe(true);
      const noise = report.patterns.find((p) => p.name === 'noise_ignored')!;
      expect(noise.evidence).toMatchObject({ tainted: 0, lookalikeAddresses: [LOOKALIKE] });
      expect((noise.evidence.transfers as number) >= 8).toBe(true);

      // Haircut from a seed with no observed balance: every outflow is fully tainted.
      const receiverOut = report.edges.filter((e) => e.from === RECEIVER && e.asset === 'native');
      expect(receiverOut.reduce((s, e) => s + e.taint, 0)).toBe(400001);
      expect(readFileSync(FBI, 'utf8').split('\n').filter(Boolean)).toHaveLength(51);
    } finally {
      await store.close();
    }
  });
});
