import { useId, useState } from 'react';
import { api } from '../../api.js';
import { Badge, ErrorMessage, Loading } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import { navigate } from '../../hooks/use-route.js';
import { formatTime } from '../../lib/format.js';
import { href, type Route } from '../../lib/route.js';
import { CaseDetailView } from './CaseDetailView.js';

/**
 * Cases: the list with a form to open one; `#/cases/ID` shows one case.
 *
 * @example
 * location.hash = '#/cases';
 */
export default function CasesPage({ route }: { route: Route }) {
  const caseId = route.params[0];
  if (caseId) return <CaseDetailView id={caseId} />;
  return <CaseList />;
}

function CaseList() {
  const id = useId();
  const { data, error, loading } = useAsync(() => api.cases(), []);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [createError, setCreateError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    setCreateError(undefined);
    try {
      const created = await api.createCase(title.trim(), description.trim() || undefined);
      navigate(href(['cases', String(created.id)]));
    } catch (err) {
      setCreateError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Cases</h1>
      <p className="lede">Collect addresses, listed entities, workers and notes from any page (“Add to case”), decide, and report.</p>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>Open a case</h2>
        <div className="form-grid">
          <div className="wide">
            <label htmlFor={`${id}-t`}>Title</label>
            <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} required />
          </div>
          <div className="wide">
            <label htmlFor={`${id}-d`}>Description (optional)</label>
            <input id={`${id}-d`} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
          <div>
            <button type="submit" disabled={busy || !title.trim()}>
              Open case
            </button>
          </div>
        </div>
        {createError !== undefined && <ErrorMessage error={createError} what="Opening the case" />}
      </form>
      {loading && <Loading what="Loading cases" />}
      {error && <ErrorMessage error={error} what="Loading cases" />}
      {data && (
        <section className="panel" aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>
            {data.cases.length} case{data.cases.length === 1 ? '' : 's'}
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Cases</caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">Items</th>
                  <th scope="col">Last decision</th>
                  <th scope="col">Opened</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {data.cases.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={href(['cases', String(c.id)])}>{c.title}</a>
                    </th>
                    <td>
                      <Badge value={c.status === 'open' ? 'review' : 'clear'} label={c.status} />
                    </td>
                    <td className="num">{c.itemCount}</td>
                    <td>{c.decision ? c.decision.replace(/_/g, ' ') : '—'}</td>
                    <td>{formatTime(c.createdAt)}</td>
                    <td>{formatTime(c.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
