import { personNameKeys, tokenise } from '../../names/index.js';
import { countryLabel } from '../input/countries.js';

/**
 * True when two person names are spellings of one name: they share an order- and
 * romanisation-insensitive key (src/names), or every word of the shorter (ignoring initials) is in
 * the longer and their initials agree.
 *
 * @example
 * namesAgree('DOE, Jane', 'Jane A. Doe'); // true
 * namesAgree('Jane Doe', 'Wei Zhang'); // false
 */
export function namesAgree(a: string, b: string): boolean {
  const ka = personNameKeys(a);
  const kb = new Set(personNameKeys(b));
  if (ka.some((k) => kb.has(k))) return true;
  const ta = tokenise(a);
  const tb = tokenise(b);
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const fullShort = short.filter((t) => t.length > 1);
  if (fullShort.length === 0) return false;
  const longSet = new Set(long);
  if (!fullShort.every((t) => longSet.has(t))) return false;
  const initials = short.filter((t) => t.length === 1);
  return initials.every((i) => long.some((t) => t.startsWith(i)));
}

/** True when the name agrees with any of the given names. */
export function agreesWithAny(name: string, names: readonly string[]): boolean {
  return names.some((n) => namesAgree(name, n));
}

/** A country code as a name, or the raw text. */
export function country(code: string | undefined): string {
  if (!code) return 'unknown';
  return /^[a-z]{2}$/.test(code) ? countryLabel(code) : code;
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`. */
export function listText(items: readonly string[], max = 3): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function quote(s: string, max = 60): string {
  return `"${s.length > max ? `${s.slice(0, max - 1)}…` : s}"`;
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
