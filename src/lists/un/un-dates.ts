import { childText, type XmlNode } from '../xml/xml-node.js';

/** Longer BETWEEN ranges are not expanded year by year: they say too little to match on. */
const MAX_RANGE_YEARS = 20;

/**
 * Reads a date as the UN list writes it (`2016-03-02`, `1968`, and `2015-04-07-04:00` with a
 * time-zone offset in LISTED_ON) and returns its ISO date part, or undefined when it is not a date.
 *
 * @example
 * isoDate('2015-04-07-04:00'); // '2015-04-07'
 * isoDate('Nov. 1973'); // undefined
 */
export function isoDate(raw: string | undefined): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+)?(?:Z|[+-]\d{2}:\d{2})?$/.exec(raw?.trim() ?? '');
  if (!m) return undefined;
  const [, year, month, day] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return undefined;
  return [year, month, day].filter((p) => p !== undefined).join('-');
}

export interface BirthDates {
  /** ISO dates or years for `birthDate`. */
  dates: string[];
  /** Human-readable explanation for `notes` (ranges, approximations, the source's own note). */
  notes: string[];
  /** Values that could not be read as dates; the caller reports them. */
  problems: string[];
}

const DATE_TYPES = new Set(['', 'EXACT', 'APPROXIMATELY', 'BETWEEN']);

/**
 * Maps one INDIVIDUAL_DATE_OF_BIRTH element: an exact DATE or YEAR, an APPROXIMATELY year, or every
 * year of a BETWEEN FROM_YEAR..TO_YEAR range, with a note that says which it was.
 *
 * @example
 * // <TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1967</FROM_YEAR><TO_YEAR>1969</TO_YEAR>
 * birthDatesOf(dob); // { dates: ['1967', '1968', '1969'], notes: ['born between 1967 and 1969'], problems: [] }
 */
export function birthDatesOf(dob: XmlNode): BirthDates {
  const out: BirthDates = { dates: [], notes: [], problems: [] };
  const type = (childText(dob, 'TYPE_OF_DATE') ?? '').toUpperCase();
  if (!DATE_TYPES.has(type)) out.problems.push(`unknown TYPE_OF_DATE "${type}"`);

  const readable: string[] = [];
  const unreadable: string[] = [];
  for (const field of ['DATE', 'YEAR'] as const) {
    const raw = childText(dob, field);
    if (raw === undefined) continue;
    const iso = field === 'YEAR' ? (/^\d{4}$/.test(raw) ? raw : undefined) : isoDate(raw);
    if (iso) {
      readable.push(iso);
    } else {
      unreadable.push(raw);
      out.problems.push(`${field} "${raw}" is not a date; kept in notes`);
    }
  }
  out.dates.push(...readable);

  const phrases: string[] = [];
  const from = childText(dob, 'FROM_YEAR');
  const to = childText(dob, 'TO_YEAR');
  if (from !== undefined || to !== undefined) {
    phrases.push(`between ${from ?? '?'} and ${to ?? '?'}`);
    out.dates.push(...rangeYears(from, to, out.problems));
  }
  if (type === 'APPROXIMATELY' && readable.length > 0) phrases.push(`approximately ${readable.join(' or ')}`);
  if (!DATE_TYPES.has(type)) phrases.push(`${readable.join(' or ')} (TYPE_OF_DATE ${type})`.trim());
  phrases.push(...unreadable);

  const note = childText(dob, 'NOTE');
  const suffix = note ? ` (${note})` : '';
  if (phrases.length > 0) out.notes.push(`born ${phrases.join('; ')}${suffix}`);
  else if (note) out.notes.push(readable.length > 0 ? `born ${readable.join(' or ')}${suffix}` : `date of birth: ${note}`);
  return out;
}

function rangeYears(from: string | undefined, to: string | undefined, problems: string[]): string[] {
  const years = [from, to].filter((y): y is string => y !== undefined && /^\d{4}$/.test(y));
  if (from === undefined || to === undefined || years.length !== 2) {
    problems.push(`incomplete or unreadable BETWEEN range "${from ?? ''}".."${to ?? ''}"`);
    return years;
  }
  const start = Number(from);
  const end = Number(to);
  if (end < start || end - start > MAX_RANGE_YEARS) {
    problems.push(`BETWEEN range ${from}..${to} is reversed or longer than ${MAX_RANGE_YEARS} years; only its ends kept`);
    return years;
  }
  const all: string[] = [];
  for (let y = start; y <= end; y++) all.push(String(y));
  return all;
}
