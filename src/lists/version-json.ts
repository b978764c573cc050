import type { ListVersion } from '../store/store.js';

/**
 * A list version as the CLI's `--json` and the API show it: name, sequence, status, format, publication
 * and load dates, counts, file digest.
 *
 * @example
 * versionJson(version).ref; // 'un_sc@1'
 */
export function versionJson(v: ListVersion) {
  return {
    list: v.list,
    seq: v.seq,
    ref: `${v.list}@${v.seq}`,
    status: v.status,
    format: v.format,
    publishedAt: v.publishedAt,
    loadedAt: v.loadedAt,
    sourceUrl: v.sourceUrl,
    targetCount: v.targetCount,
    entityCount: v.entityCount,
    sha256: v.sha256,
  };
}
