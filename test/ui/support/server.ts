import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));

export interface RunningCounterflow {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Everything the command printed so far (stdout and stderr). */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `counterflow start --home HOME --port 0` (as `npm start` does, from the sources) and resolves
 * with its URL once it prints "Counterflow is running at …". Rejects with the command's output when it
 * exits or does not come up within the timeout.
 *
 * @example
 * const server = await startCounterflow(tempHome());
 * await fetch(`${server.url}/health`);
 * await server.stop();
 */
export function startCounterflow(home: string, timeoutMs = 110_000): Promise<RunningCounterflow> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'start', '--home', home, '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}; its output:\n${output}`));
    };
    const timer = setTimeout(() => fail(`counterflow start did not print its URL within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // Only a whole line: a chunk may end in the middle of the URL.
      const m = /Counterflow is running at (http:\/\/[^\s/]+)[^\n]*\n/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ url: m[1]!, output: () => output, stop: () => stopChild(child) });
      }
    };
    const onExit = (code: number | null) => fail(`counterflow start exited (code ${code}) before serving`);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
