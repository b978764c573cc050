import { useId, useMemo, useRef, useState } from 'react';
import { api } from '../../api.js';
import type { Algorithm } from '../../api-types.js';
import { Badge, ErrorMessage, Loading } from '../../components/status.js';
import { readBatchRows, type BatchRow } from '../../lib/batch-input.js';
import { batchOutputCsv, explanationSummary, screenBatch, type RowResults } from '../../lib/batch-screen.js';
import { saveFile } from '../../lib/download.js';
import { formatScore } from '../../lib/format.js';
import { href } from '../../lib/route.js';
import { SCREEN_SCHEMAS } from '../../lib/screen-fields.js';
import { ListsSource } from './ListsSource.js';

/** Rows shown at once; the CSV download has all of them. */
const PAGE_ROWS = 200;

/**
 * Batch screening: a CSV with the columns of `counterflow screen --batch` (docs/screen.md) parsed in the
 * browser, sent in requests of at most 100 queries, results in a table and as a CSV download.
 *
 * @example
 * <BatchScreening />
 */
export function BatchScreening() {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [schema, setSchema] = useState('');
  const [limit, setLimit] = useState(3);
  const [algorithm, setAlgorithm] = useState<Algorithm>('logic');
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const [results, setResults] = useState<{ name: string; rows: RowResults[] } | undefined>();
  const [page, setPage] = useState(0);
  const abort = useRef<AbortController | undefined>(undefined);

  const run = async () => {
    const f = file.current?.files?.[0];
    if (!f) {
      setError(new Error('choose a CSV file first'));
      return;
    }
    setError(undefined);
    setResults(undefined);
    setPage(0);
    let rows: BatchRow[];
    try {
      const parsed = readBatchRows(await f.text(), f.name, schema ? { defaultSchema: schema } : {});
      rows = parsed.rows;
      setWarnings(parsed.warnings);
    } catch (err) {
      setError(err);
      return;
    }
    abort.current = new AbortController();
    setProgress(0);
    try {
      const out = await screenBatch(rows, (queries, signal) => api.match(queries, { limit, algorithm }, signal), {
        limit,
        signal: abort.current.signal,
        onProgress: (done, total) => setProgress(done / total),
      });
      setResults({ name: f.name, rows: out });
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(err);
    } finally {
      setProgress(undefined);
    }
  };

  const summary = useMemo(() => {
    if (!results) return undefined;
    const rows = results.rows;
    return {
      rows: rows.length,
      matched: rows.filter((r) => r.results.some((x) => x.match)).length,
      review: rows.filter((r) => !r.results.some((x) => x.match) && r.results.some((x) => x.review)).length,
      withErrors: rows.filter((r) => r.row.errors.length > 0).length,
    };
  }, [results]);

  const shown = results?.rows.slice(page * PAGE_ROWS, (page + 1) * PAGE_ROWS) ?? [];
  const pages = results ? Math.ceil(results.rows.length / PAGE_ROWS) : 0;

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        Batch screening
      </h2>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <p className="meta">
          CSV with a header naming some of: <code>full_name</code>, <code>first_name</code>, <code>middle_name</code>, <code>last_name</code>, <code>gender</code>, <code>date_of_birth</code>, <code>place_of_birth</code>,{' '}
          <code>nationality</code>, <code>id</code>, <code>schema</code>, <code>id_number</code>, <code>wallet</code> (as <code>counterflow screen --batch</code>). The file is read in this browser and sent in requests of at most 100 queries.
        </p>
        <div className="form-grid">
          <div className="wide">
            <label htmlFor={`${id}-file`}>Batch file (CSV)</label>
            <input id={`${id}-file`} ref={file} type="file" accept=".csv,text/csv" />
          </div>
          <div>
            <label htmlFor={`${id}-schema`}>Schema for rows without one</label>
            <select id={`${id}-schema`} value={schema} onChange={(e) => setSchema(e.target.value)}>
              <option value="">Automatic</option>
              {SCREEN_SCHEMAS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-limit`}>Results per row</label>
            <input id={`${id}-limit`} type="number" min={1} max={20} value={limit} onChange={(e) => setLimit(Math.max(1, Math.min(20, Number(e.target.value) || 1)))} />
          </div>
          <div>
            <label htmlFor={`${id}-alg`}>Algorithm</label>
            <select id={`${id}-alg`} value={algorithm} onChange={(e) => setAlgorithm(e.target.value as Algorithm)}>
              <option value="logic">logic</option>
              <option value="ofac">ofac</option>
            </select>
          </div>
          <div className="button-row">
            <button type="submit" disabled={progress !== undefined}>
              Screen the file
            </button>
            {progress !== undefined && (
              <button type="button" className="btn-secondary" onClick={() => abort.current?.abort()}>
                Stop
              </button>
            )}
          </div>
        </div>
      </form>
      {progress !== undefined && <Loading what="Screening the batch" fraction={progress} />}
      {error !== undefined && <ErrorMessage error={error} what="Batch screening" />}
      {warnings.length > 0 && <div className="warnings">{warnings.join('; ')}</div>}
      {results && summary && (
        <section className="panel" aria-labelledby={`${id}-res`}>
          <h2 id={`${id}-res`}>
            {results.name}: {summary.rows} rows, {summary.matched} with a match, {summary.review} to review, {summary.withErrors} with input problems
          </h2>
          <p className="meta">Open a listed entity to record a decision on it or add it to a case.</p>
          <div className="button-row">
            <button type="button" onClick={() => saveFile(batchOutputCsv(results.rows), results.name.replace(/\.csv$/i, '') + '-results.csv', 'text/csv')}>
              Download results (CSV)
            </button>
          </div>
          <div className="table-wrap scroll">
            <table>
              <caption className="visually-hidden">Batch results, one line per result</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">Row</th>
                  <th scope="col">Id</th>
                  <th scope="col">Input</th>
                  <th scope="col" className="num">Rank</th>
                  <th scope="col" className="num">Score</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Listed entity</th>
                  <th scope="col">List / entry</th>
                  <th scope="col">Explanation</th>
                  <th scope="col">Input problems</th>
                </tr>
              </thead>
              <tbody>
                {shown.flatMap(({ row, results: hits }) =>
                  (hits.length ? hits : [undefined]).map((h, i) => (
                    <tr key={`${row.row}-${i}`}>
                      <td className="num">{i === 0 ? row.row : ''}</td>
                      <td>{i === 0 ? row.id : ''}</td>
                      <td>{i === 0 ? row.inputName : ''}</td>
                      <td className="num">{h ? i + 1 : ''}</td>
                      <td className="num">{h ? formatScore(h.score) : ''}</td>
                      <td>{h ? <Badge value={h.match ? 'match' : 'review'} label={h.match ? 'Match' : 'Review'} /> : 'no hit'}</td>
                      <td>{h ? <a href={href(['entity', h.id])}>{h.caption}</a> : ''}</td>
                      <td>{h ? `${h.provenance?.list ?? h.datasets.join(' ')} ${h.provenance?.entryId ?? ''}` : ''}</td>
                      <td>{h ? explanationSummary(h) : ''}</td>
                      <td>{i === 0 ? row.errors.join('; ') : ''}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <div className="button-row">
              <button type="button" className="btn-secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Previous rows
              </button>
              <span>
                Rows {page * PAGE_ROWS + 1}–{Math.min(results.rows.length, (page + 1) * PAGE_ROWS)} of {results.rows.length}
              </span>
              <button type="button" className="btn-secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                Next rows
              </button>
            </div>
          )}
          <ListsSource algorithm={algorithm} />
        </section>
      )}
    </section>
  );
}
