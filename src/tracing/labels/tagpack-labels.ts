import type { FtmEntity } from '../../ftm/entity.js';
import { tagpackCategory, type Label } from './label.js';

function note(entity: FtmEntity, key: string): string | undefined {
  const prefix = `${key}: `;
  return entity.properties.notes?.find((n) => n.startsWith(prefix))?.slice(prefix.length);
}

/**
 * Labels from CryptoWallet entities: TagPacks (category/abuse/confidence in `notes`) and OFAC digital
 * currency addresses (sanctioned, authority_data 60).
 *
 * @example
 * walletLabels((await parseTagpack([fileSource('lazarus.yaml')], {})).entities)
 */
export function walletLabels(entities: readonly FtmEntity[]): Label[] {
  const out: Label[] = [];
  for (const e of entities) {
    if (e.schema !== 'CryptoWallet') continue;
    const keys = e.properties.publicKey ?? [];
    const isTagpack = e.provenance?.list.startsWith('tagpack_') || note(e, 'confidence_level') !== undefined || note(e, 'tagpack') !== undefined;
    const category = isTagpack ? tagpackCategory(note(e, 'category'), note(e, 'abuse'), e.properties.keywords ?? []) : 'sanctioned';
    const confidence = Number(note(e, 'confidence_level') ?? (isTagpack ? 5 : 60));
    const name = note(e, 'actor') ?? e.caption ?? e.properties.name?.[0] ?? e.provenance?.list ?? 'wallet';
    for (const k of keys) {
      out.push({
        address: k,
        category,
        name,
        origin: isTagpack ? 'tagpack' : 'ofac',
        confidence: Number.isFinite(confidence) ? confidence : 5,
        ...(e.provenance?.sourceUrl ? { source: e.provenance.sourceUrl } : {}),
        ...(e.provenance?.list ? { detail: e.provenance.list } : {}),
      });
    }
  }
  return out;
}
