import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FtmEntity } from '../src/ftm/entity.js';
import { computeListStats } from '../src/lists/stats.js';
import { openStore } from '../src/store/open-store.js';
import { runCli, tempHome } from './support.js';

const listed: FtmEntity[] = [
  { id: 'ofac-20157', schema: 'Person', caption: 'KIM, Jong Un', target: true, datasets: ['us_ofac_sdn'], properties: { name: ['KIM, Jong Un'], birthDate: ['1984-01-08'] }, provenance: { list: 'us_ofac_sdn', entryId: '20157', programs: ['DPRK3'] } },
];

const records = [
  { id: 'w-1', names: ['Jane Doe'], claimed_country: 'us', interviews: [{ camera_on: true }], payment_accounts: [{ identifier: 'GB33BUKB20201555555555', holder_name: 'Jane Doe' }] },
  { id: 'w-2', names: ['Kim Jong Un'], birth_date: '1984-01-08', payment_accounts: [{ identifier: 'GB33 BUKB 2020 1555 5555 55' }], shipping_address: '800 Oak Ave, Phoenix AZ 85001', address: '1 Elm St, Austin TX 78701' },
  { id: 'w-3', names: ['Ann Lee'], interviews: [{ camera_on: false }] },
];

let home: string;
let input: string;

beforeAll(async () => {
  home = tempHome('cf-vet-cli-');
  const store = await openStore({ home });
  await store.addListVersion({ list: 'us_ofac_sdn', format: 'ftm-jsonl', publishedAt: '2024-05-03', sourceUrl: null, sha256: null, note: null, entities: listed, stats: computeListStats(listed) }, { activate: true });
  await store.close();
  input = join(home, 'workers.jsonl');
  writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n'));
});

describe('counterflow vet', () => {
  it('prints a JSON report: records with score, level, rules and ring; rings with the shared identifier on each link', async () => {
    const { code, out, err } = await runCli(['--home', home, 'vet', input, '--json', '--now', '2025-06-01']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.sanctions).toBe('us_ofac_sdn@1');
    const kim = report.records.find((r: { id: string }) => r.id === 'w-2');
    expect(kim).toMatchObject({ level: 'critical', action: 'block', ring: 'ring-w-1' });
    expect(kim.rules[0]).toMatchObject({ id: 'sanctions.name-match', blocking: true, source: { tag: 'G22' } });
    const jane = report.records.find((r: { id: string }) => r.id === 'w-1');
    expect(jane.rules.map((f: { id: string }) => f.id)).toContain('rings.flagged-member');
    expect(report.rings).toEqual([expect.objectContaining({ id: 'ring-w-1', members: ['w-1', 'w-2'], links: [expect.objectContaining({ a: 'w-1', b: 'w-2', shared: [expect.objectContaining({ kind: 'bank', value: 'iban:GB33BUKB20201555555555' })] })] })]);
  });

  it('prints a text summary, writes an HTML report and the FollowTheMoney entities', async () => {
    const html = join(home, 'report.html');
    const ftm = join(home, 'entities.ftm.jsonl');
    const { code, out } = await runCli(['--home', home, 'vet', input, '--out', html, '--ftm', ftm]);
    expect(code).toBe(0);
    expect(out).toMatch(/^vetted 3 records: critical 1, high 1, medium 0, low 1; block 1, escalate 1, verify 0; 1 rings \(2 records\)/);
    expect(out).toMatch(/w-2 +\d+ +critical +block +ring-w-1 +sanctions\.name-match/);
    expect(out).toMatch(/ring-w-1: w-1, w-2\n {2}w-1 ↔ w-2 \(0\.85\): payout account iban:GB33BUKB20201555555555/);
    expect(readFileSync(html, 'utf8')).toContain('<h1>Counterflow vetting report</h1>');
    const entities = readFileSync(ftm, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FtmEntity);
    expect(entities.filter((e) => e.schema === 'Person').map((e) => e.id)).toEqual(['vet-w-1', 'vet-w-2', 'vet-w-3']);
  });

  it('with --ftm and no file prints the entities instead of the report', async () => {
    const { code, out } = await runCli(['--home', home, 'vet', input, '--ftm']);
    expect(code).toBe(0);
    expect(out.trim().split('\n').map((l) => JSON.parse(l).schema)).toContain('BankAccount');
  });

  it('stops with the file, line and field of a bad record, writing nothing', async () => {
    const bad = join(home, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a"}\n{"id":"b","logins":[{"timestamp":"soon"}]}\n');
    const html = join(home, 'bad.html');
    const { code, err } = await runCli(['--home', home, 'vet', bad, '--out', html]);
    expect(code).toBe(1);
    expect(err).toBe(`counterflow: ${bad}:2 (logins[0].timestamp): the text "soon" is not a timestamp; write ISO 8601 (2024-05-01T09:30:00Z) or epoch seconds\n`);
    expect(existsSync(html)).toBe(false);
  });

  it('vets without screening when no lists are loaded, and says so', async () => {
    const { code, out } = await runCli(['--home', tempHome('cf-vet-empty-'), 'vet', input, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.sanctions).toBeNull();
    expect(report.warnings[0]).toMatch(/^no sanctions lists loaded/);
  });

  it('scores payout wallets with the exposure engine over the stored transfers', async () => {
    const chainHome = tempHome('cf-vet-exposure-');
    const lazarus = '0x098b716b8aaf21512996dc57eb0615e2383e2f96';
    const paid = '0x2222222222222222222222222222222222222222';
    const store = await openStore({ home: chainHome });
    const wallet: FtmEntity = { id: 'ofac-27307-wallet', schema: 'CryptoWallet', target: true, datasets: ['us_ofac_sdn'], properties: { publicKey: [lazarus], currencySymbol: ['ETH'] }, provenance: { list: 'us_ofac_sdn', entryId: '27307', programs: ['DPRK3'] } };
    await store.addListVersion({ list: 'us_ofac_sdn', format: 'ftm-jsonl', publishedAt: '2024-05-03', sourceUrl: null, sha256: null, note: null, entities: [wallet], stats: computeListStats([wallet]) }, { activate: true });
    await store.close();
    const transfers = join(chainHome, 'transfers.csv');
    writeFileSync(transfers, `chain,tx_hash,block_number,timestamp,tx_index,position,from,to,asset,amount,kind,success,decimals\nethereum,0x${'ab'.repeat(32)},100,2025-02-21T14:56:11Z,,0,${lazarus},${paid},native,5.0,native,1,\n`);
    expect((await runCli(['--home', chainHome, 'ingest', 'files', transfers])).code).toBe(0);
    const workers = join(chainHome, 'workers.jsonl');
    writeFileSync(workers, JSON.stringify({ id: 'w-paid', names: ['Jane Roe'], payment_accounts: [{ type: 'crypto', identifier: paid }] }));

    const withExposure = JSON.parse((await runCli(['--home', chainHome, 'vet', workers, '--json'])).out);
    expect(withExposure.exposure).toMatch(/^exposure engine over stored transfers \(ethereum/);
    const rule = withExposure.records[0].rules.find((r: { id: string }) => r.id === 'sanctions.wallet-exposure');
    expect(rule.explanation).toMatch(/severe exposure.*direct exposure to sanctioned/);

    const without = JSON.parse((await runCli(['--home', chainHome, 'vet', workers, '--json', '--no-exposure'])).out);
    expect(without.records[0].rules.map((r: { id: string }) => r.id)).not.toContain('sanctions.wallet-exposure');
    expect(without.records[0].not_evaluated).toContain('sanctions.wallet-exposure');
  });
});
