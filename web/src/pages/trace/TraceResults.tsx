import { useMemo, useState } from 'react';
import type { TraceReport, TraceRequest } from '../../api-types.js';
import { AddToCase } from '../../components/AddToCase.js';
import { Source } from '../../components/status.js';
import { Tabs } from '../../components/Tabs.js';
import { assetName, formatAmount, formatNumber, shortAddress } from '../../lib/format.js';
import { href } from '../../lib/route.js';
import { filterTrace, mainAsset, openFilters, traceBounds, type TraceFilters } from '../../lib/trace-view.js';
import { AddressPanel } from './AddressPanel.js';
import { ExitsSankey } from './ExitsSankey.js';
import { FlowGraph } from './FlowGraph.js';
import { ServicePanel } from './ServicePanel.js';
import { TraceFiltersForm } from './TraceFiltersForm.js';
import { TraceTimeline } from './TraceTimeline.js';

/**
 * A finished trace: summary, client-side filters, and the views (graph, where the funds ended,
 * timeline, addresses, patterns); clicking a node or a row opens the address panel.
 *
 * @example
 * <TraceResults report={report} request={{ incident: 'demo-bybit-like-2025' }} />
 */
export function TraceResults({ report, request }: { report: TraceReport; request: TraceRequest }) {
  const bounds = useMemo(() => traceBounds(report), [report]);
  const [filters, setFilters] = useState<TraceFilters>(() => openFilters(bounds));
  const view = useMemo(() => filterTrace(report, filters), [report, filters]);
  const asset = filters.asset || mainAsset(view) || bounds.assets[0] || 'native';
  const [tab, setTab] = useState('graph');
  const [selected, setSelected] = useState<string | undefined>();
  const chain = request.chain ?? 'ethereum';
  const subject = request.incident ? `incident ${request.incident}` : `${request.from_address?.length ?? 0} address(es)`;
  const method = `${request.model ?? 'haircut'} taint model, ${request.direction ?? 'forward'}, up to ${request.hops ?? 10} hops, chain ${chain}`;
  const exitTotal = view.exits.filter((x) => x.asset === asset).reduce((n, x) => n + x.amount, 0);

  return (
    <>
      <section className="panel" aria-labelledby="trace-summary">
        <h2 id="trace-summary">Trace of {subject}</h2>
        <p>
          {formatNumber(report.addresses.length, 0)} tainted address holdings, {formatNumber(report.edges.length, 0)} tainted transfers, {report.exits.length} exits at services
          {report.patterns.length ? `, ${report.patterns.length} laundering patterns` : ''}. Shown after filters: {formatNumber(view.addresses.length, 0)} holdings, {formatNumber(view.edges.length, 0)} transfers, {view.exits.length} exits (
          {formatAmount(exitTotal, asset, chain)} reached services).
        </p>
        <Source>
          POST /trace over the chain store; {method}. Labels: tagpacks, OFAC, incident registry, user labels and heuristics (each label names its origin).
        </Source>
        {request.incident && (
          <div className="button-row">
            <a className="button btn-secondary btn-case" href={href(['reports'], { incident: request.incident })}>
              Incident report (HTML, PDF)
            </a>
            <AddToCase kind="incident" itemRef={request.incident} label={subject} text="Add the incident to a case" />
          </div>
        )}
        <TraceFiltersForm bounds={bounds} filters={filters} onChange={setFilters} chain={chain} />
      </section>

      <Tabs
        label="Trace views"
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'graph', label: 'Flow graph', content: <FlowGraph view={view} exits={report.exits} selected={selected} onSelect={setSelected} chain={chain} /> },
          { id: 'sankey', label: 'Where the funds ended', content: <ExitsSankey view={view} asset={asset} chain={chain} onSelect={setSelected} /> },
          { id: 'timeline', label: 'Timeline', content: <TraceTimeline view={view} asset={asset} chain={chain} /> },
          {
            id: 'addresses',
            label: `Addresses (${view.addresses.length})`,
            content: <AddressesTable view={view} chain={chain} onSelect={setSelected} />,
          },
          { id: 'patterns', label: `Patterns (${report.patterns.length})`, content: <Patterns report={report} onSelect={setSelected} /> },
        ]}
      />
      {selected?.startsWith('service:') ? (
        <ServicePanel nodeId={selected} exits={report.exits} chain={chain} onSelect={setSelected} onClose={() => setSelected(undefined)} />
      ) : (
        selected && <AddressPanel address={selected} report={report} chain={chain} onClose={() => setSelected(undefined)} />
      )}
    </>
  );
}

function AddressesTable({ view, chain, onSelect }: { view: ReturnType<typeof filterTrace>; chain: string; onSelect: (a: string) => void }) {
  const [limit, setLimit] = useState(300);
  const rows = view.addresses.slice(0, limit);
  return (
    <section className="panel" aria-label="Tainted addresses">
      <div className="table-wrap scroll">
        <table>
          <caption className="visually-hidden">Tainted addresses by hop</caption>
          <thead>
            <tr>
              <th scope="col" className="num">Hop</th>
              <th scope="col">Address</th>
              <th scope="col">Asset</th>
              <th scope="col" className="num">Tainted received</th>
              <th scope="col" className="num">Tainted balance</th>
              <th scope="col">Labels</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={`${a.address}:${a.asset}`}>
                <td className="num">{a.hop}</td>
                <td className="mono">
                  <button type="button" className="btn-link mono" onClick={() => onSelect(a.address)} title={a.address}>
                    {shortAddress(a.address, 6)}
                  </button>
                </td>
                <td>{assetName(a.asset, chain)}</td>
                <td className="num">{formatNumber(a.tainted_received)}</td>
                <td className="num">{formatNumber(a.tainted_balance)}</td>
                <td>
                  {a.labels.map((l) => (
                    <span className="pill" key={`${l.category}:${l.name}:${l.origin}`} title={l.basis ?? `origin: ${l.origin}`}>
                      {l.name} ({l.category.replace(/_/g, ' ')}, {l.origin})
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.addresses.length > limit && (
        <button type="button" className="btn-secondary" onClick={() => setLimit(limit + 500)}>
          Show more ({view.addresses.length - limit} left)
        </button>
      )}
    </section>
  );
}

function Patterns({ report, onSelect }: { report: TraceReport; onSelect: (a: string) => void }) {
  if (report.patterns.length === 0) return <p className="panel">No laundering pattern detected in this trace.</p>;
  return (
    <section className="panel" aria-label="Laundering patterns">
      <ul>
        {report.patterns.map((p, i) => (
          <li key={`${p.name}-${i}`}>
            <strong>{p.name.replace(/_/g, ' ')}</strong>: {p.summary}{' '}
            {p.addresses[0] && (
              <button type="button" className="btn-link mono" onClick={() => onSelect(p.addresses[0]!)}>
                {shortAddress(p.addresses[0])}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Source>pattern detectors of src/tracing/patterns (fan-out, peel chain, dormancy then burst, re-convergence, consolidation), each with its evidence in the JSON.</Source>
    </section>
  );
}
