import { useId, useState } from 'react';
import { api } from '../../api.js';
import type { Algorithm, MatchQuery, MatchResultJson } from '../../api-types.js';
import { ErrorMessage, Loading } from '../../components/status.js';
import { queriesFromFields, SCREEN_SCHEMAS, type FieldProblem, type ScreenFields } from '../../lib/screen-fields.js';
import { HitCard } from './HitCard.js';
import { ListsSource } from './ListsSource.js';

interface Outcome {
  queries: MatchQuery[];
  results: MatchResultJson[];
  problems: FieldProblem[];
}

/**
 * The single-query form (name, schema, birth date, nationality, id number) → `POST /match/default`, and
 * the hits with their explanations.
 *
 * @example
 * <SingleScreening initialName="김정은" />
 */
export function SingleScreening({ initialName }: { initialName: string }) {
  const [fields, setFields] = useState<ScreenFields>({ name: initialName });
  const [algorithm, setAlgorithm] = useState<Algorithm>('logic');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const id = useId();
  const set = (k: keyof ScreenFields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [k]: e.target.value }));

  const screen = async () => {
    const { queries, problems } = queriesFromFields(fields, { nameMayBeAddress: true });
    if (queries.length === 0) {
      setError(new Error('nothing to screen: give a name, an id number or a wallet address'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const keyed = Object.fromEntries(queries.map((q, i) => [`q${i}`, q]));
      const answer = await api.match(keyed, { limit: 10, algorithm });
      const best = new Map<string, MatchResultJson>();
      for (const r of Object.values(answer.responses).flatMap((x) => x.results)) {
        const seen = best.get(r.id);
        if (!seen || r.score > seen.score) best.set(r.id, r);
      }
      setOutcome({ queries, problems, results: [...best.values()].sort((a, b) => b.score - a.score) });
    } catch (err) {
      setError(err);
      setOutcome(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        Single query
      </h2>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void screen();
        }}
      >
        <div className="form-grid">
          <div className="wide">
            <label htmlFor={`${id}-name`}>Name or wallet address</label>
            <input id={`${id}-name`} value={fields.name ?? ''} onChange={set('name')} placeholder="Kim Jong-un, 김정은, 0x098b…" autoComplete="off" />
          </div>
          <div>
            <label htmlFor={`${id}-schema`}>Schema</label>
            <select id={`${id}-schema`} value={fields.schema ?? ''} onChange={set('schema')}>
              <option value="">Automatic</option>
              {SCREEN_SCHEMAS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-dob`}>Birth date</label>
            <input id={`${id}-dob`} value={fields.birthDate ?? ''} onChange={set('birthDate')} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" />
          </div>
          <div>
            <label htmlFor={`${id}-nat`}>Nationality / country</label>
            <input id={`${id}-nat`} value={fields.nationality ?? ''} onChange={set('nationality')} placeholder="kp, North Korea" />
          </div>
          <div>
            <label htmlFor={`${id}-idn`}>ID number</label>
            <input id={`${id}-idn`} value={fields.idNumber ?? ''} onChange={set('idNumber')} placeholder="passport, IMO, address" />
          </div>
          <div>
            <label htmlFor={`${id}-alg`}>Algorithm</label>
            <select id={`${id}-alg`} value={algorithm} onChange={(e) => setAlgorithm(e.target.value as Algorithm)}>
              <option value="logic">logic (explained, DPRK-aware)</option>
              <option value="ofac">ofac (OFAC search emulation)</option>
            </select>
          </div>
          <div>
            <button type="submit" disabled={busy}>
              Screen
            </button>
          </div>
        </div>
      </form>
      {busy && <Loading what="Screening" />}
      {error !== undefined && <ErrorMessage error={error} what="Screening" />}
      {outcome && (
        <section className="panel" aria-live="polite" aria-labelledby={`${id}-res`}>
          <h2 id={`${id}-res`}>
            {outcome.results.length === 0 ? 'No hit at or above the review threshold' : `${outcome.results.length} hit${outcome.results.length === 1 ? '' : 's'}`}
          </h2>
          <p className="meta">
            Query: {outcome.queries.map((q) => `${q.schema} ${Object.entries(q.properties).map(([k, v]) => `${k}=${v.join('|')}`).join(', ')}`).join(' + ')}
          </p>
          {outcome.problems.length > 0 && (
            <div className="warnings">
              Left out of the query: {outcome.problems.map((p) => `${p.field} "${p.value}": ${p.problem}`).join('; ')}
            </div>
          )}
          {outcome.results.map((r) => (
            <HitCard key={r.id} hit={r} query={outcome.queries[0]!} />
          ))}
          <ListsSource algorithm={algorithm} />
        </section>
      )}
    </section>
  );
}
