import { useMemo } from 'react';
import { api } from '../../api.js';
import type { Dashboard, DashboardIncident } from '../../api-types.js';
import { EChart } from '../../charts/EChart.js';
import { ErrorMessage, Loading, Source } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import { assetName, formatNumber, formatShare, formatUsd, formatUsdRange } from '../../lib/format.js';
import { DEMO_INCIDENT } from '../../lib/demo.js';
import { href } from '../../lib/route.js';

/**
 * The dashboard: what DPRK-linked actors stole (MSMT figures, per year and per incident from the
 * registry), where the demo incident's funds went, open cases and alerts, what is loaded.
 *
 * @example
 * <DashboardPage />
 */
export default function DashboardPage() {
  const { data, error, loading } = useAsync(() => api.dashboard(), []);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lede">Revenue from theft and where it went, with the source of every figure.</p>
      {loading && <Loading what="Loading the dashboard" />}
      {error && <ErrorMessage error={error} what="Loading the dashboard" />}
      {data && <DashboardView d={data} />}
    </>
  );
}

function attributionText(a: DashboardIncident['attribution']): string {
  if (typeof a === 'string') return a;
  return `${a.actor}${a.by ? ` (per ${a.by})` : ''}`;
}

function DashboardView({ d }: { d: Dashboard }) {
  const yearOption = useMemo(() => stolenPerYearOption(d), [d]);
  const serviceOption = useMemo(() => fundsByServiceOption(d), [d]);
  const sources = [...new Set(d.msmt.byYear.map((y) => y.source))];
  const listEntries = d.lists.reduce((n, l) => n + l.targetCount, 0);
  const dprkEntries = d.lists.reduce((n, l) => n + l.dprkEntries, 0);
  return (
    <>
      <section className="kpis" aria-label="Key figures">
        <div className="kpi">
          <div className="kpi-label">Stolen by DPRK actors, {d.msmt.period}</div>
          <div className="kpi-value">{formatUsd(d.msmt.stolenUsd)}</div>
          <Source>MSMT report: the yearly figures beside it added up</Source>
        </div>
        {d.msmt.byYear.map((y) => (
          <div className="kpi" key={String(y.year)}>
            <div className="kpi-label">Stolen in {y.year}</div>
            <div className="kpi-value">{formatUsd(y.usd)}</div>
            <Source>{y.source}</Source>
          </div>
        ))}
        <div className="kpi">
          <div className="kpi-label">Open cases</div>
          <div className="kpi-value">
            <a href="#/cases">{d.openCases}</a>
          </div>
          <Source>case store</Source>
        </div>
        <div className="kpi">
          <div className="kpi-label">Open alerts</div>
          <div className="kpi-value">{d.openAlerts}</div>
          <Source>screening hits to review and vetting results to verify or escalate, without a decision yet</Source>
        </div>
      </section>

      <div className="grid-2">
        <section className="panel" aria-labelledby="per-year">
          <h2 id="per-year">Stolen per year</h2>
          <EChart option={yearOption} label="Bar chart of USD stolen per year: MSMT totals and the low and high estimates of the incidents in the registry" height={260} />
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Stolen per year</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  <th scope="col" className="num">MSMT</th>
                  <th scope="col" className="num">Incidents</th>
                  <th scope="col" className="num">Registry USD</th>
                </tr>
              </thead>
              <tbody>
                {mergeYears(d).map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{y.year}</th>
                    <td className="num">{y.msmt === undefined ? '—' : formatUsd(y.msmt)}</td>
                    <td className="num">{y.incidents ?? '—'}</td>
                    <td className="num">{y.low === undefined ? '—' : formatUsdRange(y.low, y.high)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Source>MSMT totals: {d.msmt.source ?? sources.join('; ')}. Registry: the reviewed incident registry (src/tracing/labels/incidents.json), each figure with its own source on the incident report.</Source>
        </section>

        <section className="panel" aria-labelledby="by-service">
          <h2 id="by-service">Where the funds went, by service</h2>
          {d.fundsByService.length === 0 ? (
            <p>No traced incident has its transfers loaded yet.</p>
          ) : (
            <>
              <EChart option={serviceOption} label="Bar chart of the traced funds that reached each service, as a share of the stolen amount" height={Math.max(180, 34 * d.fundsByService.length + 40)} />
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Funds by service</caption>
                  <thead>
                    <tr>
                      <th scope="col">Service</th>
                      <th scope="col">Category</th>
                      <th scope="col" className="num">Amount</th>
                      <th scope="col" className="num">Share</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.fundsByService.map((s) => (
                      <tr key={`${s.category}:${s.name}:${s.asset}`}>
                        <th scope="row">{s.name}</th>
                        <td>{s.category.replace(/_/g, ' ')}</td>
                        <td className="num">
                          {formatNumber(s.amount)} {assetName(s.asset)}
                          {s.usd !== undefined ? ` (${formatUsd(s.usd)})` : ''}
                        </td>
                        <td className="num">{formatShare(s.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <Source>
            exits of the trace of the demo incident <a href={href(['trace'], { incident: DEMO_INCIDENT.id })}>{DEMO_INCIDENT.id}</a> (a generated scenario, not a real incident) and of any real incident whose transfers are loaded; haircut taint
            model; share of the stolen amount of that asset.
          </Source>
        </section>
      </div>

      <section className="panel" aria-labelledby="incidents">
        <h2 id="incidents">Incidents</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Incidents in the registry</caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Date</th>
                <th scope="col">Victim</th>
                <th scope="col">Chains</th>
                <th scope="col" className="num">Stolen (USD)</th>
                <th scope="col">Attribution</th>
                <th scope="col">Open</th>
              </tr>
            </thead>
            <tbody>
              {d.incidents.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{i.date}</td>
                  <td>{i.victim}</td>
                  <td>{i.chains.join(', ')}</td>
                  <td className="num">{formatUsdRange(i.usdLow, i.usdHigh)}</td>
                  <td>{attributionText(i.attribution)}</td>
                  <td>
                    <a href={href(['trace'], { incident: i.id })}>Trace</a> · <a href={href(['reports'], { incident: i.id })}>Report</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Source>incident registry (src/tracing/labels/incidents.json); USD as published at the time, attribution by the named authority.</Source>
      </section>

      <section className="panel" aria-labelledby="loaded">
        <h2 id="loaded">What is loaded</h2>
        <p>
          {formatNumber(listEntries, 0)} listed entries ({formatNumber(dprkEntries, 0)} under DPRK sanctions) in {d.lists.length} list versions; {formatNumber(d.chain.transfers, 0)} transfers between{' '}
          {formatNumber(d.chain.addresses, 0)} addresses in the chain store.
        </p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">List versions</caption>
            <thead>
              <tr>
                <th scope="col">List version</th>
                <th scope="col" className="num">Entries</th>
                <th scope="col" className="num">DPRK entries</th>
                <th scope="col">Published</th>
              </tr>
            </thead>
            <tbody>
              {d.lists.map((l) => (
                <tr key={l.ref}>
                  <th scope="row" className="mono">
                    {l.ref}
                  </th>
                  <td className="num">{formatNumber(l.targetCount, 0)}</td>
                  <td className="num">{formatNumber(l.dprkEntries, 0)}</td>
                  <td>{l.publishedAt?.slice(0, 10) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Source>the store's active list versions (`counterflow lists status`).</Source>
      </section>
    </>
  );
}

interface YearRow {
  year: string;
  msmt?: number;
  incidents?: number;
  low?: number;
  high?: number;
}

function mergeYears(d: Dashboard): YearRow[] {
  const rows = new Map<string, YearRow>();
  const row = (year: string) => rows.get(year) ?? rows.set(year, { year }).get(year)!;
  for (const y of d.stolenPerYear) Object.assign(row(String(y.year)), { incidents: y.incidents, low: y.usdLow, high: y.usdHigh });
  for (const y of d.msmt.byYear) row(String(y.year)).msmt = y.usd;
  return [...rows.values()].sort((a, b) => a.year.localeCompare(b.year));
}

function stolenPerYearOption(d: Dashboard) {
  const years = mergeYears(d);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsd(v) },
    legend: { top: 0 },
    grid: { left: 64, right: 12, top: 32, bottom: 28 },
    xAxis: { type: 'category', data: years.map((y) => y.year) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsd(v) } },
    series: [
      { name: 'MSMT total', type: 'bar', data: years.map((y) => y.msmt ?? null), itemStyle: { color: '#0b5cad' }, label: { show: true, position: 'top', formatter: (p: { value: number }) => (p.value ? formatUsd(p.value) : '') } },
      { name: 'Registry (low)', type: 'bar', data: years.map((y) => y.low ?? null), itemStyle: { color: '#94a3b8' } },
      { name: 'Registry (high)', type: 'bar', data: years.map((y) => y.high ?? null), itemStyle: { color: '#cbd5e1', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0.8 } } },
    ],
  };
}

function fundsByServiceOption(d: Dashboard) {
  const rows = [...d.fundsByService].sort((a, b) => a.share - b.share);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatShare(v) },
    grid: { left: 140, right: 56, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatShare(v) } },
    yAxis: { type: 'category', data: rows.map((r) => `${r.name} (${assetName(r.asset)})`), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map((r) => r.share), itemStyle: { color: '#7c3aed' }, label: { show: true, position: 'right', formatter: (p: { value: number }) => formatShare(p.value) } }],
  };
}
