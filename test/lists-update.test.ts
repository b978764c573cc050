import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

/** The official file names `lists update` asks for, served from ../shared/data/lists. */
const OFFICIAL_FILES: Record<string, string> = {
  'consolidated.xml': 'lists/un/UN_consolidated_2026-02-27.xml',
  'SDN.CSV': 'lists/ofac-sdn/sdn_2024-05-03.csv',
  'ALT.CSV': 'lists/ofac-sdn/alt_2025-12-24.csv',
  'ADD.CSV': 'lists/ofac-sdn/add_2025-12-24.csv',
  'SDN_COMMENTS.CSV': 'lists/ofac-sdn/sdn_comments_2025-12-24.csv',
  'CONS_PRIM.CSV': 'lists/ofac-consolidated/cons_prim.csv',
  'CONS_ALT.CSV': 'lists/ofac-consolidated/cons_alt.csv',
  'CONS_ADD.CSV': 'lists/ofac-consolidated/cons_add.csv',
  'CONS_COMMENTS.CSV': 'lists/ofac-consolidated/cons_comments.csv',
};

describe.skipIf(!HAS_SHARED)('lists update against a local mirror of the official files', () => {
  let server: Server;
  let mirror: string;
  /** Per file name: replace what the server sends (a body, or an HTTP status). */
  const overrides = new Map<string, { status?: number; body?: string }>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1));
      const override = overrides.get(name);
      const file = OFFICIAL_FILES[name];
      if (override?.status) return res.writeHead(override.status).end('unavailable');
      if (!file) return res.writeHead(404).end('not found');
      res.writeHead(200).end(override?.body ?? readFileSync(join(SHARED_DATA, file)));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const status = async (home: string) => JSON.parse((await runCli(['--home', home, 'lists', 'status', '--json'])).out);
  const active = (s: { lists: { list: string; seq: number; targetCount: number; dprkEntries: number }[] }, list: string) => s.lists.find((l) => l.list === list);

  it('downloads every official list into a new active version, then recognises an unchanged publication', async () => {
    const home = tempHome();
    const first = await runCli(['--home', home, 'lists', 'update', '--mirror', mirror, '--json']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).map((r: { outcome: string }) => r.outcome)).toEqual(['updated', 'updated', 'updated']);
    const s = await status(home);
    expect(active(s, 'un_sc')?.targetCount).toBe(1003);
    expect(active(s, 'un_sc')?.dprkEntries).toBe(155);
    expect(active(s, 'us_ofac_sdn')?.dprkEntries).toBe(484);
    expect(active(s, 'us_ofac_cons')).toMatchObject({ seq: 1 });

    const again = await runCli(['--home', home, 'lists', 'update', '--source', 'un', '--mirror', mirror, '--json']);
    expect(JSON.parse(again.out)[0].outcome).toBe('unchanged');
    expect(active(await status(home), 'un_sc')?.seq).toBe(1);
  });

  it('keeps serving the last good version when the new file is broken, shrunk or unavailable', async () => {
    const home = tempHome();
    expect((await runCli(['--home', home, 'lists', 'update', '--source', 'un', '--mirror', mirror])).code).toBe(0);
    const xml = readFileSync(join(SHARED_DATA, OFFICIAL_FILES['consolidated.xml']!), 'utf8');
    try {
      overrides.set('consolidated.xml', { body: xml.slice(0, Math.floor(xml.length / 2)) });
      const truncated = await runCli(['--home', home, 'lists', 'update', '--source', 'un', '--mirror', mirror]);
      expect(truncated.code).toBe(3);
      expect(truncated.out).toMatch(/kept-last-good: .*could not be read: .*consolidated\.xml:\d+.*still serving un_sc@1/);

      const cut = xml.indexOf('<INDIVIDUAL>', xml.length / 2);
      const shrunk = `${xml.slice(0, cut)}</INDIVIDUALS><ENTITIES></ENTITIES></CONSOLIDATED_LIST>`;
      overrides.set('consolidated.xml', { body: shrunk });
      const refused = await runCli(['--home', home, 'lists', 'update', '--source', 'un', '--mirror', mirror]);
      expect(refused.code).toBe(3);
      expect(refused.out).toMatch(/fewer, more than the 10% allowed\); still serving un_sc@1/);

      overrides.set('consolidated.xml', { status: 503 });
      const down = await runCli(['--home', home, 'lists', 'update', '--source', 'un', '--mirror', mirror]);
      expect(down.out).toMatch(/download of .*consolidated\.xml failed: HTTP 503.*still serving un_sc@1/);
      expect(active(await status(home), 'un_sc')).toMatchObject({ seq: 1, targetCount: 1003 });

      overrides.set('consolidated.xml', { body: shrunk });
      const forced = await runCli(['--home', home, 'lists', 'update', '--source', 'un', '--mirror', mirror, '--force']);
      expect(forced.code).toBe(0);
      const after = active(await status(home), 'un_sc');
      expect(after?.seq).toBe(2);
      expect(after?.targetCount).toBeLessThan(1003);
      const diff = JSON.parse((await runCli(['--home', home, 'lists', 'diff', 'un_sc@1', 'un_sc@2', '--json'])).out);
      expect(diff.removed.length).toBe(1003 - after!.targetCount);
      expect(diff.added).toEqual([]);
    } finally {
      overrides.clear();
    }
  });

  it('says clearly when there is no earlier version to fall back on', async () => {
    const home = tempHome();
    overrides.set('consolidated.xml', { status: 500 });
    try {
      const r = await runCli(['--home', home, 'lists', 'update', '--source', 'un', '--mirror', mirror]);
      expect(r.code).toBe(3);
      expect(r.out).toMatch(/un: failed: download of .* failed: HTTP 500 .*; no earlier version to serve/);
    } finally {
      overrides.clear();
    }
  });
});
