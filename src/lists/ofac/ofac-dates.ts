/** A date as OFAC writes it, read into ISO prefixes (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface OfacDate {
  /** Every date the text stands for: one, both ends of a range, or each year of a year range. */
  values: string[];
  /** "circa", "approximately": the value is a guess. */
  approximate: boolean;
  /** The text gave a range ("1962 to 1964"). */
  range: boolean;
}

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** Longest year range expanded into single years; longer ranges keep their two ends. */
export const MAX_YEAR_RANGE = 50;

/**
 * Reads one OFAC date: `15 Jun 1968`, `Jun 1968`, `1968`, `1968-06-15`, `06/15/1968` (US order, as in
 * `Publish_Date`), each optionally with `circa`/`approximately`, or a range `1962 to 1964`. Returns null
 * for anything else, so the caller can keep the text as a note.
 *
 * @example
 * parseOfacDate('circa 1947');   // { values: ['1947'], approximate: true, range: false }
 * parseOfacDate('1962 to 1964'); // { values: ['1962', '1963', '1964'], approximate: false, range: true }
 */
export function parseOfacDate(text: string): OfacDate | null {
  let rest = text.trim().replace(/\s+/g, ' ');
  let approximate = false;
  const approx = /^(circa|approximately|approx\.?|ca\.?|about)\s+/i.exec(rest);
  if (approx) {
    approximate = true;
    rest = rest.slice(approx[0].length);
  }
  const parts = rest.split(/\s+(?:to|-|–)\s+/i);
  if (parts.length === 2) {
    const from = parseSingleDate(parts[0] ?? '');
    const to = parseSingleDate(parts[1] ?? '');
    if (!from || !to) return null;
    return { values: expandRange(from, to), approximate, range: true };
  }
  if (parts.length !== 1) return null;
  const single = parseSingleDate(rest);
  return single ? { values: [single], approximate, range: false } : null;
}

/**
 * One date without qualifiers, as an ISO prefix, or null.
 *
 * @example
 * parseSingleDate('07 Jan 1930'); // '1930-01-07'
 */
export function parseSingleDate(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[2]), monthNumber(m[1]));
  m = /^(\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[1]));
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
  return null;
}

/** `Jun`, `June`, `Sept`: a month name or an abbreviation of at least three letters. */
function monthNumber(name: string | undefined): number {
  const key = (name ?? '').toLowerCase();
  const index = key.length >= 3 ? MONTH_NAMES.findIndex((full) => full.startsWith(key)) : -1;
  return index === -1 ? NaN : index + 1;
}

/**
 * Formats year, month and day as an ISO prefix, checking that the date exists; null when it does not.
 *
 * @example
 * isoDate(1968, 6);     // '1968-06'
 * isoDate(1968, 2, 30); // null
 */
export function isoDate(year: number, month?: number, day?: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null;
  const y = String(year);
  if (month === undefined) return y;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const m = `${y}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return m;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > lastDay) return null;
  return `${m}-${String(day).padStart(2, '0')}`;
}

/**
 * The dates a range stands for: each year when it spans whole years (`1962`–`1964`, or
 * `1962-01-01`–`1964-12-31`), the month when it spans one whole month, otherwise both ends.
 *
 * @example
 * expandRange('1962-01-01', '1963-12-31'); // ['1962', '1963']
 * expandRange('1962-03-05', '1962-04-01'); // ['1962-03-05', '1962-04-01']
 */
export function expandRange(from: string, to: string): string[] {
  if (from === to) return [from];
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  const wholeYears =
    (from.length === 4 || from.endsWith('-01-01') || (from.length === 7 && from.endsWith('-01'))) &&
    (to.length === 4 || to.endsWith('-12-31') || (to.length === 7 && to.endsWith('-12')));
  if (wholeYears && toYear >= fromYear && toYear - fromYear < MAX_YEAR_RANGE) {
    if (fromYear === toYear) return [String(fromYear)];
    const years: string[] = [];
    for (let y = fromYear; y <= toYear; y++) years.push(String(y));
    return years;
  }
  if (from.length === 10 && to.length === 10 && from.slice(0, 7) === to.slice(0, 7) && from.endsWith('-01')) {
    const [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
    if (to === isoDate(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate())) return [from.slice(0, 7)];
  }
  return [from, to];
}
