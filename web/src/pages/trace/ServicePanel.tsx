import { useEffect, useRef } from 'react';
import type { TraceExit } from '../../api-types.js';
import { assetName, formatNumber } from '../../lib/format.js';
import { serviceNodeId } from '../../lib/trace-view.js';
import { ExitCells, ExitHeaderCells } from './ExitCells.js';

/**
 * The panel of a service node of the flow graph: the exit addresses of that service in the trace, what
 * each received, and why it counts as that service; each address opens its own panel.
 *
 * @example
 * <ServicePanel nodeId="service:bridge:THORChain" exits={report.exits} chain="ethereum" onSelect={setSelected} onClose={close} />
 */
export function ServicePanel({ nodeId, exits, chain, onSelect, onClose }: { nodeId: string; exits: readonly TraceExit[]; chain: string; onSelect: (a: string) => void; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const mine = exits.filter((x) => serviceNodeId(x) === nodeId);
  useEffect(() => heading.current?.focus(), [nodeId]);
  const first = mine[0];
  if (!first) return null;
  const totals = new Map<string, number>();
  for (const x of mine) totals.set(x.asset, (totals.get(x.asset) ?? 0) + x.amount);
  return (
    <section className="address-panel" aria-labelledby="service-panel-h">
      <div className="hit-head">
        <h2 id="service-panel-h" ref={heading} tabIndex={-1}>
          {first.service} ({first.category.replace(/_/g, ' ')})
        </h2>
        <button type="button" className="btn-secondary btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <p>
        {mine.length} exit address{mine.length === 1 ? '' : 'es'} received{' '}
        {[...totals].map(([asset, amount]) => `${formatNumber(amount)} ${assetName(asset, chain)}`).join(' and ')} of the traced funds.
      </p>
      <div className="table-wrap scroll" style={{ maxHeight: 320 }}>
        <table>
          <caption className="visually-hidden">Exit addresses of {first.service}</caption>
          <thead>
            <tr>
              <ExitHeaderCells />
            </tr>
          </thead>
          <tbody>
            {mine.map((x) => (
              <tr key={`${x.address}:${x.asset}`}>
                <ExitCells exit={x} chain={chain} onSelect={onSelect} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
