import { useMemo } from 'react';
import { EChart } from '../../charts/EChart.js';
import { Source } from '../../components/status.js';
import { categoryColour } from '../../graph/categories.js';
import { assetName, formatNumber } from '../../lib/format.js';
import { sankeyData, type FilteredTrace } from '../../lib/trace-view.js';
import { ExitCells, ExitHeaderCells } from './ExitCells.js';

/**
 * Where the traced funds ended: a Sankey (traced → category → service, plus what still sits in
 * unlabelled wallets) for one asset, and the exits table for all.
 *
 * @example
 * <ExitsSankey view={view} asset="native" chain="ethereum" onSelect={setSelected} />
 */
export function ExitsSankey({ view, asset, chain, onSelect }: { view: FilteredTrace; asset: string; chain: string; onSelect: (a: string) => void }) {
  const unit = assetName(asset, chain);
  const data = useMemo(() => sankeyData(view, asset, unit), [view, asset, unit]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', valueFormatter: (v: number) => `${formatNumber(v)} ${unit}` },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 230,
          top: 10,
          bottom: 10,
          nodeGap: 10,
          emphasis: { focus: 'adjacency' },
          data: data.nodes.map((n) => ({ name: n.name, itemStyle: { color: n.name.startsWith('category: ') ? categoryColour(n.name.slice(10)) : n.name.startsWith('Traced') ? '#be123c' : n.name.startsWith('still') ? '#94a3b8' : '#475569' } })),
          links: data.links,
          label: { fontSize: 11, formatter: (p: { name: string; value: number }) => `${p.name}: ${formatNumber(p.value)} ${unit}` },
          lineStyle: { color: 'gradient', opacity: 0.45 },
        },
      ],
    }),
    [data, unit],
  );
  return (
    <section className="panel" aria-label="Where the funds ended">
      {data.links.length === 0 ? (
        <p>No traced {unit} reached a labelled service with the current filters.</p>
      ) : (
        <EChart option={option} label={`Sankey diagram of where the traced ${unit} ended, by service category and service`} height={Math.max(300, 26 * data.nodes.length)} />
      )}
      <div className="table-wrap scroll">
        <table>
          <caption>Exits at services (all assets)</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Category</th>
              <ExitHeaderCells />
            </tr>
          </thead>
          <tbody>
            {view.exits.map((x) => (
              <tr key={`${x.address}:${x.asset}`}>
                <th scope="row">{x.service}</th>
                <td>{x.category.replace(/_/g, ' ')}</td>
                <ExitCells exit={x} chain={chain} onSelect={onSelect} links />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Source>exits of the trace: addresses labelled as services, where taint stops; share = part of the taint created in that asset (seeded plus converted).</Source>
    </section>
  );
}
