import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { ErrorMessage } from '../components/status.js';

interface Props {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the table beside it holds the same figures). */
  label: string;
  height?: number;
}

/**
 * An ECharts chart (SVG), loaded on first use and resized with its box. Its accessible name is the
 * label given here (ECharts' own generated description is off: it would replace that label); every
 * chart on a page also has its figures in a table.
 *
 * @example
 * <EChart label="Stolen per year" option={{ xAxis: …, yAxis: …, series: [{ type: 'bar', data }] }} />
 */
export function EChart({ option, label, height = 280 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption: (o: EChartsCoreOption, notMerge?: boolean) => void; resize: () => void; dispose: () => void } | undefined>(undefined);
  const [error, setError] = useState<unknown>();
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    import('./echarts.js').then(
      ({ echarts }) => {
        if (disposed || !box.current) return;
        const instance = echarts.init(box.current, undefined, { renderer: 'svg' });
        chart.current = instance;
        instance.setOption({ animation: false, ...latest.current }, true);
        observer = new ResizeObserver(() => instance.resize());
        observer.observe(box.current);
      },
      (err: unknown) => setError(err),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
    // The chart is created once; option changes go through setOption below.
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);

  if (error !== undefined) return <ErrorMessage error={error} what="Loading the chart library" />;
  return <div className="chart" ref={box} role="img" aria-label={label} style={{ height }} />;
}
