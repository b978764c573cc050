import type { PeerResult, VetContext } from './context.js';
import type { WalletExposure, WalletExposureProvider } from './exposure.js';
import type { WorkerRecord } from './input/record.js';
import { offlineIpIntel, type IpIntel } from './ip/ip-intel.js';
import { paymentKey } from './links/identifiers.js';
import { LINK_KINDS } from './links/kinds.js';
import { LinkGraphBuilder, type LinkGraph, type LinkOptions } from './links/link-graph.js';
import { ALL_RULES } from './rules/index.js';
import type { Rule, RuleOutcome, Severity } from './rules/types.js';
import type { SanctionsScreen } from './sanctions.js';
import { ACTION_TEXT, actionOf, levelOf, scoreOf, type Action, type RiskLevel } from './score.js';
import type { SourceDocument } from './sources.js';

export interface VetOptions {
  rules?: readonly Rule[];
  ip?: IpIntel;
  /** Where the IP → ASN index is cached (the Counterflow home's `cache` directory). */
  cacheDir?: string;
  sanctions?: SanctionsScreen;
  exposure?: WalletExposureProvider;
  /** The time ages are measured against (default: now). */
  now?: number;
  link?: LinkOptions;
  onProgress?: (phase: 'link' | 'rules' | 'rings', done: number, total: number) => void;
}

/** A fired rule in the report. */
export interface FiredRule {
  id: string;
  title: string;
  severity: Severity;
  /** The weight it contributed to the score. */
  weight: number;
  explanation: string;
  source: SourceDocument;
  see_also: SourceDocument[];
  blocking: boolean;
  related?: string[];
}

export interface RecordResult {
  id: string;
  score: number;
  level: RiskLevel;
  action: Action;
  action_text: string;
  ring: string | null;
  rules: FiredRule[];
  /** Rules that had no data to judge this record by. */
  not_evaluated: string[];
  source: { file: string; line: number };
}

export interface RingLinkResult {
  a: string;
  b: string;
  strength: number;
  shared: { kind: string; label: string; value: string; weight: number }[];
}

export interface RingResult {
  id: string;
  members: string[];
  links: RingLinkResult[];
  /** Highest member score. */
  max_score: number;
}

export interface VetReport {
  generated_at: string;
  records: RecordResult[];
  rings: RingResult[];
  summary: {
    records: number;
    by_level: Record<RiskLevel, number>;
    by_action: Record<Action, number>;
    rings: number;
    records_in_rings: number;
    rules_fired: Record<string, number>;
  };
  sanctions: string | null;
  exposure: string | null;
  warnings: string[];
}

/**
 * Vets a population: links records into rings, evaluates every rule on every record (record rules
 * first, then ring rules that read the peers' first-pass scores), and scores each record.
 *
 * @example
 * const report = await vetRecords(records, { sanctions: screenerSanctions(screener, 'un_sc@3') });
 * report.records[0]; // { id, score, level, action, ring, rules: [{ id, explanation, source, … }] }
 */
export async function vetRecords(records: readonly WorkerRecord[], options: VetOptions = {}): Promise<VetReport> {
  const rules = options.rules ?? ALL_RULES;
  const progress = options.onProgress;
  const builder = new LinkGraphBuilder(options.link ?? {});
  records.forEach((r, i) => {
    builder.add(r.id, r);
    if (progress && i % 1000 === 0) progress('link', i, records.length);
  });
  const graph = builder.build((i) => records[i]!);
  progress?.('link', records.length, records.length);

  const context = createVetContext(records, graph, options);
  if (options.exposure) context.exposures = await fetchExposures(records, options.exposure);

  const recordRules = rules.filter((r) => r.phase === 'record');
  const ringRules = rules.filter((r) => r.phase === 'ring');
  const outcomes: { rule: Rule; outcome: RuleOutcome }[][] = [];
  const firstPass: PeerResult[] = [];
  records.forEach((record, i) => {
    const evaluated = recordRules.map((rule) => ({ rule, outcome: rule.evaluate(record, context) }));
    outcomes.push(evaluated);
    const fired = evaluated.filter((e) => e.outcome.fired);
    firstPass.push({
      index: i,
      id: record.id,
      score: scoreOf(fired.map(weightOf)),
      topRules: fired.sort((a, b) => weightOf(b) - weightOf(a)).slice(0, 3).map((e) => e.rule.title),
      blocking: fired.some((e) => e.rule.blocking),
    });
    if (progress && i % 500 === 0) progress('rules', i, records.length);
  });
  progress?.('rules', records.length, records.length);

  context.firstPass = firstPass;
  const results: RecordResult[] = records.map((record, i) => {
    const evaluated = [...outcomes[i]!, ...ringRules.map((rule) => ({ rule, outcome: rule.evaluate(record, context) }))];
    return recordResult(record, i, evaluated, graph);
  });
  progress?.('rings', records.length, records.length);

  return report(results, graph, options, context);
}

function weightOf(e: { rule: Rule; outcome: RuleOutcome }): number {
  return e.outcome.weight === undefined ? e.rule.weight : Math.min(e.rule.weight, Math.max(0, e.outcome.weight));
}

/**
 * The context rules evaluate in, for a population and its link graph (exposures and first-pass
 * scores are filled in by {@link vetRecords}).
 *
 * @example
 * const ctx = createVetContext(records, graph, { ip: tableIpIntel({}) });
 */
