import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

/** ../shared/data beside the checkout; CI always has it, a user's clone may not. */
export const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_DATA);
if (!HAS_SHARED) console.warn(`skipping tests on real data: ${SHARED_DATA} is absent (CI has it beside the checkout)`);

export function tempHome(prefix = 'cf-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    interactive: false,
  });
  return { code, out, err };
}
