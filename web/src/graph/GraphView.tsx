import type { Core, ElementDefinition, LayoutOptions, StylesheetJson } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading } from '../components/status.js';
import { loadCytoscape } from './load-cytoscape.js';

export interface GraphViewProps {
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  /** `hops`: layered left to right with each node's `hop` as its column (ELK, in a worker); `hubs`: nodes of class `identifier` in the middle, the others around them. */
  layout: 'hops' | 'hubs';
  /** What the graph shows, for screen readers; the list beside it is the keyboard way in. */
  label: string;
  selected?: string | undefined;
  onSelect?: (id: string) => void;
  height?: number;
}

/**
 * A cytoscape graph, loaded on first use (its own chunk). Clicking a node selects it; the selected node
 * is highlighted and centred.
 *
 * @example
 * <GraphView elements={els} stylesheet={style} layout="hops" label="Flow of the stolen funds" onSelect={setSelected} />
 */
export function GraphView({ elements, stylesheet, layout, label, selected, onSelect, height = 520 }: GraphViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | undefined>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;
  const [state, setState] = useState<'loading' | 'ready' | Error>('loading');

  useEffect(() => {
    let cancelled = false;
    setState('loading');
    const draw = async () => {
      const cytoscape = await loadCytoscape();
      if (cancelled || !box.current) return;
      cy.current?.destroy();
      const instance = cytoscape({ container: box.current, elements, style: stylesheet, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
      instance.on('tap', 'node', (e) => select.current?.(String(e.target.id())));
      cy.current = instance;
      let options: LayoutOptions;
      if (layout === 'hops') {
        const { layeredPositions } = await import('./elk-layout.js');
        const nodes = instance.nodes().map((n) => ({ id: n.id(), layer: Number(n.data('hop') ?? 0), width: n.outerWidth(), height: n.outerHeight() }));
        const edges = instance.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }));
        const positions = await layeredPositions(nodes, edges);
        if (cancelled) return;
        options = { name: 'preset', fit: true, padding: 20, positions: (n: { id: () => string }) => positions.get(n.id()) ?? { x: 0, y: 0 } } as unknown as LayoutOptions;
      } else {
        options = {
          name: 'concentric',
          fit: true,
          padding: 40,
          minNodeSpacing: 90,
          concentric: (n: { hasClass: (c: string) => boolean }) => (n.hasClass('identifier') ? 2 : 1),
          levelWidth: () => 1,
        } as unknown as LayoutOptions;
      }
      const run = instance.layout(options);
      run.one('layoutstop', () => {
        // A small graph fitted to the box would be drawn huge; keep labels at a readable size.
        if (instance.zoom() > 1.2) {
          instance.zoom(1.2);
          instance.center();
        }
        if (!cancelled) setState('ready');
      });
      run.run();
    };
    draw().catch((err: unknown) => {
      if (!cancelled) setState(err instanceof Error ? err : new Error(String(err)));
    });
    return () => {
      cancelled = true;
    };
  }, [elements, stylesheet, layout]);

  useEffect(() => () => cy.current?.destroy(), []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance || state !== 'ready') return;
    instance.$(':selected').unselect();
    if (!selected) return;
    const node = instance.getElementById(selected);
    if (node.nonempty()) {
      node.select();
      const p = node.renderedPosition();
      if (p.x < 0 || p.y < 0 || p.x > instance.width() || p.y > instance.height()) instance.center(node);
    }
  }, [selected, state]);

  return (
    <div className="graph-wrap">
      {state === 'loading' && <Loading what="Laying out the graph" />}
      {state instanceof Error && <ErrorMessage error={state} what="Drawing the graph" />}
      <div className="graph" ref={box} role="img" aria-label={label} style={{ height }} />
    </div>
  );
}
