import { collapseWhitespace, EntityBuilder, type FtmEntity, type Provenance } from '../../ftm/entity.js';

export interface LinkTarget {
  id: string;
  /** Persons and organisations can be the subject of an FtM UnknownLink; vessels and aircraft only its object. */
  legalEntity: boolean;
}

/**
 * Finds list entries by the name OFAC writes after `Linked To:`. A name used by several entries
 * resolves to the one that shares a program with the entry stating the link, if exactly one does
 * (the DPRK "MINISTRY OF STATE SECURITY" rather than its namesake under CAATSA - RUSSIA); otherwise
 * to nothing. A trailing full stop is tried both ways ("… CO." is often the end of the remarks too).
 *
 * @example
 * const index = new OfacNameIndex();
 * index.add('OCEAN MARITIME MANAGEMENT COMPANY LIMITED', { id: 'ofac-17068', legalEntity: true }, ['DPRK']);
 * index.resolve('OCEAN MARITIME MANAGEMENT COMPANY LIMITED', ['DPRK'])?.id; // 'ofac-17068'
 */
export class OfacNameIndex {
  private readonly byName = new Map<string, { target: LinkTarget; programs: readonly string[] }[]>();

  add(name: string, target: LinkTarget, programs: readonly string[]): void {
    const key = nameKey(name);
    const list = this.byName.get(key);
    if (list) list.push({ target, programs });
    else this.byName.set(key, [{ target, programs }]);
  }

  resolve(name: string, programs: readonly string[]): LinkTarget | null {
    const key = nameKey(name);
    const candidates = this.byName.get(key) ?? this.byName.get(`${key}.`) ?? this.byName.get(key.replace(/\.$/, '')) ?? [];
    if (candidates.length === 1) return candidates[0]?.target ?? null;
    const sharing = candidates.filter((c) => c.programs.some((p) => programs.includes(p)));
    return sharing.length === 1 ? (sharing[0]?.target ?? null) : null;
  }
}

function nameKey(name: string): string {
  return collapseWhitespace(name).toUpperCase();
}

/**
 * The FtM UnknownLink for `Linked To: …` between two list entries, or null when neither side can be
 * its subject (FtM wants a legal entity there). The link carries the provenance of the entry whose
 * remarks state it.
 *
 * @example
 * linkedToEntity({ id: 'ofac-19570', legalEntity: false }, { id: 'ofac-17068', legalEntity: true }, 'us_ofac_sdn', provenance);
 */
export function linkedToEntity(
  from: LinkTarget,
  to: LinkTarget,
  dataset: string,
  provenance: Provenance,
): FtmEntity | null {
  const [subject, object] = from.legalEntity ? [from, to] : to.legalEntity ? [to, from] : [null, null];
  if (!subject || !object) return null;
  const link = new EntityBuilder('UnknownLink', `${from.id}-link-${to.id}`, dataset)
    .add('subject', subject.id)
    .add('object', object.id)
    .add('role', 'Linked To');
  link.target = false;
  link.provenance = provenance;
  return link.build();
}
