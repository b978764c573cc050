import type { FtmEntity } from '../ftm/entity.js';
import type { ListFormat } from '../lists/types.js';

export type ListVersionStatus = 'active' | 'superseded';

export interface ListVersion {
  id: number;
  list: string;
  /** 1, 2, 3 … per list, in load order. `lists diff` names versions as `LIST@SEQ`. */
  seq: number;
  status: ListVersionStatus;
  format: ListFormat;
  publishedAt: string | null;
  sourceUrl: string | null;
  loadedAt: string;
  entityCount: number;
  /** Listed entries: distinct source entries with a target entity (a person and the wallets listed with them count once). */
  targetCount: number;
  sha256: string | null;
  note: string | null;
}

export interface NewListVersion {
  list: string;
  format: ListFormat;
  publishedAt: string | null;
  sourceUrl: string | null;
  sha256: string | null;
  note: string | null;
  entities: FtmEntity[];
  stats: VersionStats;
}

export interface VersionStats {
  bySchema: Record<string, number>;
  /** Listed (target) entities per sanctions programme. */
  byProgram: Record<string, number>;
  /** Listed entities per sanctions regime (e.g. DPRK across all of its programmes). */
  byRegime: Record<string, number>;
}

export type UpdateOutcome = 'updated' | 'unchanged' | 'kept-last-good' | 'failed';

export interface UpdateLogEntry {
  list: string;
  at: string;
  outcome: UpdateOutcome;
  message: string;
}

/**
 * The persistent store. Every method is async so that the PostgreSQL backend can implement the same
 * interface; callers never see SQL.
 */
export interface Store {
  readonly backend: 'sqlite' | 'postgres';
  readonly location: string;
  /**
   * Stores a complete list version in one transaction. With `activate`, the list's active version switches
   * to it in that same transaction: readers see the old version or the new one, never a mix.
   */
  addListVersion(version: NewListVersion, options: { activate: boolean }): Promise<ListVersion>;
  activateListVersion(id: number): Promise<void>;
  /** All versions, newest first; only those of `list` when given. */
  listVersions(list?: string): Promise<ListVersion[]>;
  activeVersions(): Promise<ListVersion[]>;
  findVersion(list: string, seq?: number): Promise<ListVersion | null>;
  versionStats(versionId: number): Promise<VersionStats>;
  versionEntities(versionId: number): Promise<FtmEntity[]>;
  /** Every entity of every active list version, for building the screening index. */
  activeEntities(): Promise<FtmEntity[]>;
  /** One entity from the active versions, with the other entities read from the same source entry. */
  getEntity(id: string): Promise<{ entity: FtmEntity; version: ListVersion; related: FtmEntity[] } | null>;
  recordUpdate(entry: UpdateLogEntry): Promise<void>;
  updateLog(list?: string, limit?: number): Promise<UpdateLogEntry[]>;
  /** Deletes superseded versions beyond the newest `keep` per list. Returns how many were deleted. */
  pruneVersions(keep: number): Promise<number>;
  close(): Promise<void>;
}
