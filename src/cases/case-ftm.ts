import { normaliseAddress } from '../addresses/index.js';
import { EntityBuilder, slugId, type FtmEntity } from '../ftm/entity.js';
import type { Incident } from '../tracing/labels/incidents.js';
import type { CaseDetail, CaseItem } from './case.js';

export interface CaseFtmContext {
  /** Entities of the case's `entity` items, from the store (an item whose entity is gone gets a placeholder). */
  entities: ReadonlyMap<string, FtmEntity>;
  /** Incidents of the case's `incident` items. */
  incidents: ReadonlyMap<string, Incident>;
  dataset?: string;
}

/**
 * The FtM id of a case's Project entity.
 *
 * @example
 * caseEntityId(7); // 'case-7'
 */
export function caseEntityId(caseId: number): string {
  return slugId('case', caseId);
}

/** Same id as a trace export's wallet (`traceFtm`), so both exports merge. */
function walletId(address: string): { id: string; chain: string } {
  const n = normaliseAddress(address);
  const chain = n.chain ?? (n.family === 'evm' ? 'ethereum' : 'crypto');
  return { id: slugId('wallet', chain, n.address), chain };
}

function itemEntity(item: CaseItem, ctx: CaseFtmContext, dataset: string): FtmEntity {
  switch (item.kind) {
    case 'address': {
      const { id, chain } = walletId(item.ref);
      return new EntityBuilder('CryptoWallet', id, dataset).add('publicKey', item.ref).add('currency', chain).add('name', item.label).add('notes', item.note).build();
    }
    case 'entity': {
      const stored = ctx.entities.get(item.ref);
      if (stored) return stored;
      return new EntityBuilder('LegalEntity', item.ref, dataset)
        .add('name', item.label ?? item.ref)
        .add('notes', `not in the active list versions when the case was exported${item.note ? `; ${item.note}` : ''}`)
        .build();
    }
    case 'worker':
      return new EntityBuilder('Person', slugId('worker', item.ref), dataset)
        .add('name', item.label ?? item.ref)
        .add('notes', [`remote-worker record ${item.ref}`, item.note])
        .build();
    case 'incident': {
      const incident = ctx.incidents.get(item.ref);
      const e = new EntityBuilder('Event', slugId('incident', item.ref), dataset).add('name', incident?.name ?? item.label ?? item.ref).add('notes', item.note);
      if (incident) {
        e.add('date', incident.date)
          .add('summary', `victim: ${incident.victim}`)
          .add('notes', `attribution: ${incident.attribution.actor} (by ${incident.attribution.by})`)
          .add('sourceUrl', incident.sources.map((s) => s.url));
      }
      return e.build();
    }
    case 'note':
      throw new Error('notes are not item entities');
  }
}

/**
 * A case as FollowTheMoney entities: a Project for the case; each address, entity, worker and incident as
 * its own entity (a stored list entity unchanged, a CryptoWallet with the id a trace export gives it, a
 * Person, an Event) linked to the case by an UnknownLink (role `case item: KIND`, date added); each note
 * and each decision as a Note on the case.
 *
 * @example
 * caseFtm(detail, { entities, incidents }).map((e) => JSON.stringify(e)).join('\n');
 */
export function caseFtm(c: CaseDetail, ctx: CaseFtmContext): FtmEntity[] {
  const dataset = ctx.dataset ?? 'counterflow_cases';
  const caseId = caseEntityId(c.id);
  const project = new EntityBuilder('Project', caseId, dataset)
    .add('name', c.title)
    .add('description', c.description)
    .add('projectId', String(c.id))
    .add('status', c.status)
    .add('createdAt', c.createdAt)
    .add('modifiedAt', c.updatedAt)
    .add('startDate', c.createdAt.slice(0, 10));
  const out: FtmEntity[] = [project.build()];
  const seen = new Set<string>([caseId]);
  for (const item of c.items) {
    if (item.kind === 'note') {
      out.push(
        new EntityBuilder('Note', slugId('case', c.id, 'note', item.id), dataset)
          .add('entity', caseId)
          .add('description', item.ref)
          .add('summary', item.note)
          .add('publisher', item.addedBy)
          .add('createdAt', item.addedAt)
          .build(),
      );
      continue;
    }
    const entity = itemEntity(item, ctx, dataset);
    if (!seen.has(entity.id)) {
      seen.add(entity.id);
      out.push(entity);
    }
    out.push(
      new EntityBuilder('UnknownLink', slugId('case', c.id, 'item', item.id), dataset)
        .add('subject', caseId)
        .add('object', entity.id)
        .add('role', `case item: ${item.kind}`)
        .add('date', item.addedAt)
        .add('summary', item.label)
        .add('description', item.note)
        .add('publisher', item.addedBy)
        .build(),
    );
  }
  for (const d of c.decisions) {
    out.push(
      new EntityBuilder('Note', slugId('case', c.id, 'decision', d.id), dataset)
        .add('entity', caseId)
        .add('name', d.decision)
        .add('summary', `${d.decision} by ${d.actor}`)
        .add('description', d.reason)
        .add('publisher', d.actor)
        .add('createdAt', d.at)
        .build(),
    );
  }
  return out;
}
