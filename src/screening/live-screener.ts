import type { ListVersion, Store } from '../store/store.js';
import type { Screener } from './index.js';
import { loadScreener, type LoadedScreener } from './load-screener.js';

export interface LiveScreenerOptions {
  /** How often the store's active list versions are compared with the index's, in ms (default 30 s; 0: never by itself). */
  checkEveryMs?: number;
  /** Told when a rebuild fails (the index in use stays). */
  onError?: (err: unknown) => void;
  /** Told after a new index is in use. */
  onRebuilt?: (loaded: LoadedScreener) => void;
}

/**
 * The screening index of a long-running server, kept in step with the store: when the active list versions
 * change (`lists update` or `lists load` from another process), a new index is built from the store and
 * swapped in; until it is ready, and if building it fails, requests keep the index they had. Each request
 * reads `current()` once, so a request never mixes two versions.
 *
 * @example
 * const live = new LiveScreener(store, await loadScreener(store), { checkEveryMs: 30_000 });
 * live.start();
 * live.current().match(query);
 * await live.refresh(); // true when a new index was built now
 * live.stop();
 */
export class LiveScreener {
  private loaded: LoadedScreener;
  private running: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    initial: LoadedScreener,
    private readonly options: LiveScreenerOptions = {},
  ) {
    this.loaded = initial;
  }

  current(): Screener {
    return this.loaded.screener;
  }

  /** The list versions the index in use was built from. */
  versions(): ListVersion[] {
    return this.loaded.versions;
  }

  /**
   * Compares the store's active list versions with the index's and, when they differ, builds a new index
   * and swaps it in. Calls made meanwhile share the one check. Resolves to whether a new index is in use;
   * a failed build rejects and leaves the index in use as it was.
   */
  refresh(): Promise<boolean> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Checks every `checkEveryMs` (the timer does not keep the process alive). */
  start(): void {
    const every = this.options.checkEveryMs ?? 30_000;
    if (every <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) => this.options.onError?.(err));
    }, every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async check(): Promise<boolean> {
    if (sameVersions(await this.store.activeVersions(), this.loaded.versions)) return false;
    const loaded = await loadScreener(this.store);
    this.loaded = loaded;
    this.options.onRebuilt?.(loaded);
    return true;
  }
}

function sameVersions(a: readonly ListVersion[], b: readonly ListVersion[]): boolean {
  const key = (versions: readonly ListVersion[]) =>
    versions
      .map((v) => `${v.id}`)
      .sort()
      .join(',');
  return key(a) === key(b);
}
