import type { WorkerRecord } from '../input/record.js';
import type { SourceDocument } from '../sources.js';
import type { VetContext } from '../context.js';

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** Default weight of a fired rule by severity: its share of the remaining doubt (see score.ts). */
export const SEVERITY_WEIGHTS: Record<Severity, number> = {
  info: 0.03,
  low: 0.1,
  medium: 0.2,
  high: 0.35,
  critical: 0.6,
};

/** What one rule says about one record. */
export interface RuleOutcome {
  fired: boolean;
  /** False when the record lacks the data the rule reads (the rule says nothing either way). */
  applicable: boolean;
  /** One sentence a reviewer can check against the data, fired or not. */
  explanation: string;
  /** Overrides the rule's weight for this record (rules whose strength depends on the evidence), within [0, rule weight]. */
  weight?: number;
  /** Records this outcome points at (shared identifiers, ring peers), by id. */
  related?: string[];
}

/** A red flag as a named, sourced, parameterised check. */
export interface Rule<P extends object = object> {
  /** Stable id, `family.name`, e.g. `network.vpn-or-hosting`. */
  id: string;
  family: string;
  title: string;
  /** Input fields the rule reads (documented names). */
  fields: readonly string[];
  parameters: Readonly<P>;
  severity: Severity;
  weight: number;
  /** The advisory the red flag comes from; further documents that name it. */
  source: SourceDocument;
  seeAlso: readonly SourceDocument[];
  /** A fired rule that means "do not proceed" on its own (a sanctions match). */
  blocking: boolean;
  /** `record` rules run first; `ring` rules read the first-pass scores of ring peers. */
  phase: 'record' | 'ring';
  evaluate(record: WorkerRecord, context: VetContext): RuleOutcome;
}

export interface RuleSpec<P extends object> {
  id: string;
  title: string;
  fields: readonly string[];
  parameters: P;
  severity: Severity;
  weight?: number;
  source: SourceDocument;
  seeAlso?: readonly SourceDocument[];
  blocking?: boolean;
  phase?: 'record' | 'ring';
  evaluate(record: WorkerRecord, context: VetContext, parameters: Readonly<P>): RuleOutcome;
}
