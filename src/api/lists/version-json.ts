import type { ListVersion } from '../../store/store.js';

/**
 * A list version as the API shows it: name, sequence, format, publication and load dates, counts.
 *
 * @example
 * versionSummary(version).ref; // 'un_sc@1'
 */
export function versionSummary(v: ListVersion) {
  return {
    list: v.list,
    seq: v.seq,
    ref: `${v.list}@${v.seq}`,
    format: v.format,
    publishedAt: v.publishedAt,
    loadedAt: v.loadedAt,
    sourceUrl: v.sourceUrl,
    targetCount: v.targetCount,
    entityCount: v.entityCount,
  };
}
