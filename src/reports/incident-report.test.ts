import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIncident } from '../tracing/labels/incidents.js';
import { incidentDocument } from './incident-document.js';
import { incidentReportData } from './incident-report.js';
import { loadIncidentTrace } from './load-incident-trace.js';
import { renderHtml } from './render-html.js';
import { renderPdf } from './render-pdf.js';
import { inspectPdf } from './test-support/pdf-inspect.js';
import { MINI, MINI_INCIDENT, miniIncidentHome } from './test-support/mini-incident.js';

describe('incident report', () => {
  it('traces the incident when the chain store holds its transfers: flow, exits, charts, appendix', async () => {
    const home = await miniIncidentHome();
    const trace = await loadIncidentTrace(home, undefined, MINI_INCIDENT, { model: 'haircut', hops: 10 });
    const data = incidentReportData(MINI_INCIDENT, trace, '2026-01-01T00:00:00.000Z');
    expect(data.basis.kind).toBe('trace');
    if (data.basis.kind !== 'trace') return;
    const flow = data.basis.flow;
    expect(flow.primaryAsset).toBe('ETH');
    expect(Object.fromEntries(flow.movements.map((m) => [m.label.split(' ')[0], m.amounts]))).toMatchObject({
      Bridged: [{ asset: 'ETH', amount: 400 }],
      Cashed: [{ asset: 'ETH', amount: 300 }],
      Mixed: [{ asset: 'ETH', amount: 150 }],
      Still: [{ asset: 'ETH', amount: 150 }],
    });
    expect(flow.exits.map((x) => [x.service, x.amount, x.share, x.addresses])).toEqual([
      ['TestBridge', 400, 0.4, 1],
      // The wallet that only forwards to the exchange counts as its deposit address (a heuristic label).
      ['TestExchange', 300, 0.3, 2],
      ['TestMixer', 150, 0.15, 1],
    ]);
    expect(flow.patterns.find((p) => p.name === 'fan_out_split')?.summary).toMatch(/split 5 × 200/);
    expect(flow.byHop.map((h) => [h.hop, h.addresses])).toEqual([[0, 1], [1, 5], [2, 3], [3, 2]]);
    expect(flow.daily.map((d) => [d.day, d.amount, d.transfers])).toEqual([
      ['2025-06-01', 1550, 8],
      ['2025-06-02', 350, 3],
    ]);
    expect(flow.addresses[0]).toMatchObject({ address: MINI.seed, hop: 0, role: 'theft receiver' });
    expect(flow.addresses.find((a) => a.address === MINI.bridge)).toMatchObject({ role: 'exit: TestBridge', labels: ['bridge: TestBridge'], taint: [{ asset: 'ETH', amount: 400 }] });
    expect(flow.sankey).toEqual(
      expect.arrayContaining([
        { source: 'Stolen ETH', target: 'Bridges', value: 400 },
        { source: 'Bridges', target: 'TestBridge', value: 400 },
        { source: 'Stolen ETH', target: 'Still held by traced wallets', value: 150 },
      ]),
    );

    const doc = incidentDocument(data);
    const html = renderHtml(doc);
    expect(html).toContain('<caption>Exits by service (where the trace stops: funds pooled in a service)</caption>');
    expect(html).toContain('<td class="">TestBridge</td>');
    expect(html.match(/<svg/g)?.length).toBe(2);
    expect(html).toContain('US$2,000,000 – US$2,500,000');
    expect(html).toContain('가나 Exchange (test)');
    expect(html).toContain('<a href="https://example.org/notice">');
    expect(html).toContain('Haircut model');

    const { pages, text } = inspectPdf(await renderPdf(doc));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('US$2,000,000 – US$2,500,000 (US$2.0–2.5 million)');
    expect(text).toContain('GaNa Exchange (test)');
    expect(text).toContain(MINI.bridge);
    expect(text).toContain(`page ${pages} of ${pages}`);
  });

  it('gives the registry facts only, and says why, when the chain store lacks the transfers', async () => {
    const bybit = findIncident('bybit-2025');
    const trace = await loadIncidentTrace(mkdtempSync(join(tmpdir(), 'cf-report-empty-')), undefined, bybit, { model: 'haircut', hops: 10 });
    expect(trace).toEqual({ unavailable: 'the chain store holds no transfer on ethereum' });
    const doc = incidentDocument(incidentReportData(bybit, trace));
    const html = renderHtml(doc);
    expect(html).toContain('No trace was run: the chain store holds no transfer on ethereum.');
    expect(html).toContain('<caption>Cash-out as published</caption>');
    expect(html).toContain('<td class="">THORChain</td><td class="num">361,255</td>');
    expect(html).toContain('0x47666fab8bd0ac7003bce3f5c3585383f09486e2');
    expect(html.match(/<svg/g)?.length).toBe(1);
    const { pages, text } = inspectPdf(await renderPdf(doc));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('US$1,400,000,000 – US$1,500,000,000 (US$1.40–1.50 billion)');
    expect(text).toContain('401,346.768858404671846374 ETH');
    expect(text).toMatch(/registry facts only: the chain store holds no transfer/);
  });

  it('explains why an incident without stored seed transfers is not traced', async () => {
    const home = await miniIncidentHome();
    const elsewhere = { ...MINI_INCIDENT, addresses: [{ address: '0x00000000000000000000000000000000000000ff', role: 'r', source: 's1', seed: true }] };
    expect(await loadIncidentTrace(home, undefined, elsewhere, { model: 'fifo', hops: 3 })).toEqual({
      unavailable: "the chain store holds no ethereum transfer of the incident's seed address (0x00000000000000000000000000000000000000ff)",
    });
    expect(await loadIncidentTrace(home, undefined, { ...MINI_INCIDENT, addresses: [] }, { model: 'fifo', hops: 3 })).toEqual({
      unavailable: 'the registry names no seed address for test-heist-2025, so there is nothing to trace from',
    });
  });
});
