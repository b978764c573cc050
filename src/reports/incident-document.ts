import type { Incident } from '../tracing/labels/incidents.js';
import { sankeySvg, timelineSvg } from './charts.js';
import type { Block, ReportDocument } from './document.js';
import { formatAmount, formatDecimal, formatShare, formatUsdRange } from './format.js';
import type { AssetAmount } from './incident-trace.js';
import type { IncidentReportData } from './incident-report.js';
import { CATEGORY_TITLES, type LaunderingFlow } from './laundering-flow.js';
import { MODEL_NOTES, TRACE_LIMITS, TRACE_NOTES } from './method-notes.js';

export interface IncidentDocumentOptions {
  /** Rows of the addresses appendix (default 300); the rest are counted and left to the FtM export. */
  maxAddresses?: number;
}

const CHART_WIDTH = 760;
/** Patterns listed one by one; the rest are counted. */
const MAX_PATTERNS = 40;

/** Amounts per asset; those that round to nothing are left out. */
function amounts(list: readonly AssetAmount[], none = 'none'): string {
  const shown = list.filter((a) => formatAmount(a.amount) !== '0');
  return shown.length ? shown.map((a) => `${formatAmount(a.amount)} ${a.asset}`).join('; ') : none;
}

/** `[n]`: a source the incident lists, numbered as in the Sources section. */
function sourceTag(incident: Incident, id: string): string {
  const i = incident.sources.findIndex((s) => s.id === id);
  return i < 0 ? `[${id}]` : `[${i + 1}]`;
}

/** `[n] title` of a source the incident lists. */
function sourceRef(incident: Incident, id: string): string {
  const s = incident.sources.find((x) => x.id === id);
  return s ? `${sourceTag(incident, id)} ${s.title}` : sourceTag(incident, id);
}

function summary(data: IncidentReportData): Block {
  const i = data.incident;
  const rows = [
    { label: 'Incident', value: `${i.name} (${i.id})` },
    { label: 'Date', value: i.date },
    { label: 'Victim', value: i.victim },
    { label: 'Stolen', value: i.amounts.length ? i.amounts.map((a) => `${formatDecimal(a.amount)} ${a.asset} ${sourceTag(i, a.source)}`).join('\n') : 'not published' },
    { label: 'Total value (USD)', value: i.usd ? `${formatUsdRange(i.usd.low, i.usd.high)}, at the time, as published: ${sourceRef(i, i.usd.source)}` : 'no sourced USD figure on record' },
    { label: 'Attribution', value: `${i.attribution.actor}; attributed by ${i.attribution.by}: ${sourceRef(i, i.attribution.source)}` },
    { label: 'Chains', value: i.chains.join(', ') || 'not recorded' },
  ];
  const b = data.basis;
  if (b.kind === 'trace') {
    rows.push({ label: 'Basis of the flow', value: `trace of the stored ${b.chain} transfers: ${b.model} model, up to ${b.hops} hops, ${b.flow.transferCount.toLocaleString('en-US')} tainted transfers` });
    for (const m of b.flow.movements) if (amounts(m.amounts, '')) rows.push({ label: m.label.replace(/ \(.*\)$/, ''), value: amounts(m.amounts) });
  } else rows.push({ label: 'Basis of the flow', value: `registry facts only: ${b.reason}` });
  return { type: 'summary', rows };
}

