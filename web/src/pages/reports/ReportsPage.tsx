import { useEffect, useId, useState } from 'react';
import { api, exportPath, fetchBlob, reportPath } from '../../api.js';
import { ErrorMessage, Loading, Source } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import { navigate } from '../../hooks/use-route.js';
import { withDemoIncident } from '../../lib/demo.js';
import { saveFile } from '../../lib/download.js';
import { href, type Route } from '../../lib/route.js';

type Subject = { kind: 'incidents'; id: string } | { kind: 'cases'; id: string };

/**
 * Reports: the incident report or case report as HTML (shown here) and PDF, and the FtM export, as the
 * server renders them.
 *
 * @example
 * location.hash = '#/reports?incident=demo-bybit-like-2025';
 */
export default function ReportsPage({ route }: { route: Route }) {
  const id = useId();
  const incidents = useAsync(() => api.dashboard().then((d) => d.incidents), []);
  const cases = useAsync(() => api.cases().then((c) => c.cases), []);
  const fromRoute: Subject | undefined = route.query.get('case') ? { kind: 'cases', id: route.query.get('case')! } : route.query.get('incident') ? { kind: 'incidents', id: route.query.get('incident')! } : undefined;
  const subject = fromRoute ?? (incidents.data?.[0] ? { kind: 'incidents' as const, id: incidents.data[0].id } : undefined);
  const choice = subject ? `${subject.kind}:${subject.id}` : '';
  const [html, setHtml] = useState<{ key: string; text?: string; error?: unknown } | undefined>();
  const [fileError, setFileError] = useState<unknown>();
  const [busy, setBusy] = useState<string | undefined>();

  useEffect(() => {
    if (!subject) return;
    const key = `${subject.kind}:${subject.id}`;
    const abort = new AbortController();
    setHtml({ key });
    fetchBlob(reportPath(subject.kind, subject.id, 'html'), abort.signal)
      .then((b) => b.text())
      .then(
        (text) => setHtml({ key, text }),
        (error: unknown) => {
          if ((error as Error).name !== 'AbortError') setHtml({ key, error });
        },
      );
    return () => abort.abort();
  }, [choice]);

  const download = async (path: string, name: string) => {
    setFileError(undefined);
    setBusy(name);
    try {
      saveFile(await fetchBlob(path), name);
    } catch (err) {
      setFileError(err);
    } finally {
      setBusy(undefined);
    }
  };

  const select = (value: string) => {
    const [kind, ...rest] = value.split(':');
    const ref = rest.join(':');
    navigate(href(['reports'], kind === 'cases' ? { case: ref } : { incident: ref }));
  };

  const base = subject ? (subject.kind === 'incidents' ? `incident-${subject.id}` : `case-${subject.id}`) : '';
  return (
    <>
      <h1>Reports</h1>
      <p className="lede">Incident and case reports laid out the way sanctions panels publish: summary, flows, exits by service, charts, addresses and sources. Download as HTML or PDF, or export the entities as FollowTheMoney JSON.</p>
      <section className="panel">
        <label htmlFor={`${id}-subject`}>Report on</label>
        <select id={`${id}-subject`} value={choice} onChange={(e) => select(e.target.value)}>
          {!subject && <option value="">Choose…</option>}
          <optgroup label="Incidents">
            {withDemoIncident(incidents.data).map((i) => (
              <option key={i.id} value={`incidents:${i.id}`}>
                {i.name}
                {i.date ? ` (${i.date})` : ''}
              </option>
            ))}
            {fromRoute?.kind === 'incidents' && !withDemoIncident(incidents.data).some((i) => i.id === fromRoute.id) && <option value={`incidents:${fromRoute.id}`}>{fromRoute.id}</option>}
          </optgroup>
          <optgroup label="Cases">
            {cases.data?.map((c) => (
              <option key={c.id} value={`cases:${c.id}`}>
                {c.title} (case {String(c.id)})
              </option>
            ))}
            {fromRoute?.kind === 'cases' && !cases.data?.some((c) => String(c.id) === fromRoute.id) && <option value={`cases:${fromRoute.id}`}>case {fromRoute.id}</option>}
          </optgroup>
        </select>
        {subject && (
          <div className="button-row">
            <button type="button" disabled={busy !== undefined} onClick={() => void download(reportPath(subject.kind, subject.id, 'pdf'), `${base}.pdf`)}>
              Download PDF
            </button>
            <button type="button" className="btn-secondary" disabled={busy !== undefined} onClick={() => void download(reportPath(subject.kind, subject.id, 'html'), `${base}.html`)}>
              Download HTML
            </button>
            <button type="button" className="btn-secondary" disabled={busy !== undefined} onClick={() => void download(exportPath(subject.kind === 'cases' ? 'case' : 'trace', subject.id), `${base}.ftm.json`)}>
              Export FtM entities
            </button>
          </div>
        )}
        {busy && <Loading what={`Preparing ${busy}`} />}
        {fileError !== undefined && <ErrorMessage error={fileError} what="The download" />}
        {incidents.error && <ErrorMessage error={incidents.error} what="Loading the incidents" />}
        {cases.error && <ErrorMessage error={cases.error} what="Loading the cases" />}
      </section>
      {html && !html.text && !html.error && <Loading what="Rendering the report" />}
      {html?.error !== undefined && <ErrorMessage error={html.error} what="The report" />}
      {html?.text && (
        <section className="panel" aria-label="Report preview">
          <iframe className="report-frame" title={`Report preview: ${subject?.id ?? ''}`} srcDoc={html.text} sandbox="" />
          <Source>rendered by the server ({subject ? reportPath(subject.kind, subject.id, 'html') : ''}); the PDF has the same sections.</Source>
        </section>
      )}
    </>
  );
}
