export interface LockoutOptions {
  /** Failed key checks from one client address within the window before it is locked out (default 20). */
  maxFailures: number;
  /** The window, and how long a lockout lasts, in ms (default one minute). */
  windowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutOptions = { maxFailures: 20, windowMs: 60_000 };

/** Addresses tracked at most; beyond it the oldest windows are dropped first. */
const MAX_TRACKED = 10_000;

/**
 * Counts failed API-key checks per client address: after `maxFailures` within `windowMs` the address is
 * locked out until its window ends, so keys cannot be guessed at the speed of the server. While locked out
 * no key is checked at all (a guessed key answered differently would say it is right).
 *
 * @example
 * const guard = new FailedAuthGuard();
 * const wait = guard.lockedFor(ip); // ms left, 0 when free
 * if (!(await keys.authenticate(secret))) guard.fail(ip);
 */
export class FailedAuthGuard {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly options: LockoutOptions = DEFAULT_LOCKOUT,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many ms `address` stays locked out; 0 when it may try a key. */
  lockedFor(address: string): number {
    const w = this.windows.get(address);
    if (!w) return 0;
    const left = w.start + this.options.windowMs - this.now();
    if (left <= 0) {
      this.windows.delete(address);
      return 0;
    }
    return w.failures >= this.options.maxFailures ? left : 0;
  }

  /** Records a failed key check from `address`. */
  fail(address: string): void {
    const now = this.now();
    const w = this.windows.get(address);
    if (w && now - w.start < this.options.windowMs) {
      w.failures++;
      return;
    }
    this.windows.delete(address);
    if (this.windows.size >= MAX_TRACKED) {
      // Maps keep insertion order: the first entries hold the oldest windows.
      for (const key of this.windows.keys()) {
        this.windows.delete(key);
        if (this.windows.size < MAX_TRACKED * 0.9) break;
      }
    }
    this.windows.set(address, { start: now, failures: 1 });
  }
}
