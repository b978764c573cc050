import { AddToCase } from '../../components/AddToCase.js';
import { SubjectDecisions } from '../../components/DecisionButtons.js';
import { href, type Route } from '../../lib/route.js';
import { ExposureView } from './ExposureView.js';

/**
 * The address page: labels and exposure of one address, with case and decision actions.
 *
 * @example
 * location.hash = '#/address/0x098b716b8aaf21512996dc57eb0615e2383e2f96';
 */
export default function AddressPage({ route }: { route: Route }) {
  const address = route.params[0] ?? '';
  const chain = route.query.get('chain') ?? 'ethereum';
  if (!address) {
    return (
      <>
        <h1>Address</h1>
        <p>
          Open an address from a trace, or go to <a href="#/trace">the trace explorer</a>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>
        Address <span className="mono">{address}</span>
      </h1>
      <p className="lede">Chain {chain}.</p>
      <section className="panel">
        <div className="button-row" style={{ marginTop: 0 }}>
          <AddToCase kind="address" itemRef={address} />
          <a className="button btn-secondary btn-case" href={href(['trace'], { address, chain })}>
            Trace from this address
          </a>
          <a className="button btn-secondary btn-case" href={href(['screening'], { q: address })}>
            Screen against the lists
          </a>
        </div>
        <SubjectDecisions kind="address" subjectRef={address} about={address} context={{ chain }} />
      </section>
      <section className="panel">
        <h2>Labels and exposure</h2>
        <ExposureView address={address} chain={chain} />
      </section>
    </>
  );
}