function flowBlocks(flow: LaunderingFlow, data: IncidentReportData): Block[] {
  const asset = flow.primaryAsset;
  const fanOuts = flow.patterns.filter((p) => p.name === 'fan_out_split');
  const out: Block[] = [
    {
      type: 'paragraph',
      text:
        `From ${flow.seeds.length} seed address${flow.seeds.length === 1 ? '' : 'es'}, the funds reached ${flow.addressCount.toLocaleString('en-US')} addresses over ${flow.maxHop} hop${flow.maxHop === 1 ? '' : 's'} ` +
        `in ${flow.transferCount.toLocaleString('en-US')} tainted transfers${flow.firstMovement ? `, from ${flow.firstMovement.slice(0, 16).replace('T', ' ')} to ${flow.lastMovement!.slice(0, 16).replace('T', ' ')} UTC` : ''}.` +
        (fanOuts.length ? ` Fan-out: ${fanOuts.map((p) => p.summary).join('; ')}.` : ''),
    },
    {
      type: 'table',
      caption: 'Bridged, swapped, cashed out, mixed',
      columns: [{ title: 'Movement', width: 3 }, { title: 'Amount', width: 2, align: 'right' }],
      rows: flow.movements.map((m) => [m.label, amounts(m.amounts)]),
      empty: 'no movement',
    },
    {
      type: 'table',
      caption: 'Addresses per hop (an amount is counted again at every address it passes)',
      columns: [{ title: 'Hop', align: 'right' }, { title: 'Addresses', align: 'right' }, { title: `Tainted ${asset} received`, width: 2, align: 'right' }],
      rows: flow.byHop.map((h) => [String(h.hop), h.addresses.toLocaleString('en-US'), formatAmount(h.received)]),
      empty: 'no address reached',
    },
    {
      type: 'table',
      caption: 'Exits by service (where the trace stops: funds pooled in a service)',
      columns: [
        { title: 'Service', width: 2 },
        { title: 'Category', width: 1.4 },
        { title: 'Asset' },
        { title: 'Amount', width: 1.4, align: 'right' },
        { title: 'Share', align: 'right' },
        { title: 'Addresses', align: 'right' },
        { title: 'First hop', align: 'right' },
      ],
      rows: flow.exits.map((x) => [x.service, CATEGORY_TITLES[x.category] ?? x.category, x.asset, formatAmount(x.amount), formatShare(x.share), String(x.addresses), String(x.hop)]),
      empty: 'no traced funds reached a labelled service within the hop limit',
    },
  ];
  if (flow.exits.some((x) => x.asset === asset)) {
    out.push({
      type: 'chart',
      caption: `Where the ${asset} went: stolen funds by service category and service, and what traced wallets still hold (${data.basis.kind === 'trace' ? `${data.basis.model} model` : ''}; other assets in the tables).`,
      width: CHART_WIDTH,
      height: 380,
      svg: (text) => sankeySvg(flow.sankey, CHART_WIDTH, 380, text),
    });
  }
  if (flow.daily.length) {
    out.push({
      type: 'chart',
      caption: `Tainted movements by day (UTC): ${asset} carried by tainted transfers (bars) and the number of tainted transfers in every asset (line).`,
      width: CHART_WIDTH,
      height: 300,
      svg: (text) => timelineSvg(flow.daily, asset, CHART_WIDTH, 300, text),
    });
  }
  if (data.incident.cashOut?.length) {
    out.push({ type: 'heading', level: 3, text: 'Published cash-out' }, { type: 'paragraph', text: 'What the sources published about where the funds went, beside the trace of the stored transfers (which may cover only part of the flow).' }, ...publishedCashOut(data.incident));
  }
  const others = flow.patterns.filter((p) => p.name !== 'fan_out_split');
  if (others.length) {
    out.push({ type: 'heading', level: 3, text: 'Patterns' }, { type: 'list', items: others.slice(0, MAX_PATTERNS).map((p) => ({ text: `${p.name.replace(/_/g, ' ')}: ${p.summary}` })) });
    if (others.length > MAX_PATTERNS) out.push({ type: 'paragraph', text: `${others.length - MAX_PATTERNS} more patterns are in the trace (POST /trace or counterflow trace --json).` });
  }
  return out;
}

/** The cash-out the sources published (table and Sankey), when the registry has it. */
function publishedCashOut(i: Incident): Block[] {
  const cashOut = i.cashOut ?? [];
  const out: Block[] = [
    {
      type: 'table',
      caption: 'Cash-out as published',
      columns: [{ title: 'Service', width: 2 }, { title: 'Amount', align: 'right', width: 1.4 }, { title: 'Asset' }, { title: 'Share', align: 'right' }, { title: 'Source', width: 3 }],
      rows: cashOut.map((c) => [c.service, formatDecimal(c.amount), c.asset, formatShare(c.share), sourceRef(i, c.source)]),
      empty: 'the sources on record publish no cash-out figures',
    },
  ];
  const asset = cashOut[0]?.asset;
  const flows = cashOut.filter((c) => c.asset === asset && Number(c.amount) > 0).map((c) => ({ source: `Stolen ${asset}`, target: c.service, value: Number(c.amount) }));
  if (flows.length) {
    out.push({
      type: 'chart',
      caption: `Where the ${asset} went, as published (${[...new Set(cashOut.map((c) => sourceRef(i, c.source)))].join('; ')}).`,
      width: CHART_WIDTH,
      height: 300,
      svg: (text) => sankeySvg(flows, CHART_WIDTH, 300, text),
    });
  }
  return out;
}

function registryFlowBlocks(data: IncidentReportData & { basis: { kind: 'registry' } }): Block[] {
  const i = data.incident;
  return [
    {
      type: 'paragraph',
      tone: 'note',
      text: `No trace was run: ${data.basis.reason}. This report gives the registry’s facts only, each with its source. Ingest the incident’s transfers (docs/chain.md) and generate the report again for the laundering flow.`,
    },
    ...(i.pattern ? [{ type: 'paragraph', text: `Published pattern: ${i.pattern}` } as Block] : []),
    ...publishedCashOut(i),
  ];
}

