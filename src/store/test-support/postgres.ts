import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A throwaway PostgreSQL server on 127.0.0.1 with its data in a temporary directory. */
export interface PostgresServer {
  /** `postgres://postgres:PASSWORD@127.0.0.1:PORT/cf_1`: an empty database. */
  url: string;
  /** Creates one more empty database on this server and returns its URL (a fresh one per test). */
  createDatabase(): Promise<string>;
  /** Milliseconds from `initdb` to the first database being ready. */
  startMs: number;
  /** Shuts the server down and removes its directory. */
  stop(): Promise<void>;
}

export type PostgresAvailability = { binDir: string; runAs: string | null } | { reason: string };

let availability: Promise<PostgresAvailability> | undefined;

/**
 * Finds `initdb` and `pg_ctl` (Debian's /usr/lib/postgresql/N/bin, else PATH). When they are missing and
 * this runs as root, installs Debian's `postgresql` with apt-get once (a lock file in the OS temp dir
 * serialises test files that try at the same time). Says why when PostgreSQL cannot be had.
 *
 * @example
 * const found = await findPostgres();
 * if ('reason' in found) console.warn(found.reason);
 */
export function findPostgres(): Promise<PostgresAvailability> {
  availability ??= locateOrInstall();
  return availability;
}

/**
 * Starts a server for one test file (call it in `beforeAll`, `stop()` in `afterAll`); null when PostgreSQL
 * is not available here ({@link findPostgres} tells why).
 *
 * @example
 * const server = await startPostgres();
 * const store = await openStore({ databaseUrl: await server!.createDatabase() });
 */
export async function startPostgres(): Promise<PostgresServer | null> {
  const found = await findPostgres();
  if ('reason' in found) return null;
  let lastError: unknown;
  // A port found free can be taken by another process before the server binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOn(found, await freePort());
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

async function startOn(found: { binDir: string; runAs: string | null }, port: number): Promise<PostgresServer> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'cf-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (found.runAs) {
    const { uid, gid } = userIds(found.runAs);
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const tool = (name: string, args: string[]) => {
    const [cmd, argv] = found.runAs ? ['runuser', ['-u', found.runAs, '--', join(found.binDir, name), ...args]] : [join(found.binDir, name), args];
    return run(cmd, argv, { timeout: 120_000 });
  };
  const pgCtl = join(found.binDir, 'pg_ctl');
  /** For the process 'exit' event, where nothing asynchronous runs. */
  const stopSync = () => {
    const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
    try {
      if (found.runAs) execFileSync('runuser', ['-u', found.runAs, '--', pgCtl, ...args], { stdio: 'ignore' });
      else execFileSync(pgCtl, args, { stdio: 'ignore' });
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await initdb(tool, data, pwfile);
    rmSync(pwfile);
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k '${dir}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
    await tool('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  } catch (err) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000) : '';
    stopSync();
    throw new Error(`cannot start PostgreSQL for the tests on port ${port}: ${(err as Error).message}\n${log}`, { cause: err });
  }
  const watchdog = startWatchdog(dir, data, found, pgCtl);
  process.once('exit', stopSync);
  const admin = `postgres://postgres:${password}@127.0.0.1:${port}`;
  let count = 0;
  const createDatabase = async (): Promise<string> => {
    const name = `cf_${++count}`;
    const client = new pg.Client({ connectionString: `${admin}/postgres` });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return `${admin}/${name}`;
  };
  const url = await createDatabase();
  return {
    url,
    createDatabase,
    startMs: Math.round(performance.now() - started),
    async stop() {
      process.removeListener('exit', stopSync);
      watchdog.kill();
      await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Tool = (name: string, args: string[]) => Promise<unknown>;

/** ICU English collation when the build has it (what production servers sort by), else plain UTF-8. */
async function initdb(tool: Tool, data: string, pwfile: string): Promise<void> {
  const common = ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-host=scram-sha-256', '--auth-local=trust', '-E', 'UTF8', '--no-sync'];
  const localeChoices = [['--locale-provider=icu', '--icu-locale=en-US', '--locale=C.UTF-8'], ['--locale=C.UTF-8'], ['--no-locale']];
  let lastError: unknown;
  for (const locale of localeChoices) {
    try {
      await tool('initdb', [...common, ...locale]);
      return;
    } catch (err) {
      lastError = err;
      rmSync(data, { recursive: true, force: true });
    }
  }
  throw lastError;
}

/** Stops the server if the test process dies without running its hooks (a killed vitest worker). */
function startWatchdog(dir: string, data: string, found: { binDir: string; runAs: string | null }, pgCtl: string): { kill(): void } {
  const stopCmd = found.runAs ? `runuser -u ${found.runAs} -- "${pgCtl}"` : `"${pgCtl}"`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${stopCmd} -D "${data}" -m immediate -w stop >/dev/null 2>&1; rm -rf "${dir}"`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return {
    kill() {
      if (child.pid !== undefined) {
        try {
          process.kill(child.pid);
        } catch {
          // already gone
        }
      }
    },
  };
}

async function locateOrInstall(): Promise<PostgresAvailability> {
  const runAs = process.getuid?.() === 0 ? 'postgres' : null;
  const ready = (binDir: string | null): PostgresAvailability | null => {
    if (!binDir) return null;
    if (runAs && !hasUser(runAs)) return { reason: `PostgreSQL refuses to run as root and there is no "${runAs}" user to run it as` };
    return { binDir, runAs };
  };
  const found = ready(locateBinDir());
  if (found) return found;
  if (!runAs) return { reason: 'PostgreSQL (initdb, pg_ctl) is not installed and installing it needs root: run scripts/test-services.sh as root' };
  if (!existsSync('/usr/bin/apt-get')) return { reason: 'PostgreSQL (initdb, pg_ctl) is not installed and there is no apt-get to install it' };
  const installError = await withInstallLock(async () => {
    if (locateBinDir()) return null;
    console.warn('installing Debian\'s postgresql for the store tests (apt-get, once)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql'], { env, timeout: 600_000 });
    try {
      await install();
    } catch {
      try {
        await run('apt-get', ['update', '-q'], { env, timeout: 600_000 });
        await install();
      } catch (err) {
        return `apt-get install postgresql failed: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`;
      }
    }
    return null;
  });
  return ready(locateBinDir()) ?? { reason: installError ?? 'PostgreSQL is still missing after installing Debian\'s postgresql' };
}

function locateBinDir(): string | null {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (has(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && has(dir)) return dir;
  return null;
}

function hasUser(name: string): boolean {
  try {
    userIds(name);
    return true;
  } catch {
    return false;
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

const INSTALL_LOCK = join(tmpdir(), 'counterflow-postgres-install.lock');

async function withInstallLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      const fd = openSync(INSTALL_LOCK, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (!lockHolderAlive()) {
        rmSync(INSTALL_LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`waited 15 minutes for ${INSTALL_LOCK} (another test installing PostgreSQL)`, { cause: err });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    unlinkSync(INSTALL_LOCK);
  }
}

function lockHolderAlive(): boolean {
  try {
    const text = readFileSync(INSTALL_LOCK, 'utf8');
    // Created but its pid not yet written.
    if (text === '') return Date.now() - statSync(INSTALL_LOCK).mtimeMs < 10_000;
    const pid = Number(text);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
