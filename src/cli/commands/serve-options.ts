import { InvalidArgumentError } from 'commander';
import type { RateLimitOptions } from '../../api/auth/rate-limit.js';

const PER = new Map([
  ['s', 1000],
  ['sec', 1000],
  ['second', 1000],
  ['m', 60_000],
  ['min', 60_000],
  ['minute', 60_000],
  ['h', 3_600_000],
  ['hour', 3_600_000],
]);

/**
 * Commander parser for `--rate-limit`: `N/min` (also `/s`, `/h`; a bare N is per minute), `0` or `off`
 * for no limit. A bad value is a usage error.
 *
 * @example
 * rateLimitOption('600/min'); // { max: 600, timeWindowMs: 60000 }
 */
export function rateLimitOption(value: string): RateLimitOptions | false {
  const v = value.trim().toLowerCase();
  if (v === '0' || v === 'off') return false;
  const m = /^(\d{1,9})\s*(?:\/\s*([a-z]+))?$/.exec(v);
  const window = m ? PER.get(m[2] ?? 'min') : undefined;
  if (!m || window === undefined || Number(m[1]) < 1) throw new InvalidArgumentError('expected N/min, N/s or N/h (N at least 1), or off');
  return { max: Number(m[1]), timeWindowMs: window };
}

/**
 * Commander parser for a byte size: `1048576`, `512kb`, `4mb`.
 *
 * @example
 * byteSizeOption('2mb'); // 2097152
 */
export function byteSizeOption(value: string): number {
  const m = /^(\d{1,12})\s*(b|kb|k|kib|mb|m|mib)?$/.exec(value.trim().toLowerCase());
  if (!m) throw new InvalidArgumentError('expected a size in bytes, or with kb / mb');
  const unit = m[2] ?? 'b';
  const n = Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
  if (n < 1024 || n > 1024 ** 3) throw new InvalidArgumentError('expected a size from 1kb to 1024mb');
  return n;
}

/**
 * Whether a bind address only accepts connections from this machine.
 *
 * @example
 * isLoopback('127.0.0.1'); // true
 * isLoopback('0.0.0.0');   // false
 */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
