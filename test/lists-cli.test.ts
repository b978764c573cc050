import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

describe.skipIf(!HAS_SHARED)('counterflow lists load / status / entity on the real lists', () => {
  it('loads every list in ../shared/data/lists with the expected counts and shows one entity with its provenance', async () => {
    const home = tempHome();
    const load = await runCli(['--home', home, 'lists', 'load', join(SHARED_DATA, 'lists'), '--json']);
    expect(load.code).toBe(0);
    const loaded = JSON.parse(load.out) as { version: { list: string; targetCount: number } }[];
    expect(Object.fromEntries(loaded.map((r) => [r.version.list, r.version.targetCount]))).toEqual({
      us_ofac_cons: 442,
      us_ofac_sdn: 14965,
      un_sc: 1003,
    });

    const status = JSON.parse((await runCli(['--home', home, 'lists', 'status', '--json'])).out);
    const un = status.lists.find((l: { list: string }) => l.list === 'un_sc');
    expect(un.bySchema.Person).toBe(730);
    expect(un.bySchema.Organization).toBe(273);
    expect(un.dprkEntries).toBe(155);
    const sdn = status.lists.find((l: { list: string }) => l.list === 'us_ofac_sdn');
    expect(sdn.dprkEntries).toBe(484);
    expect(sdn.bySchema.CryptoWallet).toBe(523);

    const lazarus = JSON.parse((await runCli(['--home', home, 'entity', 'ofac-27307', '--json'])).out);
    expect(lazarus.caption).toBe('LAZARUS GROUP');
    expect(lazarus.provenance).toMatchObject({ list: 'us_ofac_sdn', entryId: '27307', programs: ['DPRK3'] });
    expect(lazarus.version.ref).toBe('us_ofac_sdn@1');
    const wallets = lazarus.related.filter((e: { schema: string }) => e.schema === 'CryptoWallet');
    expect(wallets.map((w: { properties: { publicKey: string[] } }) => w.properties.publicKey[0])).toContain('0x098b716b8aaf21512996dc57eb0615e2383e2f96');

    const text = await runCli(['--home', home, 'entity', 'ofac-27307']);
    expect(text.out).toMatch(/source: us_ofac_sdn entry 27307, programmes DPRK3/);

    const missing = await runCli(['--home', home, 'entity', 'ofac-0']);
    expect(missing).toMatchObject({ code: 1, err: 'counterflow: no entity "ofac-0" in the active list versions\n' });
  });

  it('loads the crypto address lists and TagPacks', async () => {
    const home = tempHome();
    const r = await runCli(['--home', home, 'lists', 'load', join(SHARED_DATA, 'crypto', 'ofac-by-asset'), join(SHARED_DATA, 'crypto', 'tagpacks'), join(SHARED_DATA, 'crypto', 'ofac-eth-named', 'data.csv'), '--json']);
    expect(r.code).toBe(0);
    const lists = Object.fromEntries((JSON.parse(r.out) as { version: { list: string; entityCount: number } }[]).map((x) => [x.version.list, x.version.entityCount]));
    expect(lists.us_ofac_crypto).toBe(641);
    expect(lists.tagpack_lazarus).toBe(21);
    expect(lists.tagpack_usdt_blacklist).toBe(774);
    expect(lists.data).toBe(97);
    expect(r.err).toMatch(/skipped .*tagpacks\/LICENSE: not a list format/);
  });
});

describe('counterflow lists load on bad input', () => {
  it('names the file and line of a truncated list and leaves the stored version untouched', async () => {
    const home = tempHome();
    const dir = join(home, 'in');
    mkdirSync(dir);
    const good = join(dir, 'good.ftm.json');
    writeFileSync(good, `${JSON.stringify({ id: 'p1', schema: 'Person', properties: { name: ['KIM JONG UN'] }, datasets: ['mine'], target: true })}\n`);
    expect((await runCli(['--home', home, 'lists', 'load', good, '--list', 'mine'])).code).toBe(0);

    const bad = join(dir, 'bad.ftm.json');
    writeFileSync(bad, `${JSON.stringify({ id: 'p2', schema: 'Person', properties: { name: ['RI'] } })}\n{"id": "p3", "schema": "Pers`);
    const r = await runCli(['--home', home, 'lists', 'load', bad, '--list', 'mine']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^counterflow: .*bad\.ftm\.json:2\b/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const status = JSON.parse((await runCli(['--home', home, 'lists', 'status', '--json'])).out);
    expect(status.lists).toMatchObject([{ list: 'mine', seq: 1, targetCount: 1 }]);
  });

  it('refuses a file whose format it cannot tell, and a missing path, with a clear message', async () => {
    const home = tempHome();
    const odd = join(home, 'notes.txt');
    writeFileSync(odd, 'hello\nworld\n');
    const r = await runCli(['--home', home, 'lists', 'load', odd]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/notes\.txt: cannot tell which list format this is; name it with --format/);
    const missing = await runCli(['--home', home, 'lists', 'load', join(home, 'nope.xml')]);
    expect(missing.err).toMatch(/nope\.xml: cannot read: ENOENT/);
  });

  it('starts on an empty store by loading the demo pack', async () => {
    const home = tempHome();
    const r = await runCli(['--home', home, 'start', '--no-serve']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/loaded demo lists +demo_dprk_excerpt@1/);
    expect(r.out).toMatch(/under DPRK sanctions/);
    const again = await runCli(['--home', home, 'start', '--no-serve']);
    expect(again.out).not.toMatch(/loaded demo/);
  });

  it('retires the demo excerpt once a real list is loaded, so screening stops returning its copies', async () => {
    const home = tempHome();
    await runCli(['--home', home, 'start', '--no-serve']);
    expect(JSON.parse((await runCli(['--home', home, 'screen', 'Kim Jong Un', '--json'])).out).results[0].id).toMatch(/^demo-/);
    const file = join(home, 'own.csv');
    writeFileSync(file, 'address,name\n0x098b716b8aaf21512996dc57eb0615e2383e2f96,Lazarus Group\n');
    const load = await runCli(['--home', home, 'lists', 'load', file, '--list', 'own_wallets']);
    expect(load.out).toMatch(/retired the demo excerpt \(demo_dprk_excerpt@2/);
    const status = JSON.parse((await runCli(['--home', home, 'lists', 'status', '--json'])).out);
    expect(status.lists.find((l: { list: string }) => l.list === 'demo_dprk_excerpt').targetCount).toBe(0);
    expect(JSON.parse((await runCli(['--home', home, 'screen', 'Kim Jong Un', '--json'])).out).results).toEqual([]);
  });
});
