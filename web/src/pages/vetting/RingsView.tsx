import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { useMemo } from 'react';
import type { Ring, VetReport } from '../../api-types.js';
import { AddToCase } from '../../components/AddToCase.js';
import { Badge, Source } from '../../components/status.js';
import { GraphView } from '../../graph/GraphView.js';

const LEVEL_COLOURS = new Map([
  ['critical', '#b91c1c'],
  ['high', '#ea580c'],
  ['medium', '#d97706'],
  ['low', '#16a34a'],
]);

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 12,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'background-color': 'data(colour)',
      'border-width': 1,
      'border-color': '#1f2937',
      width: 'data(size)',
      height: 'data(size)',
    },
  },
  {
    selector: 'node.identifier',
    style: { shape: 'round-rectangle', 'background-color': '#e2e8f0', width: 16, height: 16, 'font-size': 11, color: '#1e293b', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': '2px' },
  },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
  { selector: 'edge', style: { width: 1.5, 'line-color': '#94a3b8', 'curve-style': 'bezier' } },
  {
    selector: 'edge.similar',
    style: {
      label: 'data(label)',
      'font-size': 9,
      color: '#334155',
      'line-style': 'dashed',
      'line-color': '#64748b',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
];

/**
 * Facilitator rings: pick a ring, see its members as a graph with the shared identifiers (kind and
 * value) on the links, and the same links as a table.
 *
 * @example
 * <RingsView report={report} names={names} selected={ring} onSelect={setRing} />
 */
export function RingsView({ report, names, selected, onSelect }: { report: VetReport; names: Map<string, string>; selected: string | undefined; onSelect: (ring: string) => void }) {
  const ring = report.rings.find((r) => r.id === selected) ?? report.rings[0];
  const elements = useMemo(() => (ring ? ringElements(ring, report, names) : []), [ring, report, names]);
  if (report.rings.length === 0) return <p className="panel">No ring: no two records share an identifier strongly enough to be linked.</p>;
  return (
    <section className="panel" aria-label="Facilitator rings">
      <div className="grid-3">
        <div>
          {ring && (
            <>
              <h2>
                Ring {ring.id}: {ring.members.length} records, highest score {ring.max_score}
              </h2>
              <GraphView elements={elements} stylesheet={STYLE} layout="hubs" label={`Ring ${ring.id}: ${ring.members.length} records linked by the identifiers they share; the table below lists the links`} height={460} />
              <p className="meta">Circles: records (colour and words give the level). Grey boxes: identifiers two or more records share. Dashed lines: similar photos or résumé texts.</p>
              <div className="table-wrap">
                <table>
                  <caption>Members of ring {ring.id}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Record</th>
                      <th scope="col">Name</th>
                      <th scope="col">Level</th>
                      <th scope="col">Case</th>
                    </tr>
                  </thead>
                  <tbody>
                    {ring.members.map((m) => (
                      <tr key={m}>
                        <th scope="row" className="mono">
                          {m}
                        </th>
                        <td>{names.get(m) ?? '—'}</td>
                        <td>
                          <LevelOf id={m} report={report} />
                        </td>
                        <td>
                          <AddToCase kind="worker" itemRef={m} label={names.get(m) ?? m} text="Add" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
        <div>
          <h2>Rings</h2>
          <ul className="node-list" style={{ listStyle: 'none', padding: 0, maxHeight: 480 }} aria-label="Rings">
            {report.rings.map((r) => (
              <li key={r.id}>
                <button type="button" aria-current={r.id === ring?.id} onClick={() => onSelect(r.id)}>
                  {r.id}: {r.members.length} records, max score {r.max_score}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {ring && (
        <div className="table-wrap scroll">
          <table>
            <caption>Links of ring {ring.id}: what the records share</caption>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Record</th>
                <th scope="col" className="num">Strength</th>
                <th scope="col">Shared identifiers</th>
              </tr>
            </thead>
            <tbody>
              {ring.links.map((l) => (
                <tr key={`${l.a}-${l.b}`}>
                  <td>
                    {names.get(l.a) ?? ''} <span className="mono">{l.a}</span> <LevelOf id={l.a} report={report} />
                  </td>
                  <td>
                    {names.get(l.b) ?? ''} <span className="mono">{l.b}</span> <LevelOf id={l.b} report={report} />
                  </td>
                  <td className="num">{l.strength.toFixed(2)}</td>
                  <td>
                    {l.shared.map((s) => (
                      <span className="pill" key={`${s.kind}:${s.value}`}>
                        {s.label || s.kind}: {s.value}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Source>identifier links of src/vetting/links (addresses, devices, payout accounts, resume text, photos …) with their weights; rings are connected groups of strongly linked records.</Source>
    </section>
  );
}

function LevelOf({ id, report }: { id: string; report: VetReport }) {
  const r = report.records.find((x) => x.id === id);
  return r ? <Badge value={r.level} /> : null;
}

/** A shared item whose value describes the pair (a photo distance, a text similarity), not an identifier both hold. */
function describesPair(s: { kind: string; value: string }): boolean {
  return /similar|distance/i.test(s.value);
}

/** `drop address (shipping address where …)` → `drop address`. */
function shortLabel(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, '') || label;
}

/**
 * The ring as a graph: one node per record (coloured by level, with its name, level and score), one
 * node per identifier the records share (its kind and value: a payout account, a drop address, a
 * device) linked to each record that holds it; similarities that belong to a pair (photos, résumés)
 * are dashed links between the two records, labelled.
 */
function ringElements(ring: Ring, report: VetReport, names: Map<string, string>): ElementDefinition[] {
  const byId = new Map(report.records.map((r) => [r.id, r]));
  const elements: ElementDefinition[] = ring.members.map((m) => {
    const r = byId.get(m);
    return {
      group: 'nodes',
      data: { id: `w:${m}`, label: `${names.get(m) ?? m} (${r?.level ?? '?'} ${r?.score ?? ''})`, colour: LEVEL_COLOURS.get(r?.level ?? '') ?? '#64748b', size: 18 + Math.round((r?.score ?? 0) / 6) },
    };
  });
  const identifiers = new Map<string, Set<string>>();
  for (const l of ring.links) {
    for (const s of l.shared) {
      if (describesPair(s)) {
        const figure = /\d+% similar|distance \d+ of \d+/i.exec(s.value)?.[0] ?? s.value;
        elements.push({ group: 'edges', classes: 'similar', data: { id: `p:${l.a}:${l.b}:${s.kind}`, source: `w:${l.a}`, target: `w:${l.b}`, label: `${shortLabel(s.label)} ${figure}` } });
        continue;
      }
      const key = `${shortLabel(s.label)}\n${s.value.length > 34 ? `${s.value.slice(0, 33)}…` : s.value}`;
      const holders = identifiers.get(key) ?? new Set<string>();
      holders.add(l.a);
      holders.add(l.b);
      identifiers.set(key, holders);
    }
  }
  let i = 0;
  for (const [key, holders] of identifiers) {
    const id = `i:${i++}`;
    elements.push({ group: 'nodes', classes: 'identifier', data: { id, label: key, colour: '#e2e8f0', size: 16 } });
    for (const h of holders) elements.push({ group: 'edges', data: { id: `${id}:${h}`, source: `w:${h}`, target: id } });
  }
  return elements;
}
