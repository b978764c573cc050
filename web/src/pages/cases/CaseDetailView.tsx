import { useId, useState } from 'react';
import { api, exportPath, fetchBlob, reportPath } from '../../api.js';
import type { CaseDecision, CaseItemKind } from '../../api-types.js';
import { DecisionButtons } from '../../components/DecisionButtons.js';
import { Badge, ErrorMessage, Loading } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import { saveFile } from '../../lib/download.js';
import { actorName, formatTime, shortAddress } from '../../lib/format.js';
import { href } from '../../lib/route.js';

const CASE_DECISIONS: readonly CaseDecision[] = ['true_positive', 'false_positive', 'override', 'block', 'clear', 'escalate', 'close'];
const KINDS: readonly CaseItemKind[] = ['address', 'entity', 'worker', 'incident', 'note'];

/** Where an item of a case can be looked at. */
function itemLink(kind: CaseItemKind, ref: string): string | undefined {
  if (kind === 'address') return href(['address', ref]);
  if (kind === 'entity') return href(['entity', ref]);
  if (kind === 'incident') return href(['trace'], { incident: ref });
  return undefined;
}

/**
 * One case: its items (add more here or from any page), decisions with actor and time (posting to
 * `/cases/{id}/decisions`), and its report and FtM export.
 *
 * @example
 * <CaseDetailView id="7" />
 */
export function CaseDetailView({ id }: { id: string }) {
  const uid = useId();
  const { data, error, loading, reload } = useAsync(() => api.caseDetail(id), [id]);
  const [item, setItem] = useState<{ kind: CaseItemKind; ref: string; label: string; note: string }>({ kind: 'note', ref: '', label: '', note: '' });
  const [itemError, setItemError] = useState<unknown>();
  const [fileError, setFileError] = useState<unknown>();

  const addItem = async () => {
    setItemError(undefined);
    try {
      await api.addCaseItem(id, { kind: item.kind, ref: item.ref.trim(), ...(item.label.trim() ? { label: item.label.trim() } : {}), ...(item.note.trim() ? { note: item.note.trim() } : {}) });
      setItem({ kind: item.kind, ref: '', label: '', note: '' });
      reload();
    } catch (err) {
      setItemError(err);
    }
  };

  const download = async (path: string, name: string) => {
    setFileError(undefined);
    try {
      saveFile(await fetchBlob(path), name);
    } catch (err) {
      setFileError(err);
    }
  };

  if (loading && !data) return <Loading what="Loading the case" />;
  if (error) return <ErrorMessage error={error} what="Loading the case" />;
  if (!data) return null;
  return (
    <>
      <p>
        <a href="#/cases">← All cases</a>
      </p>
      <h1>
        {data.title} <Badge value={data.status === 'open' ? 'review' : 'clear'} label={data.status} />
      </h1>
      {data.description && <p className="lede">{data.description}</p>}
      <p className="meta">
        Case {String(data.id)} · opened {formatTime(data.createdAt)} · updated {formatTime(data.updatedAt)}
      </p>

      <section className="panel" aria-labelledby={`${uid}-items`}>
        <h2 id={`${uid}-items`}>Items ({data.items.length})</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Items of the case</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Item</th>
                <th scope="col">Label</th>
                <th scope="col">Note</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => {
                const link = itemLink(i.kind, i.ref);
                const text = i.kind === 'address' ? shortAddress(i.ref, 6) : i.ref;
                return (
                  <tr key={i.id}>
                    <td>{i.kind}</td>
                    <td className={i.kind === 'note' ? undefined : 'mono'} title={i.ref}>
                      {link ? <a href={link}>{text}</a> : text}
                    </td>
                    <td>{i.label ?? ''}</td>
                    <td>{i.note ?? ''}</td>
                    <td>
                      {actorName(i.addedBy)}, {formatTime(i.addedAt)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void addItem();
          }}
        >
          <h3>Add an item</h3>
          <div className="form-grid">
            <div>
              <label htmlFor={`${uid}-kind`}>Kind</label>
              <select id={`${uid}-kind`} value={item.kind} onChange={(e) => setItem({ ...item, kind: e.target.value as CaseItemKind })}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
            <div className="wide">
              <label htmlFor={`${uid}-ref`}>{item.kind === 'note' ? 'Note text' : 'Address, entity id, worker id or incident id'}</label>
              <input id={`${uid}-ref`} value={item.ref} onChange={(e) => setItem({ ...item, ref: e.target.value })} required />
            </div>
            <div>
              <label htmlFor={`${uid}-label`}>Label (optional)</label>
              <input id={`${uid}-label`} value={item.label} onChange={(e) => setItem({ ...item, label: e.target.value })} />
            </div>
            <div>
              <button type="submit" disabled={!item.ref.trim()}>
                Add
              </button>
            </div>
          </div>
          {itemError !== undefined && <ErrorMessage error={itemError} what="Adding the item" />}
        </form>
      </section>

      <section className="panel" aria-labelledby={`${uid}-dec`}>
        <h2 id={`${uid}-dec`}>Decisions</h2>
        {data.decisions.length === 0 ? (
          <p className="meta">No decision yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Decisions on the case, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Reason</th>
                  <th scope="col">By</th>
                </tr>
              </thead>
              <tbody>
                {data.decisions.map((d) => (
                  <tr key={d.id}>
                    <td>{formatTime(d.at)}</td>
                    <td>
                      <Badge value={d.decision} />
                    </td>
                    <td>{d.reason}</td>
                    <td>{actorName(d.actor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <DecisionButtons about={data.title} choices={CASE_DECISIONS} decide={(decision, reason) => api.decideCase(id, decision, reason)} onDecided={reload} />
        <p className="meta">Decisions are recorded in the audit trail and cannot be changed or deleted.</p>
      </section>

      <section className="panel" aria-labelledby={`${uid}-rep`}>
        <h2 id={`${uid}-rep`}>Report and export</h2>
        <div className="button-row">
          <a className="button btn-secondary" href={href(['reports'], { case: String(data.id) })}>
            View the case report
          </a>
          <button type="button" onClick={() => void download(reportPath('cases', String(data.id), 'pdf'), `case-${data.id}.pdf`)}>
            Download PDF
          </button>
          <button type="button" className="btn-secondary" onClick={() => void download(reportPath('cases', String(data.id), 'html'), `case-${data.id}.html`)}>
            Download HTML
          </button>
          <button type="button" className="btn-secondary" onClick={() => void download(exportPath('case', String(data.id)), `case-${data.id}.ftm.json`)}>
            Export FtM entities
          </button>
        </div>
        {fileError !== undefined && <ErrorMessage error={fileError} what="The download" />}
      </section>
    </>
  );
}
