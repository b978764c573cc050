import type { Incident } from '../tracing/labels/incidents.js';
import type { TaintModel } from '../tracing/taint-engine.js';
import type { IncidentTrace, TraceUnavailable } from './incident-trace.js';
import { launderingFlow, type LaunderingFlow } from './laundering-flow.js';

/** What a report on the flow rests on: a trace of stored transfers, or the registry's facts only (and why). */
export type IncidentBasis = { kind: 'trace'; chain: string; model: TaintModel; hops: number; flow: LaunderingFlow } | { kind: 'registry'; reason: string };

/** Everything an incident report shows, in HTML or PDF. */
export interface IncidentReportData {
  generatedAt: string;
  incident: Incident;
  basis: IncidentBasis;
}

/**
 * The data of an incident report: the registry record and, when the chain store held the seeds'
 * transfers, the laundering flow of the trace.
 *
 * @example
 * const data = incidentReportData(incident, traceIncident(graph, labels, incident, { model: 'haircut', hops: 10 }));
 */
export function incidentReportData(incident: Incident, trace: IncidentTrace | TraceUnavailable, generatedAt = new Date().toISOString()): IncidentReportData {
  const basis: IncidentBasis =
    'unavailable' in trace ? { kind: 'registry', reason: trace.unavailable } : { kind: 'trace', chain: trace.chain, model: trace.model, hops: trace.hops, flow: launderingFlow(trace, incident) };
  return { generatedAt, incident, basis };
}
