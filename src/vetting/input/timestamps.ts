/**
 * Timestamps as inputs write them: ISO 8601 (with or without time and offset), epoch seconds or
 * milliseconds (numbers or digit strings). A date-time without an offset is read as UTC.
 */

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** The common case, `2024-05-01T09:30:00Z` / `.123Z`, which Date.parse reads exactly. */
const SIMPLE_UTC = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/;

/** Epoch values below this are seconds, at or above it milliseconds (1e11 s is the year 5138). */
const SECONDS_LIMIT = 1e11;

/**
 * Parses a timestamp to epoch milliseconds; null when it is not one.
 *
 * @example
 * parseTimestamp('2024-03-01T09:30:00+09:00'); // 1709253000000
 * parseTimestamp(1709253000); // 1709253000000 (seconds)
 * parseTimestamp('2024-03-01'); // 1709251200000 (UTC midnight)
 */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? (value < SECONDS_LIMIT ? value * 1000 : value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (SIMPLE_UTC.test(text)) return Date.parse(text);
  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return parseTimestamp(Number(text));
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms);
  if (new Date(Date.UTC(Number(y), month - 1, day)).getUTCDate() !== day) return null;
  if (zone && zone.toUpperCase() !== 'Z') {
    const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
    if (!zm) return null;
    const offset = (Number(zm[2]) * 60 + Number(zm[3] ?? 0)) * (zm[1] === '+' ? 1 : -1);
    t -= offset * 60_000;
  }
  return t;
}

/** ISO text of an epoch-ms instant, second precision. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** ISO date (YYYY-MM-DD) of an epoch-ms instant. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
