import { z } from 'zod';
import { CASE_DECISIONS, CASE_ITEM_KINDS, MAX_CASE_ID } from '../../cases/case.js';
import { CASE_LIMITS } from '../../cases/validate.js';
import { numberParam } from '../params.js';

export const caseIdParams = z.object({ id: numberParam({ min: 1, max: MAX_CASE_ID, int: true }).meta({ description: 'the case id' }) });

export const casesQuerystring = z.object({
  status: z.enum(['open', 'closed']).optional(),
  limit: numberParam({ min: 1, max: 1000, int: true }).default(200),
});

export const newCaseBody = z
  .object({
    title: z.string().max(CASE_LIMITS.title * 2),
    description: z.string().max(CASE_LIMITS.description * 2).optional(),
  })
  .strict();

export const newItemBody = z
  .object({
    kind: z.enum(CASE_ITEM_KINDS),
    ref: z.string().max(CASE_LIMITS.note * 2).meta({ description: 'address, entity id, worker record id, incident id; for a note, its text' }),
    label: z.string().max(CASE_LIMITS.label * 2).optional(),
    note: z.string().max(CASE_LIMITS.note * 2).optional(),
  })
  .strict();

export const newDecisionBody = z
  .object({
    decision: z.enum(CASE_DECISIONS),
    reason: z.string().max(CASE_LIMITS.reason * 2),
  })
  .strict();

const status = z.enum(['open', 'closed']);

export const caseItemView = z.object({
  id: z.number().int(),
  kind: z.enum(CASE_ITEM_KINDS),
  ref: z.string(),
  label: z.string().optional(),
  note: z.string().optional(),
  addedBy: z.string(),
  addedAt: z.string(),
});

export const caseDecisionView = z.object({ id: z.number().int(), decision: z.enum(CASE_DECISIONS), reason: z.string(), actor: z.string(), at: z.string() });

export const caseView = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string(),
  status,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  items: z.array(caseItemView),
  decisions: z.array(caseDecisionView),
});

export const caseList = z.object({
  cases: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      status,
      createdAt: z.string(),
      updatedAt: z.string(),
      itemCount: z.number().int(),
      decision: z.enum(CASE_DECISIONS).optional(),
    }),
  ),
});

export const addedItemView = caseItemView.extend({ added: z.boolean().meta({ description: 'false when the case already held this address, entity, worker or incident' }) });

export const recordedDecisionView = caseDecisionView.extend({ status: status.meta({ description: 'the case status after the decision' }) });
