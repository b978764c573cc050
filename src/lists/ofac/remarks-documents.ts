import { lookupOfacCountry } from './ofac-countries.js';
import { parseOfacDate } from './ofac-dates.js';

/** An identity document or registry number as written after its label in OFAC remarks. */
export interface OfacDocumentValue {
  number: string;
  /** FtM country code of the issuing country. */
  country?: string;
  issued?: string;
  expires?: string;
  /** Text we could not place (an unreadable date): keep it as a note. */
  leftover?: string;
}

const TRAILING_GROUP = /\s*\(([^()]+)\)\s*$/;

/**
 * Splits `563410081 (Korea, North) issued 03 Jun 2011 expires 03 Jun 2016` into number, issuing
 * country and dates. A final parenthesised group is the country only when it names one; anything
 * else there (`(9)` in `G563542(9)`, a city such as `(Cali)`) stays part of the number as written.
 *
 * @example
 * parseDocumentValue('654410025 (Korea, North) expires 14 Oct 2019');
 * // { number: '654410025', country: 'kp', expires: '2019-10-14' }
 */
export function parseDocumentValue(text: string): OfacDocumentValue {
  let rest = text.trim();
  const out: OfacDocumentValue = { number: '' };
  const leftovers: string[] = [];

  const expires = /\s+expires\s+(.+)$/i.exec(rest);
  if (expires) {
    rest = rest.slice(0, expires.index);
    const date = singleDate(expires[1] ?? '');
    if (date) out.expires = date;
    else leftovers.push(`expires ${expires[1]}`);
  }
  const issued = /\s+issued\s+(.+)$/i.exec(rest);
  if (issued) {
    rest = rest.slice(0, issued.index);
    const date = singleDate(issued[1] ?? '');
    if (date) out.issued = date;
    else leftovers.push(`issued ${issued[1]}`);
  }

  const group = TRAILING_GROUP.exec(rest);
  const country = group?.[1] ? lookupOfacCountry(group[1]).code : null;
  if (group && country && rest.slice(0, group.index).trim()) {
    out.country = country;
    rest = rest.slice(0, group.index);
  }
  out.number = rest.trim();
  if (leftovers.length > 0) out.leftover = leftovers.join('; ');
  return out;
}

function singleDate(text: string): string | null {
  const parsed = parseOfacDate(text);
  return parsed && parsed.values.length === 1 ? (parsed.values[0] ?? null) : null;
}
