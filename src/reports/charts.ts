import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/**
 * Renders an ECharts option to an SVG string on the server (no DOM, no browser). Animation is off and
 * label outlines are removed: SVG-to-PDF drawing has no `paint-order`, so an outline would cover the text.
 *
 * @example
 * renderChartSvg({ xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] }, 600, 300);
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface SankeyFlow {
  source: string;
  target: string;
  value: number;
}

/**
 * A Sankey diagram of flows (node names must differ; values in one unit). Labels go through `text`.
 *
 * @example
 * sankeySvg([{ source: 'Stolen ETH', target: 'Bridges', value: 361255 }], 720, 360);
 */
export function sankeySvg(flows: readonly SankeyFlow[], width: number, height: number, text: (s: string) => string = (s) => s): string {
  const names = new Set<string>();
  for (const f of flows) names.add(f.source).add(f.target);
  return renderChartSvg(
    {
      series: [
        {
          type: 'sankey',
          left: 10,
          right: 170,
          top: 10,
          bottom: 10,
          nodeGap: 10,
          emphasis: { focus: 'adjacency' },
          data: [...names].map((name) => ({ name: text(name) })),
          links: flows.filter((f) => f.value > 0).map((f) => ({ source: text(f.source), target: text(f.target), value: f.value })),
          label: { fontSize: 11, color: '#222', textBorderWidth: 0, width: 160, overflow: 'truncate' },
          lineStyle: { color: 'gradient', opacity: 0.35 },
        },
      ],
    },
    width,
    height,
  );
}

export interface DailyMovement {
  /** YYYY-MM-DD */
  day: string;
  amount: number;
  transfers: number;
}

/**
 * Bars of an amount per day with the number of transfers as a line on a second axis.
 *
 * @example
 * timelineSvg([{ day: '2025-02-21', amount: 400000, transfers: 41 }], 'ETH', 720, 300);
 */
export function timelineSvg(days: readonly DailyMovement[], unit: string, width: number, height: number, text: (s: string) => string = (s) => s): string {
  return renderChartSvg(
    {
      grid: { left: 80, right: 60, top: 40, bottom: 50 },
      legend: { top: 5, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: days.map((d) => d.day), axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', name: text(unit), axisLabel: { fontSize: 10 } },
        { type: 'value', name: text('transfers'), minInterval: 1, axisLabel: { fontSize: 10 }, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: text(`tainted ${unit}`), data: days.map((d) => d.amount), itemStyle: { color: '#b3412c' } },
        { type: 'line', name: text('transfers'), yAxisIndex: 1, data: days.map((d) => d.transfers), itemStyle: { color: '#2f5d8a' }, symbolSize: 5 },
      ],
    },
    width,
    height,
  );
}
