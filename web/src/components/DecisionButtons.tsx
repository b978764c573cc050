import { useId, useState } from 'react';
import { api } from '../api.js';
import type { CaseDecision, Decision, SubjectKind } from '../api-types.js';
import type { Actor } from '../api-types.js';
import { actorName, formatTime } from '../lib/format.js';
import { ErrorMessage } from './status.js';

const WORDS: Record<CaseDecision, string> = {
  true_positive: 'True positive',
  false_positive: 'False positive',
  override: 'Override',
  block: 'Block',
  clear: 'Clear',
  escalate: 'Escalate',
  close: 'Close case',
};

/** The decisions an analyst takes on a screening hit, address or worker. */
export const SUBJECT_DECISIONS: readonly Decision[] = ['true_positive', 'false_positive', 'block', 'clear'];

interface Props<D extends CaseDecision> {
  /** What the decision is about, for the button group's label (e.g. the entity caption). */
  about: string;
  choices: readonly D[];
  /** Records the decision; resolves with who and when as the server recorded it. */
  decide: (decision: D, reason: string) => Promise<unknown>;
  onDecided?: (decision: D) => void;
}

/**
 * Decision buttons with a required reason; the decision is recorded on the server (audit trail) and
 * the recorded actor and time are shown.
 *
 * @example
 * <DecisionButtons about={caption} choices={SUBJECT_DECISIONS} decide={(d, reason) => api.decide({ subject, decision: d, reason })} />
 */
export function DecisionButtons<D extends CaseDecision>({ about, choices, decide, onDecided }: Props<D>) {
  const [pending, setPending] = useState<D | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [recorded, setRecorded] = useState<string | undefined>();
  const reasonId = useId();

  const submit = async () => {
    if (!pending || !reason.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = (await decide(pending, reason.trim())) as { actor?: Actor; at?: string } | undefined;
      setRecorded(`${WORDS[pending]} recorded${answer?.actor ? ` by ${actorName(answer.actor)}` : ''}${answer?.at ? ` at ${formatTime(answer.at)}` : ''}.`);
      onDecided?.(pending);
      setPending(undefined);
      setReason('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="decisions">
      <div role="group" aria-label={`Decision on ${about}`} className="button-row">
        {choices.map((d) => (
          <button key={d} type="button" className={`btn-decision dec-${d}`} aria-pressed={pending === d} onClick={() => setPending(pending === d ? undefined : d)}>
            {WORDS[d]}
          </button>
        ))}
      </div>
      {pending && (
        <form
          className="decision-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={reasonId}>Reason for “{WORDS[pending]}” (kept in the audit trail)</label>
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus placeholder="e.g. date of birth and nationality differ" />
          <button type="submit" disabled={busy || !reason.trim()}>
            Record decision
          </button>
          <button type="button" className="btn-secondary" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </form>
      )}
      {recorded && (
        <p className="recorded" role="status">
          {recorded}
        </p>
      )}
      {error !== undefined && <ErrorMessage error={error} what="Recording the decision" />}
    </div>
  );
}

/**
 * Decision buttons for a subject (screening hit, address, worker), posting to `POST /decisions`.
 *
 * @example
 * <SubjectDecisions kind="entity" subjectRef={hit.id} about={hit.caption} context={{ query }} />
 */
export function SubjectDecisions({ kind, subjectRef, about, context }: { kind: SubjectKind; subjectRef: string; about: string; context?: Record<string, unknown> }) {
  return <DecisionButtons about={about} choices={SUBJECT_DECISIONS} decide={(decision, reason) => api.decide({ subject: { kind, ref: subjectRef }, decision, reason, ...(context ? { context } : {}) })} />;
}
