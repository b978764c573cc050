import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';
import { describeBackends } from './test-support/backends.js';
import { storeSuite } from './test-support/store-suite.js';

describeBackends('list store', (backend) => storeSuite(backend.name, backend.openStore));

describe('sqlite store home', () => {
  it('applies migrations once and reopens an existing store', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-store-'));
    const a = await openStore({ home });
    await a.recordUpdate({ list: 'l', at: 'now', outcome: 'updated', message: 'kept across reopen' });
    await a.close();
    const b = await openStore({ home });
    expect((await b.updateLog()).map((u) => u.message)).toEqual(['kept across reopen']);
    await b.close();
  });

  it('takes COUNTERFLOW_HOME when no home is given', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-env-'));
    const before = process.env.COUNTERFLOW_HOME;
    process.env.COUNTERFLOW_HOME = home;
    try {
      const s = await openStore();
      expect(s.location).toBe(join(home, 'counterflow.db'));
      await s.close();
    } finally {
      if (before === undefined) delete process.env.COUNTERFLOW_HOME;
      else process.env.COUNTERFLOW_HOME = before;
    }
  });
});
