import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { useId, useMemo, useRef, useState } from 'react';
import type { TraceExit } from '../../api-types.js';
import { CATEGORY_COLOURS, ROLE_SHAPES } from '../../graph/categories.js';
import { GraphView } from '../../graph/GraphView.js';
import { assetName, formatNumber, shortAddress } from '../../lib/format.js';
import { linkWidth, traceGraph, type FilteredTrace, type GraphNode } from '../../lib/trace-view.js';

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 9,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '110px',
      width: 22,
      height: 22,
      'background-color': 'data(colour)',
      'border-width': 1,
      'border-color': '#1f2937',
      color: '#1f2937',
    },
  },
  ...[...ROLE_SHAPES].map(([role, { shape }]) => ({ selector: `node.${role}`, style: { shape: shape as 'ellipse' } })),
  { selector: 'node.seed', style: { width: 30, height: 30 } },
  { selector: 'node.exit', style: { width: 34, height: 22 } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': '#64748b',
      'target-arrow-color': '#64748b',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.7,
      'curve-style': 'bezier',
      opacity: 0.65,
    },
  },
];

/**
 * The flow graph: addresses laid out by hop from left to right (ELK layered, hop as the layer), links
 * as wide as their taint, nodes coloured by label category and shaped by role; beside it the same nodes
 * as a list, the keyboard way to select one.
 *
 * @example
 * <FlowGraph view={view} exits={report.exits} selected={selected} onSelect={setSelected} chain="ethereum" />
 */
export function FlowGraph({ view, exits, selected, onSelect, chain }: { view: FilteredTrace; exits: readonly TraceExit[]; selected: string | undefined; onSelect: (a: string) => void; chain: string }) {
  const id = useId();
  const [maxNodes, setMaxNodes] = useState(60);
  const [group, setGroup] = useState<string | undefined>();
  const choose = (nodeId: string) => {
    if (nodeId.startsWith('others:')) setGroup(nodeId);
    else onSelect(nodeId);
  };
  const graph = useMemo(() => traceGraph(view, exits, maxNodes), [view, exits, maxNodes]);
  const elements = useMemo(() => toElements(graph.nodes, graph.links), [graph]);
  const list = useRef<HTMLUListElement>(null);
  const categories = [...new Set(graph.nodes.map((n) => n.category))];
  // An exit address selected elsewhere (a table) lights up its service's node.
  const drawnSelected = selected && !graph.nodes.some((n) => n.id === selected) ? graph.nodes.find((n) => n.members.includes(selected))?.id : selected;

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        Flow graph
      </h2>
      <div className="button-row" style={{ marginTop: 0 }}>
        <label htmlFor={`${id}-max`} style={{ margin: 0 }}>
          Nodes drawn
        </label>
        <select id={`${id}-max`} value={maxNodes} onChange={(e) => setMaxNodes(Number(e.target.value))}>
          {[30, 60, 150, 300, 600].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <span className="meta">
          {graph.nodes.length} nodes, {graph.links.length} links drawn
          {graph.hidden > 0 ? ` (${graph.hidden} less tainted wallets merged into one node per hop; the Addresses tab lists all)` : ''}. Exits at one service are one node. Link width: taint moved (log scale).
        </span>
      </div>
      <ul className="legend" aria-label="Legend">
        {[...ROLE_SHAPES.values()].map((r) => (
          <li key={r.shape}>{r.text}</li>
        ))}
        {categories.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: CATEGORY_COLOURS.get(c) ?? '#6b7280' }} aria-hidden="true" />
            {c === 'none' ? 'no label' : c.replace(/_/g, ' ')}
          </li>
        ))}
      </ul>
      <div className="graph-layout">
        <GraphView elements={elements} stylesheet={STYLE} layout="hops" label={`Flow graph of ${graph.nodes.length} addresses by hop; use the list beside it to select an address`} selected={drawnSelected ?? group} onSelect={choose} />
        <div className="node-list">
          <ul ref={list} aria-label="Addresses in the graph, by hop">
            {graph.nodes.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  aria-current={n.id === (drawnSelected ?? group)}
                  onClick={() => choose(n.id)}
                  onKeyDown={(e) => {
                    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
                    e.preventDefault();
                    const li = e.currentTarget.parentElement;
                    const next = (e.key === 'ArrowDown' ? li?.nextElementSibling : li?.previousElementSibling)?.querySelector('button');
                    next?.focus();
                  }}
                  title={[n.name, ...n.members].filter(Boolean).join(', ')}
                >
                  hop {n.hop} · {nodeText(n)}
                  {n.role === 'exit' && n.members.length > 1 ? ` (${n.members.length} addresses)` : ''} · {n.id.startsWith('others:') ? 'merged' : n.role}
                  {n.category !== 'none' ? `, ${n.category.replace(/_/g, ' ')}` : ''} · {describeReceived(n, chain)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {group && <GroupMembers node={graph.nodes.find((n) => n.id === group)} view={view} chain={chain} onSelect={onSelect} onClose={() => setGroup(undefined)} />}
    </section>
  );
}

function GroupMembers({ node, view, chain, onSelect, onClose }: { node: GraphNode | undefined; view: FilteredTrace; chain: string; onSelect: (a: string) => void; onClose: () => void }) {
  if (!node) return null;
  const members = new Set(node.members);
  const rows = view.addresses.filter((a) => members.has(a.address)).sort((a, b) => b.tainted_received - a.tainted_received);
  return (
    <section className="address-panel" aria-label={node.name ?? 'Merged wallets'}>
      <div className="hit-head">
        <h3>{node.name}</h3>
        <button type="button" className="btn-secondary btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="table-wrap scroll" style={{ maxHeight: 300 }}>
        <table>
          <caption className="visually-hidden">Wallets merged into this node</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col" className="num">Tainted received</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={`${a.address}:${a.asset}`}>
                <td>
                  <button type="button" className="btn-link mono" onClick={() => onSelect(a.address)}>
                    {a.address}
                  </button>
                </td>
                <td className="num">
                  {formatNumber(a.tainted_received)} {assetName(a.asset, chain)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A service by its name, a wallet by its (short) address: labels such as an incident name repeat on many wallets. */
function nodeText(n: GraphNode): string {
  return (n.role === 'exit' || n.id.startsWith('others:')) && n.name ? n.name : shortAddress(n.id);
}

function describeReceived(n: GraphNode, chain: string): string {
  return [...n.received].map(([asset, amount]) => `${formatNumber(amount)} ${assetName(asset, chain)}`).join(', ');
}

function toElements(nodes: GraphNode[], links: { id: string; from: string; to: string; taint: number }[]): ElementDefinition[] {
  const maxTaint = links.reduce((m, l) => Math.max(m, l.taint), 0);
  return [
    ...nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, hop: n.hop, label: nodeText(n), colour: CATEGORY_COLOURS.get(n.category) ?? '#6b7280' },
      classes: n.role,
    })),
    ...links.map((l) => ({ group: 'edges' as const, data: { id: l.id, source: l.from, target: l.to, width: linkWidth(l.taint, maxTaint) } })),
  ];
}
