import { normaliseAddress } from '../addresses/index.js';
import { InputError } from '../errors.js';
import { CASE_DECISIONS, CASE_ITEM_KINDS, type CaseDecisionKind, type CaseItemKind, type NewCase, type NewCaseDecision, type NewCaseItem } from './case.js';

export const CASE_LIMITS = {
  title: 200,
  description: 10_000,
  ref: 500,
  label: 200,
  note: 10_000,
  reason: 2000,
  actor: 200,
} as const;

// C0 and C1 control characters and DEL; line breaks and tabs are allowed only in long free text.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\t\n\r]/u;
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:@+-]*$/;
const INCIDENT_ID = /^[a-z0-9][a-z0-9._-]*$/;

function text(source: string, field: string, value: unknown, max: number, options: { required: boolean; multiline: boolean }): string | undefined {
  if (value === undefined || value === null) {
    if (options.required) throw new InputError(source, 'is required', undefined, field);
    return undefined;
  }
  if (typeof value !== 'string') throw new InputError(source, `expected text, got ${typeof value}`, undefined, field);
  const trimmed = value.trim();
  if (!trimmed) {
    if (options.required) throw new InputError(source, 'is empty', undefined, field);
    return undefined;
  }
  if (trimmed.length > max) throw new InputError(source, `is ${trimmed.length} characters long; at most ${max}`, undefined, field);
  if ((options.multiline ? CONTROL_BUT_LINES : CONTROL).test(trimmed)) throw new InputError(source, 'contains control characters', undefined, field);
  return trimmed;
}

/**
 * Checks and trims a new case: a title (1–200 characters, one line) and an optional description.
 *
 * @example
 * validateNewCase({ title: ' Bybit layering wallets ' }); // { title: 'Bybit layering wallets' }
 */
export function validateNewCase(input: NewCase, source = 'case'): NewCase {
  const title = text(source, 'title', input.title, CASE_LIMITS.title, { required: true, multiline: false })!;
  const description = text(source, 'description', input.description, CASE_LIMITS.description, { required: false, multiline: true });
  return description === undefined ? { title } : { title, description };
}

/**
 * Checks an item and puts its reference in canonical form: an address is validated per chain and
 * normalised (EVM lower case), an entity id is one token, an incident id is a registry-style id, a note's
 * text is its `ref` (taken from `note` when `ref` is empty).
 *
 * @example
 * validateNewItem({ kind: 'address', ref: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }).ref;
 * // '0x098b716b8aaf21512996dc57eb0615e2383e2f96'
 */
export function validateNewItem(input: NewCaseItem, source = 'case item'): NewCaseItem {
  const kind = input.kind as string;
  if (!(CASE_ITEM_KINDS as readonly string[]).includes(kind)) throw new InputError(source, `unknown kind "${kind}"; expected ${CASE_ITEM_KINDS.join(', ')}`, undefined, 'kind');
  const label = text(source, 'label', input.label, CASE_LIMITS.label, { required: false, multiline: false });
  let note = text(source, 'note', input.note, CASE_LIMITS.note, { required: false, multiline: true });
  let ref: string;
  if (kind === 'note') {
    const given = text(source, 'ref', input.ref, CASE_LIMITS.note, { required: note === undefined, multiline: true });
    ref = given ?? note!;
    if (given === undefined) note = undefined;
  } else {
    ref = text(source, 'ref', input.ref, CASE_LIMITS.ref, { required: true, multiline: false })!;
    ref = canonicalRef(kind as Exclude<CaseItemKind, 'note'>, ref, source);
  }
  return { kind: kind as CaseItemKind, ref, ...(label !== undefined ? { label } : {}), ...(note !== undefined ? { note } : {}) };
}

function canonicalRef(kind: Exclude<CaseItemKind, 'note'>, ref: string, source: string): string {
  switch (kind) {
    case 'address': {
      const n = normaliseAddress(ref);
      if (!n.valid) throw new InputError(source, `not a valid crypto address: ${n.problem ?? 'unknown format'}`, undefined, 'ref');
      return n.address;
    }
    case 'entity':
      if (!ENTITY_ID.test(ref)) throw new InputError(source, `"${ref}" is not an entity id (letters, digits and . _ : @ + - only)`, undefined, 'ref');
      return ref;
    case 'incident':
      if (!INCIDENT_ID.test(ref)) throw new InputError(source, `"${ref}" is not an incident id (lower-case letters, digits, dot, dash, underscore)`, undefined, 'ref');
      return ref;
    case 'worker':
      return ref;
  }
}

/**
 * Checks a decision: one of {@link CASE_DECISIONS} with a non-empty reason.
 *
 * @example
 * validateDecision({ decision: 'block', reason: 'wallet on the FBI list' });
 */
export function validateDecision(input: NewCaseDecision, source = 'decision'): NewCaseDecision {
  const decision = input.decision as string;
  if (!(CASE_DECISIONS as readonly string[]).includes(decision)) throw new InputError(source, `unknown decision "${decision}"; expected ${CASE_DECISIONS.join(', ')}`, undefined, 'decision');
  const reason = text(source, 'reason', input.reason, CASE_LIMITS.reason, { required: true, multiline: true })!;
  return { decision: decision as CaseDecisionKind, reason };
}

/**
 * Checks the name recorded as who did something (an API key's name, `local`, `cli:<user>`).
 *
 * @example
 * validateActor(' alice '); // 'alice'
 */
export function validateActor(actor: string, source = 'actor'): string {
  return text(source, 'actor', actor, CASE_LIMITS.actor, { required: true, multiline: false })!;
}
