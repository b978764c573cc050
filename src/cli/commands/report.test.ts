import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveLocalIncidents } from '../../demo/local-incidents.js';
import { inspectPdf } from '../../reports/test-support/pdf-inspect.js';
import { MINI_INCIDENT, miniIncidentHome } from '../../reports/test-support/mini-incident.js';
import { main } from '../main.js';

async function cli(home: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['--home', home, ...args], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), interactive: false });
  return { code, out, err };
}

describe('counterflow report', () => {
  it('writes an incident report as HTML and PDF from the registry when no transfers are stored, and says so', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-report-cli-'));
    const html = join(home, 'bybit.html');
    const pdf = join(home, 'bybit.pdf');
    const r = await cli(home, 'report', 'incident', 'bybit-2025', '--html', html, '--pdf', pdf);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`wrote ${html}\nwrote ${pdf}\n`);
    expect(r.err).toBe('note: registry facts only: the chain store holds no transfer on ethereum\n');
    expect(readFileSync(html, 'utf8')).toContain('<caption>Cash-out as published</caption>');
    const { pages, text } = inspectPdf(readFileSync(pdf));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('US$1,400,000,000 – US$1,500,000,000 (US$1.40–1.50 billion)');
  });

  it('traces an incident whose transfers are stored, with the model asked for', async () => {
    const home = await miniIncidentHome();
    saveLocalIncidents(home, [MINI_INCIDENT]);
    const pdf = join(home, 'heist.pdf');
    const r = await cli(home, 'report', 'incident', 'test-heist-2025', '--pdf', pdf, '--model', 'poison', '--hops', '4');
    expect([r.code, r.err]).toEqual([0, '']);
    const { text } = inspectPdf(readFileSync(pdf));
    expect(text).toContain('trace of the stored ethereum transfers: poison model, up to 4 hops');
    expect(text).toContain('TestMixer');
    const summary = await cli(home, 'report', 'incident', 'test-heist-2025');
    expect(summary.out).toMatch(/^Incident report: Test heist\n {2}Incident: Test heist \(test-heist-2025\)\n[^]*Bridged: 400 ETH\n[^]*\(give --html FILE and\/or --pdf FILE for the whole report\)\n$/);
  });

  it('writes a case report with its decisions', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-report-cli-'));
    await cli(home, 'case', 'create', 'Laptop farm');
    await cli(home, 'case', 'add', '1', '--worker', 'W-7', '--label', '김철수');
    await cli(home, 'case', 'decide', '1', '--decision', 'escalate', '--reason', 'shared payout wallet');
    const html = join(home, 'case.html');
    const pdf = join(home, 'case.pdf');
    expect((await cli(home, 'report', 'case', '1', '--html', html, '--pdf', pdf)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('김철수');
    const { text } = inspectPdf(readFileSync(pdf));
    expect(text).toContain('shared payout wallet');
    expect(text).toContain('GimCheolSu');
    expect(text).toContain('case.decision');
  });

  it('refuses unknown ids and bad options', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cf-report-cli-'));
    expect(await cli(home, 'report', 'incident', 'nope-2020')).toMatchObject({ code: 1, err: expect.stringMatching(/unknown incident "nope-2020"/) });
    expect(await cli(home, 'report', 'incident', 'bybit-2025', '--model', 'guess')).toMatchObject({ code: 1, err: expect.stringMatching(/--model: expected haircut, poison, fifo/) });
    expect((await cli(home, 'report', 'incident', 'bybit-2025', '--hops', '0')).code).toBe(2);
    expect(await cli(home, 'report', 'case', '3')).toMatchObject({ code: 1, err: expect.stringMatching(/no case 3/) });
    expect(await cli(home, 'report', 'incident', 'bybit-2025', '--pdf', join(home, 'missing-dir', 'x.pdf'))).toMatchObject({ code: 1, err: expect.stringMatching(/cannot write .*x\.pdf/) });
  });
});
