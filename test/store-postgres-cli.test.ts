import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON } from '../src/store/test-support/backends.js';
import { startPostgres, type PostgresServer } from '../src/store/test-support/postgres.js';
import { runCli, tempHome } from './support.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const DEMO = join(REPO, 'demo', 'lists', 'dprk-excerpt.ftm.json');
const LIST = 'demo_dprk_excerpt';

describe.skipIf(POSTGRES_SKIP_REASON !== null)('counterflow with DATABASE_URL on a PostgreSQL server', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    const started = await startPostgres();
    if (!started) throw new Error('the PostgreSQL test server did not start');
    server = started;
    console.info(`PostgreSQL test server ready in ${server.startMs} ms`);
  });
  afterAll(async () => {
    for (const dir of homes) rmSync(dir, { recursive: true, force: true });
    await server?.stop();
  });

  it('loads, reports, screens and diffs exactly as the embedded SQLite store does', async () => {
    const dir = scratchDir('cf-pg-cli-');
    const second = join(dir, 'dprk-excerpt-v2.ftm.json');
    writeFileSync(second, secondVersion());
    const session = [
      ['lists', 'load', DEMO, '--json'],
      ['lists', 'load', second],
      ['lists', 'status'],
      ['lists', 'status', '--json'],
      ['screen', 'Kim Jong Un', '--json'],
      ['screen', '0x098b716b8aaf21512996dc57eb0615e2383e2f96'],
      ['lists', 'diff', `${LIST}@1`, LIST, '--json'],
      ['lists', 'diff', `${LIST}@1`, `${LIST}@2`],
      ['entity', 'demo-ofac-27307', '--json'],
    ];
    const onSqlite = await runSession(session, { home: scratchDir('cf-lite-') });
    const url = await server.createDatabase();
    const onPostgres = await runSession(session, { home: scratchDir('cf-pg-home-'), databaseUrl: url });
    expect(onPostgres.map((r) => r.code)).toEqual(session.map(() => 0));
    expect(onPostgres).toEqual(onSqlite);
    expect(await count(url, 'select count(*) from list_versions')).toBe(2);
  });

  it('names the file and line of a bad list and keeps the stored version, as on SQLite', async () => {
    const dir = scratchDir('cf-pg-bad-');
    const bad = join(dir, 'bad.ftm.json');
    writeFileSync(bad, `${readFileSync(DEMO, 'utf8').split('\n').slice(0, 5).join('\n')}\n{"id": "x", "schema": "Pers`);
    const session = [
      ['lists', 'load', DEMO],
      ['lists', 'load', bad, '--list', LIST],
      ['lists', 'status', '--json'],
    ];
    const onSqlite = await runSession(session, { home: scratchDir('cf-lite-') });
    const onPostgres = await runSession(session, { home: scratchDir('cf-pg-home-'), databaseUrl: await server.createDatabase() });
    expect(onPostgres[1]).toMatchObject({ code: 1, err: expect.stringMatching(/bad\.ftm\.json:6\b/) });
    expect(onPostgres).toEqual(onSqlite);
  });

  it('keeps the earlier version when a load is killed in the middle of its transaction', async () => {
    const url = await server.createDatabase();
    const home = scratchDir('cf-pg-kill-');
    expect((await runSession([['lists', 'load', DEMO]], { home, databaseUrl: url }))[0]?.code).toBe(0);
    const big = join(home, 'big.ftm.json');
    writeFileSync(big, bigList(5_000));

    // Holding the statistics table makes the load stop right after it has written all of its entities,
    // inside its transaction: a deterministic "middle" to kill it in.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE list_version_stats IN EXCLUSIVE MODE');
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CLI_SCRIPT, '--', '--home', home, 'lists', 'load', big, '--list', LIST], {
        cwd: REPO,
        env: { ...process.env, DATABASE_URL: url, CF_MAIN: new URL('../src/cli/main.ts', import.meta.url).href },
        stdio: 'ignore',
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolveExit) => child.on('exit', (code, signal) => resolveExit(signal ?? code)));
      await waitFor(url, `select count(*) from pg_stat_activity
        where application_name = 'counterflow' and wait_event_type = 'Lock' and query like 'insert into "list_version_stats"%'`);
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }

    const status = await runSession([['lists', 'status', '--json']], { home, databaseUrl: url });
    const parsed = JSON.parse(status[0]!.out) as { versions: { ref: string; status: string; entityCount: number }[] };
    expect(parsed.versions.map((v) => [v.ref, v.status, v.entityCount])).toEqual([[`${LIST}@1`, 'active', 40]]);
    expect(await count(url, 'select count(*) from list_entities')).toBe(40);
    // The killed writer's per-list lock went with its session: the next load goes through.
    const again = await runSession([['lists', 'load', DEMO, '--list', LIST, '--json']], { home, databaseUrl: url });
    expect(JSON.parse(again[0]!.out)[0].version.ref).toBe(`${LIST}@2`);
  });
});

const homes: string[] = [];

/** A temp directory removed after the tests (the killed load leaves a large input file). */
function scratchDir(prefix: string): string {
  const dir = tempHome(prefix);
  homes.push(dir);
  return dir;
}

const CLI_SCRIPT = 'const { main } = await import(process.env.CF_MAIN); process.exitCode = await main(process.argv.slice(1));';

interface CliRun {
  args: string;
  code: number;
  out: string;
  err: string;
}

/** Runs CLI commands in order against one store and returns what they printed, with timestamps and the store location blanked. */
async function runSession(session: string[][], target: { home: string; databaseUrl?: string }): Promise<CliRun[]> {
  const before = process.env.DATABASE_URL;
  if (target.databaseUrl) process.env.DATABASE_URL = target.databaseUrl;
  else delete process.env.DATABASE_URL;
  try {
    const runs: CliRun[] = [];
    for (const args of session) {
      const r = await runCli(['--home', target.home, ...args]);
      runs.push({ args: args.join(' '), code: r.code, out: normalise(r.out), err: normalise(r.err) });
    }
    return runs;
  } finally {
    if (before === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = before;
  }
}

function normalise(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?/g, '<time>')
    .replace(/"store": "[^"]*"/g, '"store": "<location>"')
    .replace(/(postgres:\/\/\S+|\/\S+\/counterflow\.db)/g, '<location>');
}

/** The demo list with one entry renamed and one entry dropped. */
function secondVersion(): string {
  const lines = readFileSync(DEMO, 'utf8').trim().split('\n');
  return `${lines
    .slice(0, -1)
    .map((line) => line.replace('"caption":"YUN HO-JIN"', '"caption":"YUN HO JIN"'))
    .join('\n')}\n`;
}

function bigList(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(JSON.stringify({ id: `big-${i}`, schema: 'Person', caption: `PERSON ${i}`, properties: { name: [`PERSON ${i}`] }, datasets: [LIST], target: true }));
  }
  return `${rows.join('\n')}\n`;
}

async function count(url: string, query: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(query);
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

/** Polls until `query` counts at least one row (30 s at most). */
async function waitFor(url: string, query: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await count(url, query)) === 0) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${query}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
