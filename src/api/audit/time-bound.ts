import { CounterflowError } from '../../errors.js';

const RELATIVE = /^(\d{1,6})\s*(m|h|d|w)$/;
const UNIT_MS = new Map([
  ['m', 60_000],
  ['h', 3_600_000],
  ['d', 86_400_000],
  ['w', 604_800_000],
]);

/**
 * A time bound for audit queries as an ISO timestamp: an ISO date (`2026-06-01`, midnight UTC), an ISO
 * date-time, or a span back from now (`30m`, `24h`, `7d`, `2w`). Anything else is a CounterflowError naming
 * the option.
 *
 * @example
 * parseTimeBound('7d', 'since', Date.parse('2026-06-08T00:00:00Z')); // '2026-06-01T00:00:00.000Z'
 */
export function parseTimeBound(text: string, option: string, now = Date.now()): string {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) return new Date(now - Number(relative[1]) * UNIT_MS.get(relative[2]!)!).toISOString();
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed)) {
    const iso = trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed.replace(' ', 'T');
    const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  throw new CounterflowError(`${option}: "${text}" is not a date (2026-06-01, 2026-06-01T12:00:00Z) or a span back from now (30m, 24h, 7d, 2w)`);
}
