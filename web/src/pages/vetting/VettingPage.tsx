import { useId, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../../api.js';
import type { VetReport } from '../../api-types.js';
import { Badge, ErrorMessage, Loading, Source } from '../../components/status.js';
import { Tabs } from '../../components/Tabs.js';
import { readWorkerFile, recordErrorInFile, workerName } from '../../lib/worker-file.js';
import { RecordsTable } from './RecordsTable.js';
import { RingsView } from './RingsView.js';

/**
 * Vetting: upload worker records (JSON lines, JSON, CSV — as `counterflow vet` reads), vet them with
 * `POST /vet`, and review records (levels, fired rules with sources) and facilitator rings.
 *
 * @example
 * location.hash = '#/vetting';
 */
export default function VettingPage() {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<{ file: string; report: VetReport; names: Map<string, string> } | undefined>();
  const [tab, setTab] = useState('records');
  const [ring, setRing] = useState<string | undefined>();

  const vet = async () => {
    const f = file.current?.files?.[0];
    if (!f) {
      setError(new Error('choose a file of worker records first'));
      return;
    }
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const inputs = readWorkerFile(f.name, await f.text());
      try {
        const report = await api.vet(inputs.map((i) => i.record));
        const names = new Map<string, string>();
        for (const { record } of inputs) {
          const name = workerName(record);
          const rid = record.id ?? record.record_id ?? record.worker_id ?? record.applicant_id ?? record.account_id;
          if (name && (typeof rid === 'string' || typeof rid === 'number')) names.set(String(rid), name);
        }
        setResult({ file: f.name, report, names });
        setRing(report.rings[0]?.id);
        setTab(report.rings.length > 0 ? 'rings' : 'records');
      } catch (err) {
        if (err instanceof ApiError && err.status === 400) throw new ApiError(400, err.error, recordErrorInFile(err.message, f.name, inputs), err.details);
        throw err;
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const summary = result?.report.summary;
  const levels = useMemo(() => (summary ? (['critical', 'high', 'medium', 'low'] as const).map((l) => [l, summary.by_level[l] ?? 0] as const) : []), [summary]);

  return (
    <>
      <h1>Vetting</h1>
      <p className="lede">Check remote workers and applicants against the red flags the US, South Korean and UK authorities published about DPRK IT workers, and find facilitator rings (records sharing identifiers).</p>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void vet();
        }}
      >
        <label htmlFor={`${id}-file`}>Worker records (JSON lines, JSON array or CSV, as for `counterflow vet`; e.g. demo/workers/demo-workers.json)</label>
        <input id={`${id}-file`} ref={file} type="file" accept=".json,.jsonl,.ndjson,.csv,.tsv,application/json,text/csv" />
        <div className="button-row">
          <button type="submit" disabled={busy}>
            Vet the records
          </button>
        </div>
      </form>
      {busy && <Loading what="Vetting" />}
      {error !== undefined && <ErrorMessage error={error} what="Vetting" />}
      {result && summary && (
        <>
          <section className="panel" aria-labelledby={`${id}-sum`}>
            <h2 id={`${id}-sum`}>
              {result.file}: {summary.records} records, {summary.rings} rings ({summary.records_in_rings} records in rings)
            </h2>
            <p>
              {levels.map(([level, n]) => (
                <span key={level} style={{ marginRight: 14 }}>
                  <Badge value={level} /> {n}
                </span>
              ))}
            </p>
            {result.report.warnings.length > 0 && (
              <details className="warnings">
                <summary>{result.report.warnings.length} warnings</summary>
                <ul>
                  {result.report.warnings.slice(0, 50).map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </details>
            )}
            <Source>
              POST /vet at {result.report.generated_at}; sanctions screening: {result.report.sanctions ?? 'not evaluated (no lists loaded)'}; wallet exposure: {result.report.exposure ?? 'not evaluated'}. Every fired rule names the advisory it comes
              from.
            </Source>
          </section>
          <Tabs
            label="Vetting views"
            current={tab}
            onChange={setTab}
            tabs={[
              { id: 'records', label: `Records (${summary.records})`, content: <RecordsTable report={result.report} names={result.names} onRing={(r) => (setRing(r), setTab('rings'))} /> },
              { id: 'rings', label: `Rings (${summary.rings})`, content: <RingsView report={result.report} names={result.names} selected={ring} onSelect={setRing} /> },
            ]}
          />
        </>
      )}
    </>
  );
}
