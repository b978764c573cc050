import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api.js';
import type { CaseItemKind, CaseSummary } from '../api-types.js';
import { href } from '../lib/route.js';
import { ErrorMessage, Loading } from './status.js';

const LAST_CASE = 'counterflow.lastCase';
const NEW_CASE = '__new__';

interface Props {
  kind: CaseItemKind;
  /** The address, entity id, worker id or incident id; empty for a note (typed in the dialog). */ 
  itemRef: string;
  /** What the item is, shown in the case (a caption, a service name). */
  label?: string | undefined;
  /** Button text; default "Add to case". */
  text?: string;
}

/**
 * "Add to case": a dialog to put an address, entity, worker, incident or note into an open case (or a
 * new one), posting to `/cases/{id}/items`.
 *
 * @example
 * <AddToCase kind="address" itemRef={address} label="Bybit-like receiver" />
 */
export function AddToCase({ kind, itemRef, label, text }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [cases, setCases] = useState<CaseSummary[] | undefined>();
  const [choice, setChoice] = useState<string>('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ id: string; title: string } | undefined>();
  const ids = { select: useId(), title: useId(), note: useId() };

  useEffect(() => {
    if (!open) return;
    dialog.current?.showModal();
    setDone(undefined);
    setError(undefined);
    api.cases().then(
      ({ cases: list }) => {
        const openCases = list.filter((c) => c.status === 'open');
        setCases(openCases);
        const last = localStorage.getItem(LAST_CASE);
        setChoice(openCases.some((c) => String(c.id) === last) ? last! : openCases[0] ? String(openCases[0].id) : NEW_CASE);
      },
      (err: unknown) => setError(err),
    );
  }, [open]);

  const close = () => {
    dialog.current?.close();
    setOpen(false);
  };

  const add = async () => {
    setBusy(true);
    setError(undefined);
    try {
      let id = choice;
      let caseTitle = cases?.find((c) => String(c.id) === choice)?.title ?? '';
      if (choice === NEW_CASE) {
        const created = await api.createCase(title.trim());
        id = String(created.id);
        caseTitle = created.title;
      }
      const ref = kind === 'note' ? note.trim() : itemRef;
      await api.addCaseItem(id, { kind, ref, ...(label ? { label } : {}), ...(kind !== 'note' && note.trim() ? { note: note.trim() } : {}) });
      localStorage.setItem(LAST_CASE, id);
      setDone({ id, title: caseTitle });
      setNote('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const what = kind === 'note' ? 'a note' : `${kind} ${label ?? itemRef}`;
  return (
    <>
      <button type="button" className="btn-secondary btn-case" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {text ?? 'Add to case'}
      </button>
      {open && (
        <dialog ref={dialog} className="case-dialog" aria-labelledby={`${ids.select}-h`} onClose={() => setOpen(false)}>
          <h2 id={`${ids.select}-h`}>Add {what} to a case</h2>
          {!cases && !error && <Loading what="Loading cases" />}
          {cases && !done && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void add();
              }}
            >
              <label htmlFor={ids.select}>Case</label>
              <select id={ids.select} value={choice} onChange={(e) => setChoice(e.target.value)}>
                {cases.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.title} ({c.itemCount} items)
                  </option>
                ))}
                <option value={NEW_CASE}>New case…</option>
              </select>
              {choice === NEW_CASE && (
                <>
                  <label htmlFor={ids.title}>Title of the new case</label>
                  <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} required />
                </>
              )}
              <label htmlFor={ids.note}>{kind === 'note' ? 'Note' : 'Note (optional)'}</label>
              <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} rows={3} required={kind === 'note'} />
              <div className="button-row">
                <button type="submit" disabled={busy || (choice === NEW_CASE && !title.trim()) || (kind === 'note' && !note.trim())}>
                  Add
                </button>
                <button type="button" className="btn-secondary" onClick={close}>
                  Cancel
                </button>
              </div>
            </form>
          )}
          {done && (
            <div role="status">
              <p>
                Added to case <a href={href(['cases', done.id])} onClick={close}>{done.title || `#${done.id}`}</a>.
              </p>
              <button type="button" onClick={close} autoFocus>
                Close
              </button>
            </div>
          )}
          {error !== undefined && (
            <>
              <ErrorMessage error={error} what="Adding to the case" />
              <button type="button" className="btn-secondary" onClick={close}>
                Close
              </button>
            </>
          )}
        </dialog>
      )}
    </>
  );
}
