/**
 * Writes the worker part of the demo pack (demo/workers/*): a generated population in the `counterflow
 * vet` input format with three planted facilitator rings, lone workers and plain red-flag cases, and the
 * truth. Deterministic (seed in src/demo/demo-workers.ts). Run it with
 * `node --import tsx scripts/make-demo-workers.ts`; src/demo/demo-files.test.ts fails when the committed
 * files differ from what it writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoWorkersFiles } from '../src/demo/demo-files.js';

for (const f of demoWorkersFiles()) {
  mkdirSync(dirname(f.path), { recursive: true });
  writeFileSync(f.path, f.content);
  console.log(`wrote ${f.path} (${(f.content.length / 1024).toFixed(0)} KiB)`);
}
