import { readFileSync } from 'node:fs';
import { DEMO_LISTS_DIR } from '../lists/demo.js';
import { generateDemoChain } from './chain-scenario.js';
import { generateDemoWorkers } from './demo-workers.js';
import { DEMO_CHAIN_FILE, DEMO_CHAIN_TRUTH_FILE, DEMO_INCIDENT_FILE, DEMO_LABELS_FILE, DEMO_WORKERS_FILE, DEMO_WORKERS_TRUTH_FILE } from './paths.js';

/** A generated file of the demo pack and its exact content. */
export interface DemoFile {
  path: string;
  content: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

/**
 * The chain part of the demo pack as `scripts/make-demo-chain.ts` writes it: the transfers CSV, the
 * service labels, the incident record and the generator's truth.
 *
 * @example
 * for (const f of demoChainFiles()) writeFileSync(f.path, f.content);
 */
export function demoChainFiles(): DemoFile[] {
  const { csv, incident, labels, truth } = generateDemoChain();
  return [
    { path: DEMO_CHAIN_FILE, content: csv },
    { path: DEMO_LABELS_FILE, content: json({ generated: 'scripts/make-demo-chain.ts: labels of a generated demo scenario, not real services', labels }) },
    { path: DEMO_INCIDENT_FILE, content: json({ generated: 'scripts/make-demo-chain.ts: a generated demo scenario, not a real incident (the reviewed registry is src/tracing/labels/incidents.json)', incidents: [incident] }) },
    { path: DEMO_CHAIN_TRUTH_FILE, content: json(truth) },
  ];
}

/**
 * The worker part of the demo pack as `scripts/make-demo-workers.ts` writes it: the records (a JSON
 * array, one record a line) and the truth (planted rings and red-flag cases).
 *
 * @example
 * for (const f of demoWorkersFiles()) writeFileSync(f.path, f.content);
 */
export function demoWorkersFiles(): DemoFile[] {
  const { records, truth } = generateDemoWorkers({ listedWallet: lazarusWallet(), launderingWallet: generateDemoChain().truth.workerWallet });
  return [
    { path: DEMO_WORKERS_FILE, content: `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` },
    { path: DEMO_WORKERS_TRUTH_FILE, content: json(truth) },
  ];
}

/** The first ETH wallet the demo excerpt lists for the Lazarus Group (OFAC SDN entry 27307). */
function lazarusWallet(): string {
  const lines = readFileSync(`${DEMO_LISTS_DIR}dprk-excerpt.ftm.json`, 'utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    const e = JSON.parse(line) as { schema: string; properties: Record<string, string[]>; provenance?: { entryId?: string } };
    if (e.schema === 'CryptoWallet' && e.provenance?.entryId === '27307' && e.properties.publicKey?.[0]) return e.properties.publicKey[0];
  }
  throw new Error('demo/lists/dprk-excerpt.ftm.json lists no Lazarus Group wallet (OFAC 27307)');
}
