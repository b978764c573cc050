import { afterEach, describe, expect, it } from 'vitest';
import { saveLocalIncidents } from '../../demo/local-incidents.js';
import { inspectPdf } from '../../reports/test-support/pdf-inspect.js';
import { MINI, MINI_INCIDENT, miniIncidentHome } from '../../reports/test-support/mini-incident.js';
import { CaseStore } from '../../store/case-store.js';
import { caseRoutes } from '../cases/route.js';
import { openFixture, type Fixture } from '../test-support/fixture.js';
import { reportRoutes } from './route.js';

let fx: Fixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

/** The API fixture with the case and report plugins; `home` overrides where chain data and local incidents are read. */
async function open(home?: string): Promise<Fixture> {
  fx = await openFixture();
  const cases = new CaseStore(fx.db);
  await fx.app.register(caseRoutes, { cases, store: fx.store });
  await fx.app.register(reportRoutes, { cases, store: fx.store, ...(home ? { home } : {}) });
  return fx;
}

describe('report routes', () => {
  it('serves the registry-facts incident report as HTML and as a PDF with pages and the USD total', async () => {
    const { app, audit } = await open();
    const html = await app.inject({ url: '/reports/incidents/bybit-2025.html' });
    expect([html.statusCode, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html.body).toContain('<caption>Cash-out as published</caption>');
    expect(html.body).toContain('<svg');
    const pdf = await app.inject({ url: '/reports/incidents/bybit-2025.pdf' });
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.headers['content-disposition']]).toEqual([200, 'application/pdf', 'attachment; filename="bybit-2025.pdf"']);
    const { pages, text } = inspectPdf(pdf.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('US$1,400,000,000 – US$1,500,000,000 (US$1.40–1.50 billion)');
    expect(text).toContain(`page ${pages} of ${pages}`);
    expect((await audit.list({ action: 'report.incident' })).map((e) => [e.subject, (e.detail as { format: string }).format])).toEqual([
      ['incident:bybit-2025', 'html'],
      ['incident:bybit-2025', 'pdf'],
    ]);
  });

  it('traces an incident whose transfers are stored: flow in the report, wallets and payments in the FtM export', async () => {
    const home = await miniIncidentHome();
    saveLocalIncidents(home, [MINI_INCIDENT]);
    const { app } = await open(home);
    const pdf = await app.inject({ url: '/reports/incidents/test-heist-2025.pdf?model=fifo&hops=5' });
    expect(pdf.statusCode).toBe(200);
    const { text } = inspectPdf(pdf.rawPayload);
    expect(text).toContain('US$2,000,000 – US$2,500,000 (US$2.0–2.5 million)');
    expect(text).toContain('trace of the stored ethereum transfers: fifo model, up to 5 hops');
    expect(text).toContain('TestBridge');
    expect(text).toContain('400 ETH');
    const ftm = await app.inject({ url: '/export/trace.ftm.json?incident=test-heist-2025' });
    expect([ftm.statusCode, ftm.headers['content-type']]).toEqual([200, 'application/x-ndjson; charset=utf-8']);
    const entities = ftm.body.trim().split('\n').map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
    expect(entities.filter((e) => e.schema === 'Payment')).toHaveLength(11);
    expect(entities.some((e) => e.schema === 'CryptoWallet' && e.properties.publicKey?.[0] === MINI.bridge)).toBe(true);
  });

  it('serves a case report with items, entity details, decisions and audit entries, and the case as FtM', async () => {
    const { app } = await open();
    const id = (await app.inject({ method: 'POST', url: '/cases', payload: { title: 'Laptop farm 김철수' } })).json().id;
    for (const payload of [
      { kind: 'entity', ref: 'ofac-27307' },
      { kind: 'address', ref: '0x098b716b8aaf21512996dc57eb0615e2383e2f96', label: 'Ronin exploiter' },
      { kind: 'incident', ref: 'bybit-2025' },
      { kind: 'note', ref: 'shared payout wallet' },
    ]) {
      expect((await app.inject({ method: 'POST', url: `/cases/${id}/items`, payload })).statusCode).toBe(201);
    }
    await app.inject({ method: 'POST', url: `/cases/${id}/decisions`, payload: { decision: 'escalate', reason: 'sanctioned wallet in the payout chain' } });

    const html = (await app.inject({ url: `/reports/cases/${id}.html` })).body;
    expect(html).toContain('Laptop farm 김철수');
    expect(html).toContain('LAZARUS GROUP (Organization, ofac-27307)');
    expect(html).toContain('Potonggang District, Pyongyang');
    expect(html).toContain('<td class="">sanctioned: 0x098b716b8aaf21512996dc57eb0615e2383e2f96 (ofac)</td>');
    expect(html).toContain('sanctioned wallet in the payout chain');
    expect(html).toMatch(/<td class="">case\.decision<\/td>/);
    const pdf = await app.inject({ url: `/reports/cases/${id}.pdf` });
    const { pages, text } = inspectPdf(pdf.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Laptop farm GimCheolSu');
    expect(text).toContain('sanctioned wallet in the payout chain');

    const ftm = (await app.inject({ url: `/export/cases/${id}.ftm.json` })).body.trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string });
    expect(ftm[0]).toMatchObject({ id: `case-${id}`, schema: 'Project' });
    expect(ftm.map((e) => e.schema)).toEqual(expect.arrayContaining(['Organization', 'CryptoWallet', 'Event', 'UnknownLink', 'Note']));
  });

  it('answers unknown ids and bad options with a 4xx JSON body', async () => {
    const { app } = await open();
    const cases: [string, number, RegExp][] = [
      ['/reports/incidents/nope-2020.html', 404, /no incident "nope-2020"/],
      ['/reports/incidents/bybit-2025.pdf?model=guess', 400, /querystring\.model/],
      ['/reports/incidents/bybit-2025.html?hops=0', 400, /querystring\.hops/],
      ['/reports/cases/7.pdf', 404, /no case 7/],
      ['/reports/cases/x.html', 400, /params\.id/],
      ['/export/cases/7.ftm.json', 404, /no case 7/],
      ['/export/trace.ftm.json', 400, /querystring\.incident/],
      ['/export/trace.ftm.json?incident=bybit-2025', 404, /no trace of bybit-2025: the chain store holds no transfer on ethereum/],
      ['/reports/incidents/bybit-2025.docx', 404, /no route/],
    ];
    for (const [url, status, message] of cases) {
      const res = await app.inject({ url });
      expect([url, res.statusCode]).toEqual([url, status]);
      expect(res.json().message).toMatch(message);
    }
  });

  it('describes every case, report and export route in the OpenAPI document with the access it needs', async () => {
    const { app } = await open();
    const paths = Object.keys((await app.inject({ url: '/openapi.json' })).json().paths as Record<string, unknown>);
    for (const p of ['/cases', '/cases/{id}', '/cases/{id}/items', '/cases/{id}/decisions', '/reports/incidents/{id}.html', '/reports/incidents/{id}.pdf', '/reports/cases/{id}.html', '/reports/cases/{id}.pdf', '/export/cases/{id}.ftm.json', '/export/trace.ftm.json']) {
      expect(paths).toContain(p);
    }
    expect(app.routeAccess.filter((r) => /^\/(reports|export)\//.test(r.url)).every((r) => r.access === 'read')).toBe(true);
  });
});
