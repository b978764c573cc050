import { useMemo } from 'react';
import { EChart } from '../../charts/EChart.js';
import { Source } from '../../components/status.js';
import { assetName, formatNumber } from '../../lib/format.js';
import { timelineData, type FilteredTrace } from '../../lib/trace-view.js';

/**
 * Tainted movements by UTC day: tainted amount of the chosen asset (bars) and transfer count (line),
 * with a zoom slider; dormancy shows as a gap.
 *
 * @example
 * <TraceTimeline view={view} asset="native" chain="ethereum" />
 */
export function TraceTimeline({ view, asset, chain }: { view: FilteredTrace; asset: string; chain: string }) {
  const days = useMemo(() => timelineData(view, asset), [view, asset]);
  const unit = assetName(asset, chain);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 70, right: 60, top: 30, bottom: 60 },
      dataZoom: [{ type: 'slider', bottom: 8 }],
      xAxis: { type: 'category', data: days.map((d) => d.day) },
      yAxis: [
        { type: 'value', name: unit, axisLabel: { formatter: (v: number) => formatNumber(v, 0) } },
        { type: 'value', name: 'transfers', splitLine: { show: false } },
      ],
      series: [
        { name: `tainted ${unit} moved`, type: 'bar', data: days.map((d) => d.taint), itemStyle: { color: '#be123c' } },
        { name: 'tainted transfers', type: 'line', yAxisIndex: 1, data: days.map((d) => d.transfers), itemStyle: { color: '#0b5cad' }, symbol: 'circle', symbolSize: 4 },
      ],
    }),
    [days, unit],
  );
  const busiest = [...days].sort((a, b) => b.transfers - a.transfers).slice(0, 10);
  return (
    <section className="panel" aria-label="Timeline of tainted movements">
      {days.length === 0 ? <p>No tainted transfer with the current filters.</p> : <EChart option={option} label={`Timeline of tainted ${unit} moved and tainted transfers per day`} height={320} />}
      {busiest.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>Busiest days</caption>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col" className="num">Tainted transfers</th>
                <th scope="col" className="num">Tainted {unit} moved</th>
              </tr>
            </thead>
            <tbody>
              {busiest.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  <td className="num">{formatNumber(d.transfers, 0)}</td>
                  <td className="num">{formatNumber(d.taint)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Source>tainted transfers of the trace, grouped by UTC day of the block time.</Source>
    </section>
  );
}
