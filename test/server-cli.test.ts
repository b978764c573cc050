import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, serveInProcess, tempHome } from './support.js';

const ENTITIES = [{ id: 'p-kim', schema: 'Person', properties: { name: ['KIM JONG UN'], birthDate: ['1984-01-08'] }, datasets: ['mine'], target: true }];

describe('counterflow keys, audit and serve --auth', () => {
  let home: string;
  beforeAll(async () => {
    home = tempHome('cf-server-');
    const file = join(home, 'mine.ftm.json');
    writeFileSync(file, ENTITIES.map((e) => JSON.stringify(e)).join('\n') + '\n');
    expect((await runCli(['--home', home, 'lists', 'load', file, '--list', 'mine'])).code).toBe(0);
  });

  it('refuses to serve with keys required while none exists, and says how to create one', async () => {
    const offLoopback = await runCli(['--home', home, 'serve', '--host', '0.0.0.0', '--port', '0']);
    expect(offLoopback.code).toBe(1);
    expect(offLoopback.err).toMatch(/refusing to serve on 0\.0\.0\.0.*counterflow keys create --role admin/);
    const forced = await runCli(['--home', home, 'serve', '--auth', '--port', '0']);
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/with --auth without an API key/);
  });

  it('creates, lists and revokes keys; the secret is printed once and never listed', async () => {
    const created = await runCli(['--home', home, 'keys', 'create', '--role', 'analyst', '--name', 'alice', '--json']);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.out) as { id: number; prefix: string; secret: string; role: string };
    expect(key).toMatchObject({ role: 'analyst', prefix: key.secret.slice(0, 11) });
    const listed = await runCli(['--home', home, 'keys', 'list', '--json']);
    expect(listed.out).not.toContain(key.secret.slice(11));
    expect(JSON.parse(listed.out)).toMatchObject([{ id: key.id, name: 'alice', role: 'analyst', revokedAt: null }]);
    expect((await runCli(['--home', home, 'keys', 'revoke', key.prefix])).out).toMatch(/revoked key #\d+ "alice"/);
    expect((await runCli(['--home', home, 'keys', 'list'])).out).toMatch(/alice\s+analyst.*revoked/);
    expect((await runCli(['--home', home, 'keys', 'revoke', 'cf_nothere'])).err).toMatch(/no API key "cf_nothere"/);
    expect((await runCli(['--home', home, 'keys', 'create', '--role', 'root', '--name', 'x'])).code).toBe(2);
  });

  it('serves with --auth: 401 without a key, 200 with one, and the screening lands in `counterflow audit`', async () => {
    const admin = JSON.parse((await runCli(['--home', home, 'keys', 'create', '--role', 'admin', '--name', 'ops', '--json'])).out) as { secret: string };
    const server = await serveInProcess(['--home', home], ['--auth']);
    try {
      expect(server.out()).toMatch(/API keys required/);
      expect((await fetch(`${server.url}/lists`)).status).toBe(401);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const res = await fetch(`${server.url}/match/mine`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.secret}` },
        body: JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['Kim Jong-un'] } } } }),
      });
      expect(res.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const audit = await runCli(['--home', home, 'audit', '--json', '--since', '1h']);
    expect(audit.code).toBe(0);
    const entries = JSON.parse(audit.out) as { action: string; actor: { name: string }; subject: string; listVersions: string[] }[];
    expect(entries.map((e) => e.action)).toEqual(['key.create', 'key.revoke', 'key.create', 'screen']);
    expect(entries.at(-1)).toMatchObject({ actor: { name: 'ops' }, subject: 'Person: Kim Jong-un', listVersions: ['mine@1'] });
    expect((await runCli(['--home', home, 'audit', '--action', 'key.*'])).out).toMatch(/key\.create[\s\S]*key\.revoke/);
    expect((await runCli(['--home', home, 'audit', '--verify'])).out).toMatch(/audit trail intact: 4 entries/);
    expect((await runCli(['--home', home, 'audit', '--since', 'last week'])).err).toMatch(/--since: "last week" is not a date/);
  });

  it('exits 1 from `audit --verify` once an entry was edited outside Counterflow', async () => {
    const sqlite = new Sqlite(join(home, 'counterflow.db'));
    try {
      sqlite.exec('DROP TRIGGER audit_log_no_update');
      sqlite.prepare("UPDATE audit_log SET subject = 'someone else' WHERE action = 'screen'").run();
    } finally {
      sqlite.close();
    }
    const verify = await runCli(['--home', home, 'audit', '--verify']);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/audit trail broken at entry #4: its content does not match its hash \(the entry was edited\) \(3 entries before it are intact\)/);
  });
});

describe('counterflow serve follows list updates made by other commands', () => {
  it('screens against a list loaded while it runs, says so, and audits the versions it used', async () => {
    const home = tempHome('cf-server-live-');
    const mine = join(home, 'mine.ftm.json');
    writeFileSync(mine, ENTITIES.map((e) => JSON.stringify(e)).join('\n') + '\n');
    expect((await runCli(['--home', home, 'lists', 'load', mine, '--list', 'mine'])).code).toBe(0);
    const server = await serveInProcess(['--home', home], ['--list-check', '0.05']);
    const screen = async () => {
      const res = await fetch(`${server.url}/match/default`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['Ri Pyong Chol'] } } } }),
      });
      const body = (await res.json()) as { responses: { q: { results: { id: string; match: boolean }[] } } };
      return body.responses.q.results.filter((r) => r.match).map((r) => r.id);
    };
    try {
      expect(await screen()).toEqual([]);
      const more = join(home, 'more.ftm.json');
      writeFileSync(more, `${JSON.stringify({ id: 'p-ri', schema: 'Person', properties: { name: ['RI PYONG CHOL'] }, datasets: ['more'], target: true })}\n`);
      expect((await runCli(['--home', home, 'lists', 'load', more, '--list', 'more'])).code).toBe(0);
      for (let i = 0; i < 200 && !/screening against new list versions/.test(server.out()); i++) await new Promise((r) => setTimeout(r, 25));
      expect(server.out()).toMatch(/screening against new list versions: (mine@1, more@1|more@1, mine@1) \(2 entities\)/);
      expect(await screen()).toEqual(['p-ri']);
      const lists = (await (await fetch(`${server.url}/lists`)).json()) as { index: { lists: string[] } };
      expect([...lists.index.lists].sort()).toEqual(['mine', 'more']);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const audit = JSON.parse((await runCli(['--home', home, 'audit', '--json', '--action', 'screen'])).out) as { listVersions: string[] }[];
    expect(audit.map((e) => e.listVersions)).toEqual([['mine@1'], ['mine@1', 'more@1']]);
  });
});
