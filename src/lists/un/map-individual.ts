import { ownValue } from '../../common/own.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { childNodes, childText, childTexts, isEmptyNode, type XmlNode } from '../xml/xml-node.js';
import { mapAddresses } from './un-addresses.js';
import { mapAliases } from './un-aliases.js';
import { birthDatesOf } from './un-dates.js';
import { mapDocuments } from './un-documents.js';
import { COMMON_FIELDS, RecordContext, recordName, type ListEnvironment } from './un-record.js';

const INDIVIDUAL_FIELDS = new Set([
  ...COMMON_FIELDS,
  'GENDER',
  'TITLE',
  'DESIGNATION',
  'NATIONALITY',
  'INDIVIDUAL_ALIAS',
  'INDIVIDUAL_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
]);
const PLACE_OF_BIRTH_FIELDS = new Set(['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY', 'NOTE']);
const BIRTH_DATE_FIELDS = new Set(['TYPE_OF_DATE', 'DATE', 'YEAR', 'FROM_YEAR', 'TO_YEAR', 'NOTE']);
const GENDERS: Record<string, string> = { male: 'male', female: 'female' };

/**
 * Maps one INDIVIDUAL to a Person (target) with its Sanction, Address, Passport and Identification
 * entities. The UN does not say which name part is the family name (DPRK records put it in
 * FIRST_NAME), so the parts go to firstName / secondName / middleName as numbered, never lastName.
 *
 * @example
 * const entities = mapIndividual(env, individualNode);
 * entities[0]?.schema; // 'Person'
 */
export function mapIndividual(env: ListEnvironment, node: XmlNode): FtmEntity[] {
  const ctx = new RecordContext(env, node, 'Person');
  const person = ctx.subject;
  ctx.keepUnmapped(node, INDIVIDUAL_FIELDS, 'INDIVIDUAL');

  person
    .add('name', recordName(ctx))
    .add('firstName', childText(node, 'FIRST_NAME'))
    .add('secondName', childText(node, 'SECOND_NAME'))
    .add('middleName', [childText(node, 'THIRD_NAME'), childText(node, 'FOURTH_NAME')])
    .add('alias', childTexts(node, 'NAME_ORIGINAL_SCRIPT'))
    .add('title', childNodes(node, 'TITLE').flatMap((n) => childTexts(n, 'VALUE')))
    .add('position', childNodes(node, 'DESIGNATION').flatMap((n) => childTexts(n, 'VALUE')))
    .add('topics', 'sanction');

  for (const nationality of childNodes(node, 'NATIONALITY')) {
    for (const value of childTexts(nationality, 'VALUE')) {
      person.add('nationality', ctx.country(value, 'NATIONALITY', nationality.line));
    }
  }

  const gender = childText(node, 'GENDER');
  if (gender) {
    const mapped = ownValue(GENDERS, gender.toLowerCase());
    if (mapped) person.add('gender', mapped);
    else ctx.warn(`GENDER "${gender}" is not male or female; kept in notes`, `gender: ${gender}`);
  } else {
    // Many records (most DPRK ones) state the gender only in COMMENTS1, as "Gender: male".
    const stated = /\bGender:\s*(male|female)\b/i.exec(childText(node, 'COMMENTS1') ?? '')?.[1];
    if (stated) person.add('gender', stated.toLowerCase());
  }

  mapAliases(ctx, childNodes(node, 'INDIVIDUAL_ALIAS'));

  for (const dob of childNodes(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    if (isEmptyNode(dob)) continue;
    ctx.keepUnmapped(dob, BIRTH_DATE_FIELDS, 'INDIVIDUAL_DATE_OF_BIRTH');
    const { dates, notes, problems } = birthDatesOf(dob);
    person.add('birthDate', dates);
    for (const note of notes) ctx.note(note);
    for (const problem of problems) ctx.warn(`date of birth: ${problem}`, undefined, dob.line);
  }

  for (const pob of childNodes(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    if (isEmptyNode(pob)) continue;
    ctx.keepUnmapped(pob, PLACE_OF_BIRTH_FIELDS, 'INDIVIDUAL_PLACE_OF_BIRTH');
    const countries = childTexts(pob, 'COUNTRY');
    const parts = [...childTexts(pob, 'STREET'), ...childTexts(pob, 'CITY'), ...childTexts(pob, 'STATE_PROVINCE'), ...countries];
    const note = childText(pob, 'NOTE');
    const place = parts.length > 0 ? `${parts.join(', ')}${note ? ` (${note})` : ''}` : note;
    person.add('birthPlace', place);
    person.add('birthCountry', countries.map((c) => ctx.country(c, 'place of birth COUNTRY', pob.line)));
  }

  mapDocuments(ctx, childNodes(node, 'INDIVIDUAL_DOCUMENT'));
  mapAddresses(ctx, childNodes(node, 'INDIVIDUAL_ADDRESS'));
  return ctx.finish();
}
