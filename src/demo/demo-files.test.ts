import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoChainFiles, demoWorkersFiles } from './demo-files.js';
import { DEMO_DIR } from './paths.js';

function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

describe('the committed demo pack', () => {
  it('is exactly what scripts/make-demo-chain.ts and scripts/make-demo-workers.ts generate (deterministic, not stale)', () => {
    for (const f of [...demoChainFiles(), ...demoWorkersFiles()]) {
      expect(readFileSync(f.path, 'utf8') === f.content, `${f.path} differs from the generator: run scripts/make-demo-*.ts`).toBe(true);
    }
  });

  it('stays small: the whole demo/ folder under 3 MB', () => {
    expect(sizeOf(DEMO_DIR)).toBeLessThan(3 * 1024 * 1024);
  });
});
