/**
 * Birth dates: a qualifier that lowers the score when the dates disagree. Each side may carry
 * several dates (the lists keep every year of a range "between 1965 and 1969" and every
 * alternative date); the most favourable pair decides. Precision is respected: a listed year
 * `1948` agrees with a query `1948-01-08`.
 *
 * Relations and weights:
 * - same date at the common precision → no change (`dob_match`, informational);
 * - day and month swapped (08-01 vs 01-08) → −0.03 (`dob_day_month_swapped`);
 * - same year, different month or day → −0.08 (`dob_day_disjoint`);
 * - one year apart → −0.05 (`dob_year_near`): a typo or an approximate date, a mild penalty only;
 * - further apart → −0.2 (`dob_year_disjoint`).
 */
import type { FeatureResult } from './feature.js';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  /** The date as ISO text at its precision (`1984`, `1984-01`, `1984-01-08`). */
  text: string;
}

export type BirthDateRelation = 'match' | 'day_month_swapped' | 'day_disjoint' | 'year_near' | 'year_disjoint';

export const BIRTH_DATE_WEIGHTS: Readonly<Record<BirthDateRelation, number>> = {
  match: 0,
  day_month_swapped: -0.03,
  day_disjoint: -0.08,
  year_near: -0.05,
  year_disjoint: -0.2,
};

const ISO = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/;

/**
 * Reads an ISO-style date at year, month or day precision (`1969-7-16` is accepted as
 * 1969-07-16). Returns null for anything else; an impossible month or day is null too, unless
 * `lenient`, which keeps the precision that is valid (`1974-01-32` → `1974-01`): query data
 * entry errors should not stop a screening.
 *
 * @example
 * parsePartialDate('1974-01-32', true); // { year: 1974, month: 1, text: '1974-01' }
 * parsePartialDate('1969-7-16'); // { year: 1969, month: 7, day: 16, text: '1969-07-16' }
 * parsePartialDate('1948'); // { year: 1948, text: '1948' }
 * parsePartialDate('born 1948'); // null
 */
export function parsePartialDate(value: string, lenient = false): PartialDate | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000 || year > 2999) return null;
  if (m[2] === undefined) return { year, text: String(year) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return lenient ? { year, text: String(year) } : null;
  const mm = String(month).padStart(2, '0');
  if (m[3] === undefined) return { year, month, text: `${year}-${mm}` };
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(year, month)) return lenient ? { year, month, text: `${year}-${mm}` } : null;
  return { year, month, day, text: `${year}-${mm}-${String(day).padStart(2, '0')}` };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The relation of two dates, at the precision both have.
 *
 * @example
 * relateDates(parsePartialDate('1984-01-08')!, parsePartialDate('1985')!); // 'year_near'
 */
export function relateDates(a: PartialDate, b: PartialDate): BirthDateRelation {
  const years = Math.abs(a.year - b.year);
  if (years === 1) return 'year_near';
  if (years > 1) return 'year_disjoint';
  if (a.month === undefined || b.month === undefined) return 'match';
  if (a.day !== undefined && b.day !== undefined) {
    if (a.month === b.month && a.day === b.day) return 'match';
    if (a.month === b.day && a.day === b.month) return 'day_month_swapped';
    return 'day_disjoint';
  }
  return a.month === b.month ? 'match' : 'day_disjoint';
}

export interface BirthDateResult extends FeatureResult {
  relation: BirthDateRelation;
  /** The signed weight the relation contributes. */
  weight: number;
}

/**
 * Compares the birth dates of a query and a listed entity. Null when either side has none.
 *
 * @example
 * birthDateFeature([parsePartialDate('1949')!], [parsePartialDate('1948')!], true);
 * // { relation: 'year_near', weight: -0.05, detail: 'birth date 1949 is one year from the listed 1948 …' }
 */
export function birthDateFeature(query: readonly PartialDate[], listed: readonly PartialDate[], explain: boolean): BirthDateResult | null {
  if (query.length === 0 || listed.length === 0) return null;
  let best: BirthDateRelation = 'year_disjoint';
  let bestQ = query[0] as PartialDate;
  let bestL = listed[0] as PartialDate;
  for (const q of query) {
    for (const l of listed) {
      const r = relateDates(q, l);
      if (BIRTH_DATE_WEIGHTS[r] > BIRTH_DATE_WEIGHTS[best]) {
        best = r;
        bestQ = q;
        bestL = l;
      }
      if (best === 'match') break;
    }
    if (best === 'match') break;
  }
  const weight = BIRTH_DATE_WEIGHTS[best];
  const listedText = listed.map((d) => d.text).join(', ');
  return {
    relation: best,
    weight,
    score: 1,
    query: bestQ.text,
    candidate: bestL.text,
    detail: explain ? describe(best, bestQ, bestL, listedText, weight) : '',
  };
}

function describe(relation: BirthDateRelation, q: PartialDate, l: PartialDate, listedText: string, weight: number): string {
  const lowered = `lowered the score by ${Math.abs(weight).toFixed(2)}`;
  switch (relation) {
    case 'match':
      return `birth date ${q.text} agrees with the listed ${l.text}${listedText !== l.text ? ` (listed: ${listedText})` : ''}`;
    case 'day_month_swapped':
      return `birth date ${q.text} is the listed ${l.text} with day and month swapped; ${lowered}`;
    case 'day_disjoint':
      return `birth date ${q.text} is in the listed year but not on the listed day ${l.text}; ${lowered}`;
    case 'year_near':
      return `birth date ${q.text} is one year from the listed ${l.text} (a typo or an approximate date); ${lowered}`;
    case 'year_disjoint':
      return `birth date ${q.text} is ${Math.abs(q.year - l.year)} years from every listed date (${listedText}); ${lowered}`;
  }
}