function appendix(data: IncidentReportData, max: number): Block[] {
  const i = data.incident;
  if (data.basis.kind === 'trace') {
    const all = data.basis.flow.addresses;
    const rows = all.slice(0, max).map((a) => [a.address, String(a.hop), a.role, amounts(a.taint, a.hop === 0 ? 'seed' : 'none'), a.labels.join('; ')]);
    const blocks: Block[] = [
      {
        type: 'table',
        caption: `Addresses reached by the trace (${all.length.toLocaleString('en-US')}), by hop and taint`,
        columns: [{ title: 'Address', width: 4.6, mono: true }, { title: 'Hop', width: 0.7, align: 'right' }, { title: 'Role', width: 2.4 }, { title: 'Taint received', width: 2, align: 'right' }, { title: 'Labels', width: 2.3 }],
        rows,
        empty: 'no address reached',
      },
    ];
    if (all.length > max) blocks.push({ type: 'paragraph', tone: 'note', text: `${(all.length - max).toLocaleString('en-US')} more addresses are left out here; the FtM export of the trace (GET /export/trace.ftm.json?incident=${i.id}, or counterflow trace --ftm) lists every one.` });
    return blocks;
  }
  return [
    {
      type: 'table',
      caption: 'Addresses named by the registry',
      columns: [{ title: 'Address', width: 4.6, mono: true }, { title: 'Hop', width: 0.7, align: 'right' }, { title: 'Role', width: 2.8 }, { title: 'Taint', width: 1 }, { title: 'Source', width: 2.4 }],
      rows: i.addresses.map((a) => [a.address, a.hop === undefined ? '' : String(a.hop), `${a.role}${a.seed ? ' (trace seed)' : ''}`, 'not traced', sourceRef(i, a.source)]),
      empty: 'the registry names no address for this incident',
    },
    {
      type: 'table',
      caption: 'Services named by the registry',
      columns: [{ title: 'Address', width: 4.6, mono: true }, { title: 'Category', width: 1.4 }, { title: 'Service', width: 2.4 }, { title: 'Source', width: 3 }],
      rows: i.services.map((s) => [s.address, CATEGORY_TITLES[s.category] ?? s.category, `${s.name}${s.detail ? ` (${s.detail})` : ''}`, sourceRef(i, s.source)]),
      empty: 'the registry names no service for this incident',
    },
  ];
}

function method(data: IncidentReportData): Block[] {
  const b = data.basis;
  if (b.kind === 'registry') {
    return [
      { type: 'paragraph', text: `Every figure in this report is the incident registry’s (src/tracing/labels/incidents.json, reviewed against the public sources listed above); each names its source. No trace was run: ${b.reason}.` },
      { type: 'paragraph', text: 'USD figures are those the sources published at the time, not computed by Counterflow.' },
    ];
  }
  return [
    { type: 'paragraph', text: MODEL_NOTES[b.model] },
    { type: 'paragraph', text: `The trace followed the stored ${b.chain} transfers forward from the seeds, in time order, up to ${b.hops} hops.` },
    { type: 'list', items: TRACE_NOTES.map((text) => ({ text })) },
    { type: 'heading', level: 3, text: 'Limits' },
    { type: 'list', items: TRACE_LIMITS.map((text) => ({ text })) },
  ];
}

/**
 * An incident report laid out the way a sanctions panel publishes one: summary box (victim, date, amounts
 * per asset, USD range, attribution, each with its source), the laundering flow (hops, fan-out, amounts
 * bridged, swapped, cashed out and mixed, exits by service, a Sankey of where funds went, a timeline by
 * day), the addresses appendix, sources with URLs, and how it was computed.
 *
 * @example
 * const html = renderHtml(incidentDocument(incidentReportData(incident, trace)));
 */
export function incidentDocument(data: IncidentReportData, options: IncidentDocumentOptions = {}): ReportDocument {
  const i = data.incident;
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: 'Summary' },
    summary(data),
    { type: 'heading', level: 2, text: 'Laundering flow' },
    ...(data.basis.kind === 'trace' ? flowBlocks(data.basis.flow, data) : registryFlowBlocks(data as IncidentReportData & { basis: { kind: 'registry' } })),
    { type: 'heading', level: 2, text: 'Addresses' },
    ...appendix(data, options.maxAddresses ?? 300),
    { type: 'heading', level: 2, text: 'Sources' },
    { type: 'list', items: i.sources.map((s) => ({ text: [s.title, s.date, s.note].filter(Boolean).join(' · '), ...(s.url ? { url: s.url } : {}) })) },
    { type: 'heading', level: 2, text: 'How this was computed' },
    ...method(data),
  ];
  return { title: `Incident report: ${i.name}`, subtitle: `${i.id} · ${i.date} · generated ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC by Counterflow`, blocks };
}
