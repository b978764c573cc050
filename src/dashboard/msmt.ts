import msmt from './msmt.json' with { type: 'json' };

/** What the dashboard shows of the MSMT report: the period, the total and the figure per year, each with its source. */
export interface MsmtFigures {
  period: string;
  stolenUsd: number;
  byYear: { year: string; usd: number; source: string }[];
  /** The report: title, publication date, address. */
  source: string;
}

/**
 * The cryptocurrency the DPRK stole per the MSMT report of October 2025 (src/dashboard/msmt.json): $1.19
 * billion in 2024 and $1.65 billion January–September 2025. Every figure names the report and quotes it.
 *
 * @example
 * msmtFigures().byYear.find((y) => y.year === '2024')?.usd; // 1190000000
 */
export function msmtFigures(): MsmtFigures {
  const { report } = msmt;
  return {
    period: msmt.period,
    stolenUsd: msmt.stolenUsd,
    byYear: msmt.byYear.map((y) => ({ year: y.year, usd: y.usd, source: `MSMT report, ${report.published}: "${y.quote}"` })),
    source: `${report.title}, ${report.published} (${report.url})`,
  };
}
