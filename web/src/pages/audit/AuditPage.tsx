import { useId, useState } from 'react';
import { api, listOf } from '../../api.js';
import type { AuditEntry, DecisionRecord } from '../../api-types.js';
import { ErrorMessage, Loading, Source } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import { actorName, formatTime } from '../../lib/format.js';

/**
 * The audit trail (read only): every screening, trace, exposure, vetting run and decision with who,
 * when, digests and list versions; and the decisions on one subject.
 *
 * @example
 * location.hash = '#/audit';
 */
export default function AuditPage() {
  const id = useId();
  const [query, setQuery] = useState({ since: '', action: '', limit: 200 });
  const [applied, setApplied] = useState(query);
  const { data, error, loading } = useAsync(() => api.audit(applied).then((a) => listOf<AuditEntry>(a as AuditEntry[] | Record<string, unknown>, 'entries')), [applied]);

  return (
    <>
      <h1>Audit trail</h1>
      <p className="lede">Append-only: entries cannot be changed or deleted through the API; each is chained to the one before (`counterflow audit --verify`).</p>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(query);
        }}
      >
        <div className="form-grid">
          <div>
            <label htmlFor={`${id}-since`}>Since</label>
            <input id={`${id}-since`} type="date" value={query.since} onChange={(e) => setQuery({ ...query, since: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`${id}-action`}>Action</label>
            <select id={`${id}-action`} value={query.action} onChange={(e) => setQuery({ ...query, action: e.target.value })}>
              <option value="">All</option>
              {['screen', 'screen.batch', 'trace', 'exposure', 'vet', 'decision', 'case.*'].map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-limit`}>Entries</label>
            <input id={`${id}-limit`} type="number" min={1} max={1000} value={query.limit} onChange={(e) => setQuery({ ...query, limit: Math.max(1, Math.min(1000, Number(e.target.value) || 1)) })} />
          </div>
          <div>
            <button type="submit">Show</button>
          </div>
        </div>
      </form>
      {loading && <Loading what="Loading the audit trail" />}
      {error && <ErrorMessage error={error} what="Loading the audit trail" />}
      {data && (
        <section className="panel" aria-labelledby={`${id}-h`}>
          <h2 id={`${id}-h`}>{data.length} entries</h2>
          <div className="table-wrap scroll" style={{ maxHeight: 560 }}>
            <table>
              <caption className="visually-hidden">Audit entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Subject</th>
                  <th scope="col">List versions</th>
                  <th scope="col">Input / result digest</th>
                </tr>
              </thead>
              <tbody>
                {data.map((e) => (
                  <tr key={String(e.id)}>
                    <td>{formatTime(e.at)}</td>
                    <td>{actorName(e.actor)}</td>
                    <td className="mono">{e.action}</td>
                    <td>{e.subject}</td>
                    <td className="mono">{e.listVersions?.join(', ') ?? ''}</td>
                    <td className="mono" title={`${e.inputDigest ?? ''} / ${e.resultDigest ?? ''}`}>
                      {(e.inputDigest ?? '').slice(0, 10)} / {(e.resultDigest ?? '').slice(0, 10)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Source>GET /audit (the server's append-only audit log).</Source>
        </section>
      )}
      <DecisionLookup />
    </>
  );
}

function DecisionLookup() {
  const id = useId();
  const [kind, setKind] = useState('entity');
  const [ref, setRef] = useState('');
  const [state, setState] = useState<{ busy?: boolean; list?: DecisionRecord[]; error?: unknown }>({});
  const look = async () => {
    setState({ busy: true });
    try {
      const answer = await api.decisions(kind, ref.trim());
      setState({ list: listOf<DecisionRecord>(answer as DecisionRecord[] | Record<string, unknown>, 'decisions') });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Decisions on a subject</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void look();
        }}
      >
        <div className="form-grid">
          <div>
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
              {['entity', 'address', 'worker', 'query'].map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </div>
          <div className="wide">
            <label htmlFor={`${id}-ref`}>Entity id, address, worker id or query</label>
            <input id={`${id}-ref`} value={ref} onChange={(e) => setRef(e.target.value)} required />
          </div>
          <div>
            <button type="submit" disabled={!ref.trim()}>
              Look up
            </button>
          </div>
        </div>
      </form>
      {state.busy && <Loading what="Looking up decisions" />}
      {state.error !== undefined && <ErrorMessage error={state.error} what="Looking up decisions" />}
      {state.list && (
        <ul>
          {state.list.length === 0 && <li>No decision recorded on {kind} {ref}.</li>}
          {state.list.map((d) => (
            <li key={String(d.id)}>
              {formatTime(d.at)} — {String(d.decision ?? '').replace(/_/g, ' ')} by {actorName(d.actor)}
              {d.reason ? `: ${String(d.reason)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
