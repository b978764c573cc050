import { Fragment, useMemo, useState } from 'react';
import type { VetRecordResult, VetReport } from '../../api-types.js';
import { AddToCase } from '../../components/AddToCase.js';
import { SubjectDecisions } from '../../components/DecisionButtons.js';
import { Badge } from '../../components/status.js';

type SortKey = 'score' | 'id' | 'name';

/**
 * The vetted records: sortable by score, id or name, with level and action badges; each row expands to
 * its fired rules (explanation, weight, source document) and the decision and case actions.
 *
 * @example
 * <RecordsTable report={report} names={names} onRing={showRing} />
 */
export function RecordsTable({ report, names, onRing }: { report: VetReport; names: Map<string, string>; onRing: (ring: string) => void }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'score', desc: true });
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [limit, setLimit] = useState(200);
  const rows = useMemo(() => {
    const value = (r: VetRecordResult): string | number => (sort.key === 'score' ? r.score : sort.key === 'id' ? r.id : (names.get(r.id) ?? ''));
    return [...report.records].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      return sort.desc ? -c : c;
    });
  }, [report, names, sort]);
  const header = (key: SortKey, text: string, numeric = false) => (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key === 'score' })}>
        {text} {sort.key === key ? (sort.desc ? '▼' : '▲') : ''}
      </button>
    </th>
  );
  const toggle = (id: string) => setOpen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  return (
    <section className="panel" aria-label="Vetted records">
      <div className="table-wrap scroll" style={{ maxHeight: 620 }}>
        <table>
          <caption className="visually-hidden">Vetted records; sort with the column buttons</caption>
          <thead>
            <tr>
              {header('id', 'Record')}
              {header('name', 'Name')}
              {header('score', 'Score', true)}
              <th scope="col">Level</th>
              <th scope="col">Action</th>
              <th scope="col">Ring</th>
              <th scope="col">Rules fired</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((r) => (
              <Fragment key={r.id}>
                <tr>
                  <th scope="row" className="mono">
                    {r.id}
                  </th>
                  <td>{names.get(r.id) ?? '—'}</td>
                  <td className="num">{r.score}</td>
                  <td>
                    <Badge value={r.level} />
                  </td>
                  <td>
                    <Badge value={r.action} />
                  </td>
                  <td>
                    {r.ring ? (
                      <button type="button" className="btn-link" onClick={() => onRing(r.ring!)}>
                        {r.ring}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <button type="button" className="btn-link" aria-expanded={open.has(r.id)} onClick={() => toggle(r.id)}>
                      {r.rules.length} rule{r.rules.length === 1 ? '' : 's'} {open.has(r.id) ? '(hide)' : '(show)'}
                    </button>
                  </td>
                </tr>
                {open.has(r.id) && (
                  <tr>
                    <td colSpan={7}>
                      <RecordDetail r={r} name={names.get(r.id)} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > limit && (
        <button type="button" className="btn-secondary" onClick={() => setLimit(limit + 500)}>
          Show more ({rows.length - limit} left)
        </button>
      )}
    </section>
  );
}

function RecordDetail({ r, name }: { r: VetRecordResult; name: string | undefined }) {
  return (
    <div>
      <p>
        <strong>{r.action_text}</strong>
      </p>
      {r.rules.length === 0 ? (
        <p className="meta">No rule fired.</p>
      ) : (
        <ul>
          {r.rules.map((rule) => (
            <li key={rule.id}>
              <strong>{rule.title}</strong> <Badge value={rule.severity} /> weight {rule.weight.toFixed(2)}
              {rule.blocking ? ' · blocking' : ''}: {rule.explanation}
              <br />
              <span className="meta">
                Source: <a href={rule.source.url}>{rule.source.document}</a> ({rule.source.date}, {rule.source.status})
                {rule.see_also.length > 0 && <> · see also {rule.see_also.map((s) => s.tag).join(', ')}</>}
                {rule.related?.length ? ` · related records: ${rule.related.join(', ')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {r.not_evaluated.length > 0 && <p className="meta">Not evaluated (no data): {r.not_evaluated.join(', ')}</p>}
      <p className="meta">
        Input: {r.source.file}:{r.source.line}
      </p>
      <div className="button-row">
        <SubjectDecisions kind="worker" subjectRef={r.id} about={name ?? r.id} context={{ score: r.score, level: r.level, action: r.action, rules: r.rules.map((x) => x.id) }} />
        <AddToCase kind="worker" itemRef={r.id} label={name ?? r.id} />
      </div>
    </div>
  );
}
