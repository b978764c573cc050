import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MASKED_PREFIXES, PLACES, WORKER_IP_PREFIXES } from '../src/vetting/generate/cultures.js';
import { groupStats, pairMetrics } from '../src/vetting/generate/metrics.js';
import { Population } from '../src/vetting/generate/population.js';
import { Rng } from '../src/vetting/generate/rng.js';
import { parseWorkerRecord } from '../src/vetting/input/parse-record.js';
import { offlineIpIntel } from '../src/vetting/ip/ip-intel.js';
import { vetRecords } from '../src/vetting/vet.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'cf-vet-pop-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const ip = offlineIpIntel({ cacheDir });

describe('the synthetic population against the offline IP data', () => {
  it('draws residential IPs that geolocate to the intended country, and masked IPs from listed VPN/hosting networks', () => {
    const rng = new Rng(9);
    const wrong: string[] = [];
    const prefixes: [string, readonly string[]][] = [...Object.entries(PLACES).map(([c, p]) => [c, p.ipPrefixes] as [string, readonly string[]]), ...Object.entries(WORKER_IP_PREFIXES)];
    for (const [country, list] of prefixes) {
      for (const prefix of list) {
        for (let k = 0; k < 20; k++) {
          const addr = prefix.split('.').length === 3 ? `${prefix}.${rng.int(1, 254)}` : `${prefix}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
          const found = ip.lookup(addr)?.country;
          if (found !== country) wrong.push(`${addr}: ${found} (wanted ${country})`);
        }
      }
    }
    expect(wrong.length / (prefixes.reduce((n, [, l]) => n + l.length, 0) * 20)).toBeLessThan(0.02);
    for (const prefix of MASKED_PREFIXES) expect(ip.lookup(`${prefix}.77`)?.category, prefix).toBeDefined();
  });
});

describe('vetting the synthetic population (4,000 records, 8% planted workers, seed 1)', () => {
  it('finds the planted rings (pairwise precision ≥ 0.95, recall ≥ 0.8) and scores planted workers far above ordinary people', async () => {
    const population = new Population({ seed: 1, size: 4000, plantedShare: 0.08 });
    const records = Array.from({ length: population.size }, (_, i) => parseWorkerRecord(population.record(i), { file: 'generated', line: i + 1 }));
    const report = await vetRecords(records, { ip, now: population.now });

    const rings = pairMetrics(population.size, (i) => report.records[i]!.ring, (i) => population.truth(i).ring);
    expect(rings.truePairs).toBeGreaterThan(300);
    expect(rings.precision).toBeGreaterThanOrEqual(0.95);
    expect(rings.recall).toBeGreaterThanOrEqual(0.8);

    const planted = groupStats(report.records.filter((_, i) => population.truth(i).planted));
    const ordinary = groupStats(report.records.filter((_, i) => !population.truth(i).planted));
    expect(planted.meanScore).toBeGreaterThanOrEqual(80);
    expect(ordinary.meanScore).toBeLessThanOrEqual(15);
    expect((planted.actions.block ?? 0) + (planted.actions.escalate ?? 0)).toBeGreaterThanOrEqual(0.9);
    expect(ordinary.actions.none).toBeGreaterThanOrEqual(0.85);
    expect(ordinary.actions.block ?? 0).toBeLessThanOrEqual(0.005);
    // Ordinary people share cities, employer domains, office Wi-Fi and family addresses: none of that is a ring.
    expect(ordinary.ruleHits['rings.member'] ?? 0).toBeLessThanOrEqual(0.01);
    expect(planted.ruleHits['activity.korean-daytime']).toBeGreaterThan(10 * (ordinary.ruleHits['activity.korean-daytime'] ?? 0));
  });
});
