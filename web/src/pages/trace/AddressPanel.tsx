import { useEffect, useRef } from 'react';
import type { TraceReport } from '../../api-types.js';
import { AddToCase } from '../../components/AddToCase.js';
import { SubjectDecisions } from '../../components/DecisionButtons.js';
import { assetName, formatNumber } from '../../lib/format.js';
import { href } from '../../lib/route.js';
import { ExposureView } from './ExposureView.js';

/**
 * The panel of the selected address: its holdings in the trace, labels, exposure, and the case and
 * decision actions. Focus moves to it when it opens.
 *
 * @example
 * <AddressPanel address={selected} report={report} chain="ethereum" onClose={() => setSelected(undefined)} />
 */
export function AddressPanel({ address, report, chain, onClose }: { address: string; report: TraceReport; chain: string; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const holdings = report.addresses.filter((a) => a.address === address);
  const labels = holdings[0]?.labels ?? [];
  const exits = report.exits.filter((x) => x.address === address);
  useEffect(() => heading.current?.focus(), [address]);
  const label = labels[0] ? `${labels[0].name} (${labels[0].category})` : undefined;
  return (
    <section className="address-panel" aria-labelledby="address-panel-h">
      <div className="hit-head">
        <h2 id="address-panel-h" ref={heading} tabIndex={-1} className="mono">
          {address}
        </h2>
        <button type="button" className="btn-secondary btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts">
        <dt>Hop</dt>
        <dd>{holdings.length ? Math.min(...holdings.map((h) => h.hop)) : 'not in the trace'}</dd>
        {holdings.map((h) => (
          <div key={h.asset} style={{ display: 'contents' }}>
            <dt>Tainted {assetName(h.asset, chain)}</dt>
            <dd>
              received {formatNumber(h.tainted_received)}, still held {formatNumber(h.tainted_balance)}
            </dd>
          </div>
        ))}
        <dt>Labels in the trace</dt>
        <dd>{labels.length ? labels.map((l) => `${l.name} (${l.category.replace(/_/g, ' ')}, origin ${l.origin}${l.basis ? `: ${l.basis}` : ''})`).join('; ') : 'none'}</dd>
        {exits.length > 0 && (
          <>
            <dt>Exit</dt>
            <dd>{exits.map((x) => `${formatNumber(x.amount)} ${assetName(x.asset, chain)} into ${x.service}`).join('; ')}</dd>
          </>
        )}
      </dl>
      <div className="button-row">
        <AddToCase kind="address" itemRef={address} label={label} />
        <a className="button btn-secondary btn-case" href={href(['address', address], { chain })}>
          Address page
        </a>
        <a className="button btn-secondary btn-case" href={href(['trace'], { address, chain })}>
          Trace from here
        </a>
      </div>
      <SubjectDecisions kind="address" subjectRef={address} about={address} context={{ chain }} />
      <ExposureView address={address} chain={chain} />
    </section>
  );
}