export function createVetContext(records: readonly WorkerRecord[], graph: LinkGraph, options: VetOptions): VetContext {
  const byId = new Map<string, number>();
  records.forEach((r, i) => byId.set(r.id, i));
  const ratingsByClient = new Map<string, { record: number; score: number; at?: number }[]>();
  const referralsBy = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const rating of r.platform?.ratings ?? []) {
      if (!rating.client) continue;
      const list = ratingsByClient.get(rating.client) ?? [];
      list.push(rating.at === undefined ? { record: i, score: rating.score } : { record: i, score: rating.score, at: rating.at });
      ratingsByClient.set(rating.client, list);
    }
    if (r.referredBy) {
      const list = referralsBy.get(r.referredBy) ?? [];
      list.push(i);
      referralsBy.set(r.referredBy, list);
    }
  });
  const context: VetContext = {
    now: options.now ?? Date.now(),
    ip: options.ip ?? offlineIpIntel(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    records,
    indexOf: (r) => {
      const i = byId.get(r.id);
      if (i === undefined) throw new Error(`record ${r.id} is not in the vetted population`);
      return i;
    },
    graph,
    ratingsByClient,
    referralsBy,
  };
  if (options.sanctions) context.sanctions = options.sanctions;
  return context;
}

async function fetchExposures(records: readonly WorkerRecord[], provider: WalletExposureProvider): Promise<Map<string, WalletExposure | null>> {
  const out = new Map<string, WalletExposure | null>();
  for (const r of records) {
    for (const p of r.paymentAccounts) {
      if (!p.identifier || out.has(p.identifier) || paymentKey(p)?.kind !== 'wallet') continue;
      out.set(p.identifier, await provider.exposure(p.identifier));
    }
  }
  return out;
}

function recordResult(record: WorkerRecord, index: number, evaluated: { rule: Rule; outcome: RuleOutcome }[], graph: LinkGraph): RecordResult {
  const fired = evaluated.filter((e) => e.outcome.fired).sort((a, b) => weightOf(b) - weightOf(a) || a.rule.id.localeCompare(b.rule.id));
  const score = scoreOf(fired.map(weightOf));
  const blocking = fired.some((e) => e.rule.blocking);
  const action = actionOf(score, blocking);
  return {
    id: record.id,
    score,
    level: blocking && levelOf(score) !== 'critical' ? 'critical' : levelOf(score),
    action,
    action_text: ACTION_TEXT[action],
    ring: graph.ringOf(index)?.id ?? null,
    rules: fired.map((e) => {
      const f: FiredRule = {
        id: e.rule.id,
        title: e.rule.title,
        severity: e.rule.severity,
        weight: Math.round(weightOf(e) * 1000) / 1000,
        explanation: e.outcome.explanation,
        source: e.rule.source,
        see_also: [...e.rule.seeAlso],
        blocking: e.rule.blocking,
      };
      if (e.outcome.related?.length) f.related = e.outcome.related;
      return f;
    }),
    not_evaluated: evaluated.filter((e) => !e.outcome.applicable).map((e) => e.rule.id),
    source: record.source,
  };
}

function report(results: RecordResult[], graph: LinkGraph, options: VetOptions, context: VetContext): VetReport {
  const byLevel: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const byAction: Record<Action, number> = { none: 0, verify: 0, escalate: 0, block: 0 };
  const rulesFired: Record<string, number> = {};
  for (const r of results) {
    byLevel[r.level]++;
    byAction[r.action]++;
    for (const f of r.rules) rulesFired[f.id] = (rulesFired[f.id] ?? 0) + 1;
  }
  const rings: RingResult[] = graph.rings.map((ring) => ({
    id: ring.id,
    members: ring.members.map((m) => graph.ids[m]!),
    links: ring.links.map((l) => ({
      a: graph.ids[l.a]!,
      b: graph.ids[l.b]!,
      strength: Math.round(l.strength * 1000) / 1000,
      shared: dedupeEvidence(
        l.evidence.map((ev) => ({
          kind: ev.kind,
          label: LINK_KINDS[ev.kind].label,
          value:
            ev.group !== undefined
              ? graph.valueOf(graph.groups[ev.group]!)
              : ev.distance !== undefined
                ? `Hamming distance ${ev.distance} of 64`
                : `${Math.round((ev.similarity ?? 0) * 100)}% similar (MinHash estimate)`,
          weight: Math.round(ev.weight * 1000) / 1000,
        })),
      ),
    })),
    max_score: Math.max(...ring.members.map((m) => results[m]!.score)),
  }));
  const warnings = [...graph.warnings];
  if (!context.sanctions) warnings.push('no sanctions lists loaded: names and wallets were not screened (load lists with `counterflow lists update`)');
  if (!options.exposure) warnings.push('no wallet exposure provider: payout wallets were not traced (no transfers stored for their chains, or --no-exposure)');
  return {
    generated_at: new Date(context.now).toISOString(),
    records: results,
    rings,
    summary: {
      records: results.length,
      by_level: byLevel,
      by_action: byAction,
      rings: rings.length,
      records_in_rings: rings.reduce((n, r) => n + r.members.length, 0),
      rules_fired: rulesFired,
    },
    sanctions: context.sanctions?.description ?? null,
    exposure: options.exposure ? (options.exposure.description ?? 'provider given') : null,
    warnings,
  };
}

function dedupeEvidence<T extends { kind: string; value: string; weight: number }>(items: T[]): T[] {
  const best = new Map<string, T>();
  for (const item of items) {
    const key = `${item.kind}\u0000${item.value}`;
    const prev = best.get(key);
    if (!prev || item.weight > prev.weight) best.set(key, item);
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight);
}
