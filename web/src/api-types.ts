/**
 * The shapes of the Counterflow HTTP API as the web app reads them (the shared HTTP contract; the
 * server's zod schemas in src/api/<group>/ are the reference). Only the fields the pages use are
 * typed; the server may send more.
 */
// Shapes the server answers with, taken from the modules that produce them (type-only: nothing of the
// server is bundled by these lines).
import type { Provenance } from '../../src/ftm/entity.js';
import type { FeatureExplanation, MatchQuery } from '../../src/screening/types.js';
export type { FeatureExplanation, MatchQuery };
export type { TraceAddress, TraceEdge, TraceExit, TraceReport } from '../../src/tracing/trace.js';
export type { PatternFinding } from '../../src/tracing/patterns/pattern.js';
export type { ExposureItem, ExposureReport } from '../../src/tracing/exposure.js';
export type { SourceDocument } from '../../src/vetting/sources.js';
export type { Provenance } from '../../src/ftm/entity.js';
export type { FiredRule, RecordResult as VetRecordResult, RingLinkResult as RingLink, RingResult as Ring, VetReport } from '../../src/vetting/vet.js';

/** Every error response: `{error, message, details?}` with a 4xx (or 5xx) status. */
export interface ApiErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

// ---- lists, entities, screening ------------------------------------------------------------

export interface ListVersionInfo {
  list: string;
  seq: number;
  ref: string;
  status: string;
  format: string;
  publishedAt: string | null;
  loadedAt: string;
  sourceUrl: string | null;
  targetCount: number;
  entityCount: number;
  dprkEntries: number;
}

export interface ListsResponse {
  lists: ListVersionInfo[];
  index: { entities: number; lists: string[]; buildMs: number };
}

export interface EntityJson {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen?: string;
  last_seen?: string;
  provenance?: Provenance;
}


export interface MatchResultJson extends EntityJson {
  score: number;
  match: boolean;
  review: boolean;
  explanations: Record<string, FeatureExplanation>;
}


export interface MatchResponse {
  responses: Record<string, { status: number; results: MatchResultJson[]; total: { value: number; relation: string }; query: MatchQuery }>;
  limit: number;
}

export type Algorithm = 'logic' | 'ofac';

// ---- tracing -------------------------------------------------------------------------------

export type LabelCategory = 'exchange' | 'mixer' | 'bridge' | 'dex' | 'instant_exchanger' | 'otc' | 'sanctioned' | 'stolen_funds' | 'scam' | 'gambling' | 'other';

export interface TraceLabel {
  category: string;
  name: string;
  origin: string;
  basis?: string;
}






export type TaintModel = 'haircut' | 'poison' | 'fifo';

export interface TraceRequest {
  chain?: string;
  incident?: string;
  from_address?: string[];
  from_tx?: string[];
  direction?: 'forward' | 'backward';
  model?: TaintModel;
  asset?: string;
  hops?: number;
  min_amount?: number;
}

/** `POST /trace` that runs long answers 202 with a job to poll. */
export interface JobAccepted {
  jobId: string;
  status: JobStatus;
  progress?: number | JobProgress;
  location?: string;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobProgress {
  /** queued, started, loading graph, tracing, done … */
  phase?: string;
  done?: number;
  total?: number;
  fraction?: number;
}

/** `GET /jobs/{id}`. */
export interface JobState<T = unknown> {
  id: string;
  kind?: string;
  status: JobStatus;
  progress?: number | JobProgress;
  createdAt?: string;
  finishedAt?: string;
  result?: T;
  error?: string | ApiErrorBody;
  message?: string;
}



// ---- vetting -------------------------------------------------------------------------------

export type VetLevel = 'low' | 'medium' | 'high' | 'critical';
export type VetAction = 'none' | 'verify' | 'escalate' | 'block';







// ---- decisions, audit ----------------------------------------------------------------------

export type SubjectKind = 'entity' | 'address' | 'worker' | 'query';
export type Decision = 'true_positive' | 'false_positive' | 'override' | 'block' | 'clear';
export type CaseDecision = Decision | 'escalate' | 'close';

export interface DecisionRequest {
  subject: { kind: SubjectKind; ref: string };
  decision: Decision;
  reason: string;
  context?: Record<string, unknown>;
}

/** Who did something: the API key's holder (`local` when the server runs without keys). */
export type Actor = string | { id: string; name: string; role: string };

export interface DecisionRecord {
  id: string | number;
  at: string;
  actor: Actor;
  decision?: string;
  reason?: string;
  subject?: { kind: string; ref: string } | string;
  [key: string]: unknown;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actor: Actor;
  action: string;
  subject: string;
  inputDigest?: string;
  resultDigest?: string;
  listVersions?: string[];
  detail?: unknown;
}

// ---- dashboard -----------------------------------------------------------------------------

export interface DashboardIncident {
  id: string;
  name: string;
  date: string;
  victim: string;
  chains: string[];
  usdLow: number | null;
  usdHigh: number | null;
  attribution: string | { actor: string; by?: string; source?: string };
}

export interface Dashboard {
  msmt: { period: string; stolenUsd: number; byYear: { year: string | number; usd: number; source: string }[]; source?: string };
  incidents: DashboardIncident[];
  stolenPerYear: { year: string | number; incidents: number; usdLow: number; usdHigh: number }[];
  fundsByService: { category: string; name: string; amount: number; asset: string; usd?: number; share: number }[];
  openCases: number;
  openAlerts: number;
  lists: { ref: string; targetCount: number; dprkEntries: number; publishedAt: string | null }[];
  chain: { transfers: number; addresses: number };
}

// ---- cases ---------------------------------------------------------------------------------

export type CaseItemKind = 'address' | 'entity' | 'worker' | 'note' | 'incident';

export interface CaseSummary {
  id: string | number;
  title: string;
  status: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  itemCount: number;
  decision?: string | null;
}

export interface CaseItem {
  id: string | number;
  kind: CaseItemKind;
  ref: string;
  label?: string | null;
  note?: string | null;
  addedBy: Actor;
  addedAt: string;
}

export interface CaseDecisionRecord {
  id: string | number;
  decision: string;
  reason: string;
  actor: Actor;
  at: string;
}

export interface CaseDetail {
  id: string | number;
  title: string;
  description?: string | null;
  status: 'open' | 'closed';
  createdAt: string;
  updatedAt: string;
  items: CaseItem[];
  decisions: CaseDecisionRecord[];
}

export interface NewCaseItem {
  kind: CaseItemKind;
  ref: string;
  label?: string;
  note?: string;
}
