import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../store/audit-log.js';
import { openDatabase } from '../../store/open-database.js';
import { main } from '../main.js';

async function cli(home: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--home', home, ...args], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), interactive: false });
  return { code, out, err };
}

describe('counterflow case', () => {
  it('creates a case, adds items, decides, lists, shows and exports it, auditing every write', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-case-cli-'));
    expect((await cli(home, 'case', 'create', 'Bybit layering', '--description', 'FBI list')).out).toBe('case 1 opened: Bybit layering\n');
    expect((await cli(home, 'case', 'add', '1', '--address', '0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2', '--label', 'receiver')).out).toBe('added address 0x47666fab8bd0ac7003bce3f5c3585383f09486e2 to case 1 (item 1)\n');
    expect((await cli(home, 'case', 'add', '1', '--address', '0x47666fab8bd0ac7003bce3f5c3585383f09486e2')).out).toMatch(/case 1 already holds address/);
    expect((await cli(home, 'case', 'add', '1', '--incident', 'bybit-2025', '--comment', 'registry')).code).toBe(0);
    expect((await cli(home, 'case', 'add', '1', '--note', 'asked the exchange')).code).toBe(0);
    expect((await cli(home, 'case', 'decide', '1', '--decision', 'block', '--reason', 'on the FBI list')).out).toBe('case 1: block recorded (decision 1); the case is open\n');
    expect((await cli(home, 'case', 'decide', '1', '--decision', 'close', '--reason', 'done')).out).toMatch(/the case is closed/);

    const list = JSON.parse((await cli(home, 'case', 'list', '--json')).out);
    expect(list.cases).toEqual([expect.objectContaining({ id: 1, title: 'Bybit layering', status: 'closed', itemCount: 3, decision: 'close' })]);
    const shown = JSON.parse((await cli(home, 'case', 'show', '1', '--json')).out);
    expect(shown.items.map((i: { kind: string; addedBy: string }) => [i.kind, i.addedBy.startsWith('cli:')])).toEqual([
      ['address', true],
      ['incident', true],
      ['note', true],
    ]);
    expect((await cli(home, 'case', 'show', '1')).out).toMatch(/case 1: Bybit layering \(closed;[^]*block +cli:\S+ +on the FBI list/);

    const file = join(home, 'case-1.ftm.json');
    expect((await cli(home, 'case', 'export', '1', '--ftm', file)).code).toBe(0);
    const schemata = readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { schema: string }).schema);
    expect(schemata[0]).toBe('Project');
    expect(schemata).toEqual(expect.arrayContaining(['CryptoWallet', 'Event', 'UnknownLink', 'Note']));

    const { db } = await openDatabase({ home, databaseUrl: null });
    try {
      const entries = await new AuditLog(db).list({ subject: 'case:1' });
      expect(entries.map((e) => e.action)).toEqual(['case.create', 'case.item', 'case.item', 'case.item', 'case.decision', 'case.decision', 'export.case']);
      expect(entries[0]!.actor.id).toMatch(/^cli:/);
    } finally {
      await db.destroy();
    }
  });

  it('refuses bad input with exit code 1 and a message naming the argument, storing nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-case-cli-'));
    await cli(home, 'case', 'create', 'x');
    const refusals: [string[], RegExp][] = [
      [['case', 'create', '  '], /case \(title\): is empty/],
      [['case', 'add', 'abc', '--note', 'x'], /ID: expected a case number, got "abc"/],
      [['case', 'add', '1', '--note', 'x', '--address', '0x1'], /give exactly one of --address/],
      [['case', 'add', '1'], /give exactly one of --address/],
      [['case', 'add', '1', '--entity', 'ofac-1'], /case add \(ref\): no entity "ofac-1" in the active list versions/],
      [['case', 'add', '1', '--address', 'not-an-address'], /case add \(ref\): not a valid crypto address/],
      [['case', 'add', '9', '--note', 'x'], /no case 9/],
      [['case', 'decide', '1', '--decision', 'approve', '--reason', 'x'], /unknown decision "approve"/],
      [['case', 'show', '9'], /no case 9/],
      [['case', 'list', '--status', 'pending'], /--status: expected open or closed/],
    ];
    for (const [args, message] of refusals) {
      const r = await cli(home, ...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 1]);
      expect(r.err).toMatch(message);
    }
    expect(JSON.parse((await cli(home, 'case', 'show', '1', '--json')).out)).toMatchObject({ items: [], decisions: [] });
  });
});
