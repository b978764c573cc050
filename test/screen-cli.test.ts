import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { BATCH_OUTPUT_COLUMNS } from '../src/screening/batch.js';
import { HAS_SHARED, SHARED_DATA, runCli, tempHome } from './support.js';

interface ResultJson {
  id: string;
  caption: string;
  schema: string;
  score: number;
  match: boolean;
  review: boolean;
  datasets: string[];
  provenance?: { list: string; entryId: string };
  explanations: Record<string, { detail: string; score: number }>;
}

// The UN list alone keeps these end-to-end runs fast; test/api-real-lists.test.ts screens UN + OFAC together.
describe.skipIf(!HAS_SHARED)('counterflow screen on the real UN list', () => {
  let home: string;
  beforeAll(async () => {
    home = tempHome('cf-screen-');
    const load = await runCli(['--home', home, 'lists', 'load', join(SHARED_DATA, 'lists', 'un')]);
    expect(load.code).toBe(0);
  });

  it('finds RI Je-son (KPi.002) by another spelling with his birth year and explains why, as JSON', async () => {
    const r = await runCli(['--home', home, 'screen', 'Ri Che Son', '--birth-date', '1938', '--nationality', 'North Korea', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { query: unknown; threshold: number; results: ResultJson[] };
    expect(out.query).toEqual({ schema: 'Person', properties: { name: ['Ri Che Son'], birthDate: ['1938'], nationality: ['kp'] } });
    const top = out.results[0];
    expect(top).toMatchObject({ id: 'un-6908045', caption: 'RI JE-SON', schema: 'Person', match: true, provenance: { list: 'un_sc', entryId: 'KPi.002' } });
    expect(top!.score).toBeGreaterThanOrEqual(out.threshold);
    expect(Object.values(top!.explanations).length).toBeGreaterThan(0);
    expect(Object.values(top!.explanations).every((e) => e.detail.length > 0)).toBe(true);
  });

  it('prints results as text: score, marker, caption, schema, list and entry id, then the explanations', async () => {
    const text = await runCli(['--home', home, 'screen', 'KOREA MINING DEVELOPMENT TRADING CORPORATION', '--limit', '3']);
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toBe('LegalEntity: name KOREA MINING DEVELOPMENT TRADING CORPORATION');
    const first = lines.findIndex((l) => /^ 1\. /.test(l));
    expect(lines[first]).toMatch(/^ 1\. \d\.\d{4} {2}MATCH {3}KOREA MINING DEVELOPMENT TRADING CORPORATION {2}\[Organization\] {2}un_sc KPe\.001 {2}\(un-690735\)$/);
    expect(lines[first + 1]).toBe('      programmes: UN-DPRK');
    expect(lines[first + 2]).toMatch(/^ {6}- \S/);
    expect(lines.filter((l) => /^ ?\d\. /.test(l)).length).toBeLessThanOrEqual(3);
  });

  it('screens a batch file into one CSV record per result, every input row present', async () => {
    const dir = tempHome('cf-batch-');
    const input = join(dir, 'in.csv');
    writeFileSync(
      input,
      [
        'id,full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality,schema,id_number,wallet',
        'c-1,"RI, Je Son",,,,,1938,,kp,,,',
        'c-2,KOREA MINING DEVELOPMENT TRADING CORP,,,,,,,,Organization,,',
        'c-3,,,,,,,,,,381420754,',
        'c-4,Zyxwv Qptrsl Mnbvcx,,,,,19xx,,,,,',
      ].join('\n'),
    );
    const out = join(dir, 'out.csv');
    const r = await runCli(['--home', home, 'screen', '--batch', input, '--out', out, '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^screened 4 rows in [\d.]+ s: 3 with a match, \d+ more to review, 1 with input problems \(see the error column\); wrote .*out\.csv\n$/);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe(BATCH_OUTPUT_COLUMNS.join(','));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const top = (id: string) => rows.find((x) => x.id === id && x.rank === '1');
    expect(top('c-1')).toMatchObject({ row: '1', line: '2', input_name: 'RI, Je Son', entity_id: 'un-6908045', match: 'true', list: 'un_sc', entry_id: 'KPi.002', error: '' });
    expect(top('c-1')?.explanation).not.toBe('');
    expect(top('c-2')).toMatchObject({ entity_id: 'un-690735', caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', schema: 'Organization', match: 'true' });
    // A passport number alone finds its holder (KPi.006).
    expect(top('c-3')).toMatchObject({ input_name: '381420754', entry_id: 'KPi.006', match: 'true' });
    const nobody = rows.filter((x) => x.id === 'c-4');
    expect(nobody.length).toBeGreaterThanOrEqual(1);
    expect(nobody.every((x) => x.match !== 'true')).toBe(true);
    expect(nobody[0]?.error).toBe('date_of_birth: "19xx" not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored');
    for (const id of ['c-1', 'c-2', 'c-3']) {
      const ranked = rows.filter((x) => x.id === id);
      expect(ranked.map((x) => x.rank)).toEqual(ranked.map((_, i) => String(i + 1)));
      const scores = ranked.map((x) => Number(x.score));
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('screens the 683 UN positives in one batch as JSON, one record per row', async () => {
    const r = await runCli(['--home', home, 'screen', '--batch', join(SHARED_DATA, 'names', 'positives_un_treated.csv'), '--schema', 'Person', '--list', 'un_sc', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      threshold: number;
      lists: string[];
      summary: { rows: number; matched: number; withErrors: number };
      rows: { row: number; line: number; queries: { schema: string; properties: Record<string, string[]> }[]; errors: string[]; results: ResultJson[] }[];
    };
    expect(report.lists).toEqual(['un_sc']);
    expect(report.rows.map((x) => x.row)).toEqual(Array.from({ length: 683 }, (_, i) => i + 1));
    expect(report.rows[0]).toMatchObject({ line: 2, queries: [{ schema: 'Person', properties: { name: ['SALEK, ABDULHAI'], birthDate: ['1965'], nationality: ['af'] } }] });
    expect(report.summary.withErrors).toBe(3);
    const found = report.rows.filter((x) => x.results.some((res) => res.match));
    expect(report.summary.matched).toBe(found.length);
    for (const row of report.rows) for (const res of row.results) expect(res.match).toBe(res.score >= report.threshold);
    // Every row names a UN-listed person: a floor that catches broken plumbing, below the engine's own target.
    expect(found.length / 683).toBeGreaterThan(0.95);
  });

  it('refuses a bad batch file with its file and line, writing nothing', async () => {
    const dir = tempHome('cf-batch-');
    const input = join(dir, 'bad.csv');
    writeFileSync(input, 'full_name,nationality\nKIM JONG UN,kp\nRI,kp,extra\n');
    const out = join(dir, 'out.csv');
    const r = await runCli(['--home', home, 'screen', '--batch', input, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^counterflow: .*bad\.csv:3: not a valid CSV file: this row has a different number of fields than the header\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses bad flags and unknown lists with a clear message', async () => {
    expect(await runCli(['--home', home, 'screen', 'Kim', '--birth-date', '1984-13-45'])).toMatchObject({
      code: 1,
      err: 'counterflow: --birth-date "1984-13-45": not a real date; kept 1984\n',
    });
    expect((await runCli(['--home', home, 'screen', 'Kim', '--nationality', 'Atlantis'])).err).toBe('counterflow: --nationality "Atlantis": not a country code or a country name we know\n');
    expect((await runCli(['--home', home, 'screen', 'Kim', '--schema', 'Sanction'])).err).toMatch(/^counterflow: unknown schema "Sanction"/);
    expect((await runCli(['--home', home, 'screen'])).err).toBe('counterflow: nothing to screen: give a NAME, --id NUMBER or --batch FILE\n');
    expect((await runCli(['--home', home, 'screen', 'Kim', '--batch', 'x.csv'])).err).toBe('counterflow: give either a NAME or --batch FILE, not both\n');
    expect((await runCli(['--home', home, 'screen', 'Kim', '--out', 'x.csv'])).code).toBe(1);
    expect(await runCli(['--home', home, 'screen', 'Kim', '--list', 'eu_fsf'])).toMatchObject({ code: 1, err: 'counterflow: no loaded list "eu_fsf"; loaded: un_sc\n' });
    expect((await runCli(['--home', home, 'screen', 'Kim', '--limit', '0'])).code).toBe(2);
    expect((await runCli(['--home', home, 'screen', 'Kim', '--threshold', '1.2'])).code).toBe(2);
    expect((await runCli(['--home', home, 'screen', 'Kim', '--algorithm', 'jaro'])).code).toBe(2);
  });
});

describe('counterflow screen on an empty store', () => {
  it('says how to load lists', async () => {
    const r = await runCli(['--home', tempHome(), 'screen', 'Kim Jong Un']);
    expect(r).toMatchObject({ code: 1, err: 'counterflow: no lists loaded: load them with `counterflow lists load PATH…` or `counterflow lists update` first\n' });
  });
});

describe('counterflow compare', () => {
  // Labels chosen so the outcome at the default threshold is certain: identical or trivially re-spelt
  // names score high, unrelated names low; two labels deliberately disagree with the names.
  const PAIRS = [
    'schema,name1,name2,is_match,source',
    'Person,KIM JONG UN,Kim Jong Un,true,same name', // tp
    'Person,RI PYONG CHOL,Ri Pyong Chol,yes,same name', // tp
    'Person,KIM JONG UN,Vladimir Putin,false,different', // tn
    'Company,Korea Mining Development Trading Corporation,Acme Bakery Ltd,0,different', // tn
    'Person,HWANG SOK HWA,HWANG SOK HWA,no,labelled wrong on purpose', // fp
    'Person,PAK,Svetlana Ivanova,1,labelled wrong on purpose', // fn
  ].join('\n');

  function pairsFile(content: string): string {
    const file = join(tempHome('cf-pairs-'), 'pairs.csv');
    writeFileSync(file, content);
    return file;
  }

  interface CompareJson {
    pairs: { schema: string; name1: string; name2: string; score: number; match: boolean; is_match?: boolean }[];
    precision: number | null;
    recall: number | null;
    f1: number | null;
    threshold: number;
    confusion: { tp: number; fp: number; tn: number; fn: number } | null;
    best_threshold: { threshold: number; f1: number } | null;
  }

  it('computes precision, recall, F1 and confusion as worked out by hand', async () => {
    const file = pairsFile(PAIRS);
    const r = await runCli(['compare', '--pairs', file, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as CompareJson;
    expect(out.pairs.map((p) => [p.schema, p.name1, p.is_match, p.match])).toEqual([
      ['Person', 'KIM JONG UN', true, true],
      ['Person', 'RI PYONG CHOL', true, true],
      ['Person', 'KIM JONG UN', false, false],
      ['Company', 'Korea Mining Development Trading Corporation', false, false],
      ['Person', 'HWANG SOK HWA', false, true],
      ['Person', 'PAK', true, false],
    ]);
    // tp 2, fp 1, tn 2, fn 1 → precision 2/3, recall 2/3, F1 2/3.
    expect(out.confusion).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(out.precision).toBeCloseTo(2 / 3, 10);
    expect(out.recall).toBeCloseTo(2 / 3, 10);
    expect(out.f1).toBeCloseTo(2 / 3, 10);
    for (const p of out.pairs) expect(p.match).toBe(p.score >= out.threshold);

    // At threshold 0 every pair is called a match: tp 3, fp 3 → precision 1/2, recall 1, F1 2/3.
    const zero = JSON.parse((await runCli(['compare', '--pairs', file, '--threshold', '0', '--json'])).out) as CompareJson;
    expect(zero).toMatchObject({ threshold: 0, confusion: { tp: 3, fp: 3, tn: 0, fn: 0 }, precision: 0.5, recall: 1 });
    expect(zero.f1).toBeCloseTo(2 / 3, 10);

    // The best threshold is one of the pairs' scores, and no worse than the default.
    expect(out.pairs.map((p) => p.score)).toContain(out.best_threshold?.threshold);
    expect(out.best_threshold!.f1).toBeGreaterThanOrEqual(out.f1! - 1e-12);
    const atBest = JSON.parse((await runCli(['compare', '--pairs', file, '--threshold', String(out.best_threshold!.threshold), '--json'])).out) as CompareJson;
    expect(atBest.f1).toBeCloseTo(out.best_threshold!.f1, 10);
  });

  it('prints each pair and the metrics as text', async () => {
    const r = await runCli(['compare', '--pairs', pairsFile(PAIRS), '--algorithm', 'logic']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^line +schema +score +match +label +outcome +name1 +name2$/m);
    expect(r.out).toMatch(/^ +7 +Person +\d\.\d{4} +no +match +fn +PAK +Svetlana Ivanova$/m);
    expect(r.out).toMatch(/^precision 0\.6667 {2}recall 0\.6667 {2}F1 0\.6667$/m);
    expect(r.out).toMatch(/^confusion: tp 2 {2}fp 1 {2}tn 2 {2}fn 1$/m);
    expect(r.out).toMatch(/^best F1 \d\.\d{4} at threshold \d\.\d{4}$/m);
  });

  it('scores unlabelled pairs with null metrics, also with the ofac algorithm', async () => {
    const file = pairsFile('schema,name1,name2\nPerson,KIM JONG UN,Kim Jong Un\nVessel,CHONG CHON GANG,CHONGCHONGANG\n');
    for (const algorithm of ['logic', 'ofac']) {
      const out = JSON.parse((await runCli(['compare', '--pairs', file, '--algorithm', algorithm, '--json'])).out) as CompareJson;
      expect(out).toMatchObject({ precision: null, recall: null, f1: null, confusion: null, best_threshold: null });
      expect(out.pairs).toHaveLength(2);
      expect(out.pairs.every((p) => !('is_match' in p) && p.score >= 0 && p.score <= 1)).toBe(true);
    }
  });

  it('names the file, line and column of a bad pair', async () => {
    const r = await runCli(['compare', '--pairs', pairsFile('schema,name1,name2,is_match\nPerson,A,B,true\nPerson,A,B,perhaps\n')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^counterflow: .*pairs\.csv:3 \(is_match\): "perhaps" is not a label; use true\/false, 1\/0 or yes\/no\n$/);
    expect((await runCli(['compare', '--pairs', pairsFile(PAIRS), '--threshold', '1.5'])).code).toBe(2);
    expect((await runCli(['compare'])).code).toBe(2);
  });
});
