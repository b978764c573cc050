import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DemoWorkersTruth } from '../src/demo/demo-workers.js';
import { DEMO_WORKERS_FILE, DEMO_WORKERS_TRUTH_FILE } from '../src/demo/paths.js';
import { runCli, tempHome } from './support.js';

const truth = JSON.parse(readFileSync(DEMO_WORKERS_TRUTH_FILE, 'utf8')) as DemoWorkersTruth;

describe('the demo pack from the command line', () => {
  it('`start --no-serve` then `vet demo/workers/demo-workers.json`: the planted rings, the listed wallet blocked, the wallet the laundering paid exposed', async () => {
    const home = tempHome('cf-demo-cli-');
    const start = await runCli(['--home', home, 'start', '--no-serve']);
    expect(start.code, start.err).toBe(0);
    const vet = await runCli(['--home', home, 'vet', DEMO_WORKERS_FILE, '--json', '--now', truth.now]);
    expect(vet.code, vet.err).toBe(0);
    const report = JSON.parse(vet.out) as { sanctions: string; rings: { members: string[] }[]; records: { id: string; action: string; rules: { id: string }[] }[] };
    expect(report.sanctions).toBe('demo_dprk_excerpt@1');
    expect(report.rings.map((r) => [...r.members].sort().join(' ')).sort()).toEqual(truth.rings.map((r) => [...r.members].sort().join(' ')).sort());
    const byId = new Map(report.records.map((r) => [r.id, r]));
    const [listed, , paid] = truth.redFlagCases;
    expect(byId.get(listed!.id)).toMatchObject({ action: 'block', rules: expect.arrayContaining([expect.objectContaining({ id: 'sanctions.wallet-match' })]) });
    expect(byId.get(paid!.id)!.rules.map((r) => r.id)).toContain('sanctions.wallet-exposure');
  });
});
