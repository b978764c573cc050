import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { loadDemoPack } from '../load-demo-pack.js';

export interface DemoHome {
  home: string;
  store: Store;
  close(): Promise<void>;
}

/**
 * A temporary home directory with the whole demo pack loaded, for tests.
 *
 * @example
 * const demo = await openDemoHome();
 * await demo.close();
 */
export async function openDemoHome(): Promise<DemoHome> {
  const home = mkdtempSync(join(tmpdir(), 'cf-demo-home-'));
  const store = await openStore({ home });
  await loadDemoPack(store, home);
  return {
    home,
    store,
    close: async () => {
      await store.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
