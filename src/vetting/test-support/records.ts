import type { VetContext } from '../context.js';
import type { WalletExposure } from '../exposure.js';
import { parseWorkerRecord } from '../input/parse-record.js';
import type { WorkerRecord } from '../input/record.js';
import { tableIpIntel, type IpIntel } from '../ip/ip-intel.js';
import { LinkGraphBuilder } from '../links/link-graph.js';
import type { Rule, RuleOutcome } from '../rules/types.js';
import type { SanctionsScreen } from '../sanctions.js';
import { createVetContext } from '../vet.js';

/** A record from raw input, as the JSON-lines reader would make it. */
export function rec(raw: Record<string, unknown>, line = 1): WorkerRecord {
  return parseWorkerRecord(raw, { file: 'test.jsonl', line });
}

export interface TestContextOptions {
  ip?: IpIntel;
  sanctions?: SanctionsScreen;
  exposures?: Map<string, WalletExposure | null>;
  now?: number;
}

/** The rule context for a small population, with an empty IP table unless one is given. */
export function contextFor(records: WorkerRecord[], options: TestContextOptions = {}): VetContext {
  const builder = new LinkGraphBuilder();
  for (const r of records) builder.add(r.id, r);
  const graph = builder.build((i) => records[i]!);
  const ctx = createVetContext(records, graph, { ip: options.ip ?? tableIpIntel({}), now: options.now ?? Date.UTC(2025, 5, 1), ...(options.sanctions ? { sanctions: options.sanctions } : {}) });
  if (options.exposures) ctx.exposures = options.exposures;
  return ctx;
}

/** Evaluates one rule on the first record of a population (the others are its peers). */
export function check(rule: Rule, population: WorkerRecord[], options: TestContextOptions = {}): RuleOutcome {
  return rule.evaluate(population[0]!, contextFor(population, options));
}

/** `count` timestamps, one per day from `startUtc`, at the given UTC hours in turn. */
export function dailyAt(startUtc: number, count: number, utcHours: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = startUtc + Math.floor(i / utcHours.length) * 86_400_000;
    out.push(new Date(day + utcHours[i % utcHours.length]! * 3_600_000).toISOString());
  }
  return out;
}

/** A rule's two test cases: a population whose first record must fire it, and a near miss that must not. */
export interface RuleCase {
  fires: WorkerRecord[];
  nearMiss: WorkerRecord[];
  options?: TestContextOptions;
  /** Context of the near miss when it differs from `options`. */
  nearMissOptions?: TestContextOptions;
  /** What the explanation of the fired case must say. */
  says: RegExp;
}
