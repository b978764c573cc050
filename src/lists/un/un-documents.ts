import { slugId } from '../../ftm/entity.js';
import { childText, childTexts, isEmptyNode, type XmlNode } from '../xml/xml-node.js';
import { isoDate } from './un-dates.js';
import type { RecordContext } from './un-record.js';

export type DocumentKind = 'passport' | 'identification';

const PASSPORT = /pass(?:e)?port|pasaporte|passaporto|reisepass/i;
const PLAIN_PASSPORT = /^(?:passport(?: no\.?| number)?|num[ée]ro de passeport|passeport|n[úu]mero de pasaporte|pasaporte)$/i;
const NATIONAL_ID =
  /^(?:national identification(?: number)?|num[ée]ro d['’]identification nationale|n[úu]mero de identificaci[óo]n nacional|n[úu]mero nacional de identidad)$/i;

/**
 * Folds a document type written in English, French or Spanish ("Passport", "Numéro de passeport",
 * "Número de pasaporte") to one kind and label. A more specific type (TYPE_OF_DOCUMENT2 such as
 * "Service passport" or "Birth certificate") is kept as written beside the folded label.
 *
 * @example
 * foldDocumentType('Numéro de passeport '); // { kind: 'passport', types: ['Passport'] }
 * foldDocumentType('National Identification Number', 'Birth certificate');
 * // { kind: 'identification', types: ['National Identification Number', 'Birth certificate'] }
 */
export function foldDocumentType(type?: string, type2?: string): { kind: DocumentKind; types: string[] } {
  const written = [type, type2].map((t) => t?.replace(/\s+/g, ' ').trim()).filter((t): t is string => !!t);
  const folded = written.map((t) => {
    if (PLAIN_PASSPORT.test(t)) return 'Passport';
    return NATIONAL_ID.test(t) ? 'National Identification Number' : t;
  });
  if (!written.some((t) => PASSPORT.test(t))) return { kind: 'identification', types: [...new Set(folded)] };
  // The UN files some passports under TYPE_OF_DOCUMENT "National Identification Number".
  const specific = folded.filter((t) => t !== 'National Identification Number');
  return { kind: 'passport', types: [...new Set(['Passport', ...specific])] };
}

/**
 * Splits a NUMBER that carries a remark in trailing parentheses ("381110042 (Expired 25 Jan. 2016)",
 * "403062567 (US)") into the number and the remark.
 *
 * @example
 * splitDocumentNumber('563210184 (Expires 18 Jun. 2018)'); // { number: '563210184', remark: 'Expires 18 Jun. 2018' }
 */
export function splitDocumentNumber(raw: string): { number: string; remark?: string } {
  const m = /^(.*?\S)\s*\(([^()]+)\)$/.exec(raw.trim());
  if (m?.[1] && m[2]) return { number: m[1], remark: m[2].trim() };
  return { number: raw.trim() };
}

const DOCUMENT_FIELDS = new Set([
  'TYPE_OF_DOCUMENT',
  'TYPE_OF_DOCUMENT2',
  'NUMBER',
  'ISSUING_COUNTRY',
  'COUNTRY_OF_ISSUE',
  'DATE_OF_ISSUE',
  'CITY_OF_ISSUE',
  'NOTE',
]);

/**
 * Maps INDIVIDUAL_DOCUMENT elements to one Passport or Identification entity per distinct document
 * (`holder` = the person) and the person's `passportNumber` / `idNumber`. The UN repeats some
 * passports in English, French and Spanish: those fold into one entity, id
 * `un-<dataid>-passport-<number>` (`-id-<number>` for other documents); one without a number gets
 * `un-<dataid>-<passport|id>-doc-<n>`, n its position among the record's documents.
 *
 * @example
 * mapDocuments(ctx, childNodes(record, 'INDIVIDUAL_DOCUMENT'));
 */
export function mapDocuments(ctx: RecordContext, documents: readonly XmlNode[]): void {
  documents.forEach((node, index) => {
    if (isEmptyNode(node)) return;
    ctx.keepUnmapped(node, DOCUMENT_FIELDS, node.name);
    const { kind, types } = foldDocumentType(childText(node, 'TYPE_OF_DOCUMENT'), childText(node, 'TYPE_OF_DOCUMENT2'));
    const rawNumber = childText(node, 'NUMBER');
    const { number, remark } = rawNumber ? splitDocumentNumber(rawNumber) : { number: undefined, remark: undefined };
    const kindSlug = kind === 'passport' ? 'passport' : 'id';
    const id = number ? slugId('un', ctx.dataId, kindSlug, number) : slugId('un', ctx.dataId, kindSlug, 'doc', index + 1);
    const doc = ctx.helper(kind === 'passport' ? 'Passport' : 'Identification', id);

    const issued = childText(node, 'DATE_OF_ISSUE');
    const issuedIso = isoDate(issued);
    if (issued && !issuedIso) ctx.warn(`DATE_OF_ISSUE "${issued}" is not a date; kept in the document summary`, undefined, node.line);
    const city = childText(node, 'CITY_OF_ISSUE');
    const countries = [...childTexts(node, 'ISSUING_COUNTRY'), ...childTexts(node, 'COUNTRY_OF_ISSUE')];
    doc
      .add('holder', ctx.subject.id)
      .add('number', number)
      .add('type', types)
      .add('country', countries.map((c) => ctx.country(c, 'document country', node.line)))
      .add('startDate', issuedIso)
      .add('summary', [
        remark,
        childText(node, 'NOTE'),
        city ? `issued in ${city}` : undefined,
        issued && !issuedIso ? `issued ${issued}` : undefined,
      ]);
    ctx.subject.add(kind === 'passport' ? 'passportNumber' : 'idNumber', number);
  });
}
