import { useEffect, useId, useState } from 'react';
import { api } from '../../api.js';
import type { TaintModel, TraceReport, TraceRequest } from '../../api-types.js';
import { ErrorMessage, Loading } from '../../components/status.js';
import { useAsync } from '../../hooks/use-async.js';
import { navigate } from '../../hooks/use-route.js';
import { DEMO_INCIDENT, withDemoIncident } from '../../lib/demo.js';
import { href, type Route } from '../../lib/route.js';
import { TraceResults } from './TraceResults.js';

interface TraceForm {
  incident: string;
  addresses: string;
  chain: string;
  direction: 'forward' | 'backward';
  model: TaintModel;
  hops: number;
}

function formFromRoute(route: Route): TraceForm {
  const q = route.query;
  const direction = q.get('direction') === 'backward' ? 'backward' : 'forward';
  const model = (['haircut', 'poison', 'fifo'] as const).find((m) => m === q.get('model')) ?? 'haircut';
  const hops = Number(q.get('hops'));
  return { incident: q.get('incident') ?? '', addresses: (q.get('address') ?? '').split(',').filter(Boolean).join('\n'), chain: q.get('chain') ?? 'ethereum', direction, model, hops: Number.isInteger(hops) && hops >= 1 && hops <= 100 ? hops : 10 };
}

function requestOf(f: TraceForm): TraceRequest | undefined {
  const addresses = f.addresses.split(/[\s,]+/).map((a) => a.trim()).filter(Boolean);
  if (!f.incident.trim() && addresses.length === 0) return undefined;
  return { chain: f.chain.trim() || 'ethereum', ...(f.incident.trim() ? { incident: f.incident.trim() } : { from_address: addresses }), direction: f.direction, model: f.model, hops: f.hops };
}

/**
 * The trace explorer: trace an incident or addresses (`POST /trace`, polling `/jobs/{id}` when the
 * server runs it in the background), then the flow graph, where the funds ended, the timeline.
 *
 * @example
 * location.hash = '#/trace?incident=demo-bybit-like-2025';
 */
export default function TracePage({ route }: { route: Route }) {
  const id = useId();
  const [form, setForm] = useState<TraceForm>(() => formFromRoute(route));
  const [run, setRun] = useState<{ request: TraceRequest; report?: TraceReport; error?: unknown; progress?: number | undefined; job?: string } | undefined>();
  const incidents = useAsync(() => api.dashboard().then((d) => d.incidents), []);
  const routeKey = route.query.toString();

  useEffect(() => {
    const f = formFromRoute(route);
    setForm(f);
    const request = requestOf(f);
    if (!request) return;
    const abort = new AbortController();
    setRun({ request });
    (async () => {
      try {
        const started = await api.trace(request, abort.signal);
        const report =
          started.kind === 'done'
            ? started.report
            : await api.waitForJob<TraceReport>(started.job.jobId, (fraction) => setRun((r) => r && { ...r, progress: fraction, job: started.job.jobId }), abort.signal);
        setRun({ request, report });
      } catch (error) {
        if ((error as Error).name !== 'AbortError') setRun({ request, error });
      }
    })();
    return () => abort.abort();
    // Runs when the hash's query changes (the form navigates to it).
  }, [routeKey]);

  const submit = () => {
    const request = requestOf(form);
    if (!request) {
      setRun({ request: {}, error: new Error('give an incident id or at least one address to start from') });
      return;
    }
    navigate(
      href(['trace'], {
        incident: request.incident,
        address: request.from_address?.join(','),
        chain: request.chain === 'ethereum' ? undefined : request.chain,
        direction: request.direction === 'forward' ? undefined : request.direction,
        model: request.model === 'haircut' ? undefined : request.model,
        hops: request.hops === 10 ? undefined : String(request.hops),
      }),
    );
  };

  return (
    <>
      <h1>Trace explorer</h1>
      <p className="lede">Follow stolen funds hop by hop to the services where they left the chain. Filters below apply to the loaded trace without asking the server again.</p>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="form-grid">
          <div className="wide">
            <label htmlFor={`${id}-inc`}>Incident</label>
            <input id={`${id}-inc`} list={`${id}-incidents`} value={form.incident} onChange={(e) => setForm({ ...form, incident: e.target.value })} placeholder={DEMO_INCIDENT.id} autoComplete="off" />
            <datalist id={`${id}-incidents`}>
              {withDemoIncident(incidents.data).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </datalist>
          </div>
          <div className="wide">
            <label htmlFor={`${id}-addr`}>…or start from addresses (one per line)</label>
            <textarea id={`${id}-addr`} rows={2} value={form.addresses} onChange={(e) => setForm({ ...form, addresses: e.target.value })} disabled={Boolean(form.incident.trim())} style={{ width: '100%' }} />
          </div>
          <div>
            <label htmlFor={`${id}-chain`}>Chain</label>
            <input id={`${id}-chain`} value={form.chain} onChange={(e) => setForm({ ...form, chain: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`${id}-dir`}>Direction</label>
            <select id={`${id}-dir`} value={form.direction} onChange={(e) => setForm({ ...form, direction: e.target.value as TraceForm['direction'] })}>
              <option value="forward">forward (where funds went)</option>
              <option value="backward">backward (where funds came from)</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-model`}>Taint model</label>
            <select id={`${id}-model`} value={form.model} onChange={(e) => setForm({ ...form, model: e.target.value as TaintModel })}>
              <option value="haircut">haircut (proportional)</option>
              <option value="poison">poison (any contact)</option>
              <option value="fifo">fifo (first in, first out)</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-hops`}>Hops</label>
            <input id={`${id}-hops`} type="number" min={1} max={100} value={form.hops} onChange={(e) => setForm({ ...form, hops: Math.max(1, Math.min(100, Math.round(Number(e.target.value)) || 1)) })} />
          </div>
          <div>
            <button type="submit">Run trace</button>
          </div>
        </div>
      </form>
      {run && !run.report && !run.error && <Loading what={run.job ? `Tracing (job ${run.job})` : 'Tracing'} fraction={run.progress} />}
      {run?.error !== undefined && <ErrorMessage error={run.error} what="The trace" />}
      {run?.report && <TraceResults report={run.report} request={run.request} />}
    </>
  );
}
