import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSource } from '../lists/source.js';
import { readRecords } from '../vetting/input/read-records.js';
import { offlineIpIntel } from '../vetting/ip/ip-intel.js';
import { vetRecords } from '../vetting/vet.js';
import type { DemoWorkersTruth } from './demo-workers.js';
import { DEMO_WORKERS_FILE, DEMO_WORKERS_TRUTH_FILE } from './paths.js';

const truth = JSON.parse(readFileSync(DEMO_WORKERS_TRUTH_FILE, 'utf8')) as DemoWorkersTruth;
const cacheDir = mkdtempSync(join(tmpdir(), 'cf-demo-workers-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('demo/workers/demo-workers.json', () => {
  it('is `counterflow vet` input in which vetting finds exactly the planted rings, and flags the planted workers', async () => {
    const { records } = await readRecords([fileSource(DEMO_WORKERS_FILE)]);
    expect(records.length).toBe(truth.size);
    expect(truth.rings.map((r) => r.theme)).toEqual(['laptop farm', 'payout account', 'résumé template and device']);
    const report = await vetRecords(records, { ip: offlineIpIntel({ cacheDir }), now: Date.parse(truth.now) });
    const found = report.rings.map((r) => [...r.members].sort().join(' ')).sort();
    expect(found).toEqual(truth.rings.map((r) => [...r.members].sort().join(' ')).sort());
    const byId = new Map(report.records.map((r) => [r.id, r]));
    for (const id of [...truth.rings.flatMap((r) => r.members), ...truth.loneWorkers]) expect(['block', 'escalate'], id).toContain(byId.get(id)!.action);
    const dprk = truth.redFlagCases.find((c) => c.flag.startsWith('logins from the DPRK network'))!;
    expect(byId.get(dprk.id)!.rules.map((f) => f.id)).toEqual(expect.arrayContaining(['network.dprk-network', 'identity.korean-language']));
    const planted = new Set([...truth.rings.flatMap((r) => r.members), ...truth.loneWorkers, ...truth.redFlagCases.map((c) => c.id)]);
    const ordinary = report.records.filter((r) => !planted.has(r.id));
    expect(ordinary.filter((r) => r.action === 'block').map((r) => r.id)).toEqual([]);
  });
});
