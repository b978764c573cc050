/** What a case collects: a wallet, a listed entity, a remote-worker record, a free-text note, a registry incident. */
export const CASE_ITEM_KINDS = ['address', 'entity', 'worker', 'note', 'incident'] as const;
export type CaseItemKind = (typeof CASE_ITEM_KINDS)[number];

/**
 * Decisions on a case. The first five are those of `POST /decisions` on a hit; `escalate` hands the case
 * up, `close` closes it and `reopen` opens a closed case again (decisions are never edited or withdrawn,
 * so a mistaken close is undone by a later `reopen`).
 */
export const CASE_DECISIONS = ['true_positive', 'false_positive', 'override', 'block', 'clear', 'escalate', 'close', 'reopen'] as const;
export type CaseDecisionKind = (typeof CASE_DECISIONS)[number];

export type CaseStatus = 'open' | 'closed';

/** Case ids are 32-bit (a serial column on PostgreSQL); a larger number names no case. */
export const MAX_CASE_ID = 2_147_483_647;

export interface NewCase {
  title: string;
  description?: string;
}

export interface NewCaseItem {
  kind: CaseItemKind;
  /** Address, entity id, worker record id, incident id; for a note, the note's text when `note` is absent. */
  ref: string;
  label?: string;
  note?: string;
}

export interface NewCaseDecision {
  decision: CaseDecisionKind;
  reason: string;
}

export interface CaseItem {
  id: number;
  kind: CaseItemKind;
  ref: string;
  label?: string;
  note?: string;
  addedBy: string;
  /** ISO timestamp. */
  addedAt: string;
}

/** Append-only: a decision is never changed or deleted. */
export interface CaseDecision {
  id: number;
  decision: CaseDecisionKind;
  reason: string;
  actor: string;
  /** ISO timestamp. */
  at: string;
}

/** One line of `GET /cases`. `decision` is the latest decision, when there is one. */
export interface CaseSummary {
  id: number;
  title: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
  decision?: CaseDecisionKind;
}

/** A whole case: `GET /cases/{id}`. Items and decisions oldest first. */
export interface CaseDetail {
  id: number;
  title: string;
  description: string;
  status: CaseStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  items: CaseItem[];
  decisions: CaseDecision[];
}

/**
 * The status a case has after a decision: `close` closes it, `reopen` opens it, others leave it.
 *
 * @example
 * statusAfter('open', 'close'); // 'closed'
 */
export function statusAfter(current: CaseStatus, decision: CaseDecisionKind): CaseStatus {
  if (decision === 'close') return 'closed';
  if (decision === 'reopen') return 'open';
  return current;
}
