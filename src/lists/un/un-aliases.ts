import { childText, isEmptyNode, type XmlNode } from '../xml/xml-node.js';
import { isoDate } from './un-dates.js';
import type { RecordContext } from './un-record.js';

export type AliasProperty = 'alias' | 'weakAlias' | 'previousName';

/**
 * The FtM name property for an alias QUALITY: individuals use Good / Low, entities a.k.a. / f.k.a.
 * Returns undefined for a quality we do not know.
 *
 * @example
 * aliasProperty('Low'); // 'weakAlias'
 * aliasProperty('f.k.a.'); // 'previousName'
 */
export function aliasProperty(quality: string): AliasProperty | undefined {
  switch (quality.toLowerCase().replace(/[\s.]/g, '')) {
    case 'good':
    case 'aka':
      return 'alias';
    case 'low':
      return 'weakAlias';
    case 'fka':
      return 'previousName';
    default:
      return undefined;
  }
}

const ALIAS_FIELDS = new Set(['QUALITY', 'ALIAS_NAME', 'NOTE', 'DATE_OF_BIRTH', 'CITY_OF_BIRTH', 'COUNTRY_OF_BIRTH']);

/**
 * Maps INDIVIDUAL_ALIAS / ENTITY_ALIAS elements onto the subject: the name by quality, and the
 * birth data some individual aliases carry (kept on the person, explained in the notes). Empty
 * placeholders yield nothing; names are kept exactly as written.
 *
 * @example
 * mapAliases(ctx, childNodes(record, 'INDIVIDUAL_ALIAS'));
 */
export function mapAliases(ctx: RecordContext, aliases: readonly XmlNode[]): void {
  const subject = ctx.subject;
  const isPerson = subject.schema === 'Person';
  for (const alias of aliases) {
    if (isEmptyNode(alias)) continue;
    ctx.keepUnmapped(alias, ALIAS_FIELDS, alias.name);
    const name = childText(alias, 'ALIAS_NAME');
    const note = childText(alias, 'NOTE');
    if (!name) {
      ctx.warn(`<${alias.name}> without ALIAS_NAME; its other fields are kept in notes`, undefined, alias.line);
    }
    const label = name ? `alias "${name}"` : 'alias without a name';

    if (name) {
      const quality = childText(alias, 'QUALITY') ?? '';
      const prop = aliasProperty(quality);
      if (!prop) ctx.warn(`alias QUALITY "${quality}" is not known; the name is kept as an alias`, undefined, alias.line);
      subject.add(prop ?? 'alias', name);
    }
    if (note) ctx.note(`${label}: ${note}`);

    const dob = childText(alias, 'DATE_OF_BIRTH');
    const city = childText(alias, 'CITY_OF_BIRTH');
    const countryName = childText(alias, 'COUNTRY_OF_BIRTH');
    if (!dob && !city && !countryName) continue;
    const place = [city, countryName].filter(Boolean).join(', ');
    ctx.note(`${label}: born${dob ? ` ${dob}` : ''}${place ? ` in ${place}` : ''}`);
    if (!isPerson) {
      ctx.warn(`birth data on <${alias.name}> of a non-person; kept in notes`, undefined, alias.line);
      continue;
    }
    const iso = isoDate(dob);
    if (dob && !iso) ctx.warn(`alias DATE_OF_BIRTH "${dob}" is not a date; kept in notes`, undefined, alias.line);
    subject.add('birthDate', iso).add('birthPlace', place);
    if (countryName) subject.add('birthCountry', ctx.country(countryName, 'COUNTRY_OF_BIRTH', alias.line));
  }
}
