import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, serveInProcess, tempHome } from './support.js';

const ENTITIES = [
  { id: 'p-kim', schema: 'Person', properties: { name: ['KIM JONG UN'], birthDate: ['1984-01-08'] }, datasets: ['mine'], target: true },
  { id: 'o-komid', schema: 'Organization', properties: { name: ['KOREA MINING DEVELOPMENT TRADING CORPORATION'], alias: ['KOMID'] }, datasets: ['mine'], target: true },
];

describe('counterflow serve', () => {
  let home: string;
  beforeAll(async () => {
    home = tempHome('cf-serve-');
    const file = join(home, 'mine.ftm.json');
    writeFileSync(file, ENTITIES.map((e) => JSON.stringify(e)).join('\n') + '\n');
    expect((await runCli(['--home', home, 'lists', 'load', file, '--list', 'mine'])).code).toBe(0);
  });

  it('serves the API on 127.0.0.1 until SIGTERM, then closes', async () => {
    const server = await serveInProcess(['--home', home]);
    const url = server.url;
    let code: number | undefined;
    try {
      expect(server.out()).toMatch(/\(2 entities from mine\)/);
      const lists = (await (await fetch(`${url}/lists`)).json()) as { lists: { list: string; targetCount: number }[] };
      expect(lists.lists).toMatchObject([{ list: 'mine', targetCount: 2 }]);

      const res = await fetch(`${url}/match/mine?limit=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: ['Kim Jong-un'] } } } }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { responses: { q: { results: { id: string; match: boolean }[] } } };
      expect(body.responses.q.results[0]).toMatchObject({ id: 'p-kim', match: true });

      const bad = await fetch(`${url}/match/mine`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"queries":' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toBe('bad_request');
    } finally {
      code = await server.stop();
    }
    expect(code).toBe(0);
    expect(server.out()).toMatch(/counterflow API stopped/);
    await expect(fetch(`${url}/lists`)).rejects.toThrow();
  });

  it('refuses a port out of range as a usage error', async () => {
    expect((await runCli(['--home', home, 'serve', '--port', '70000'])).code).toBe(2);
  });
});
