import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(REPO, 'web');
const BUILT = join(WEB, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the web app (`vite build web`) unless web/dist is newer than every source file of it, so the
 * browser test always runs the app as the sources are.
 *
 * @example
 * await ensureWebBuilt(); // before starting the server
 */
export async function ensureWebBuilt(): Promise<'fresh' | 'built'> {
  const sources = Math.max(newestSource(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs, statSync(join(WEB, 'vite.config.ts')).mtimeMs);
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs >= sources) return 'fresh';
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  await promisify(execFile)(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: REPO, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
  return 'built';
}
