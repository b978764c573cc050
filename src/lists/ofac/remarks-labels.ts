import { collapseWhitespace } from '../../ftm/entity.js';
import { fieldLabelWords, fieldRule, labelKey, mostWordsByFirstWord, type FieldRule } from './ofac-fields.js';

const property = (prop: string, value: 'text' | 'date' | 'country' | 'gender' = 'text'): FieldRule => ({
  kind: 'property',
  prop,
  value,
});
const NOTE: FieldRule = { kind: 'note' };
const IMO: FieldRule = { kind: 'imo' };

/**
 * Labels written only in the free-text Remarks (the shared table in ofac-fields.ts covers the labels
 * that SDN.XML and SDN_ADVANCED also use), and the few where Remarks need another reading.
 */
const REMARK_LABELS: ReadonlyMap<string, FieldRule> = new Map(
  (
    [
      ['citizen', property('citizenship', 'country')],
      ['nationality', property('nationality', 'country')],
      ['identification number imo', IMO],
      ['company number imo', IMO],
      ['vessel registration identification imo', IMO],
      ['phone', property('phone')],
      ['phone no.', property('phone')],
      ['telephone', property('phone')],
      ['telephone no.', property('phone')],
      ['email', property('email')],
      ['e-mail', property('email')],
      ['fax', NOTE],
      ['fax no.', NOTE],
      ['telex', NOTE],
      ['tgms', NOTE],
      ['passport booklet', { kind: 'document', passport: true, prop: 'passportNumber' }],
      ['isin', property('isinCode')],
      ['equity ticker', property('ticker')],
      ['bik (ru)', { kind: 'document', passport: false, prop: 'bikCode' }],
      // ISIC activity classes ("Activities of holding companies") describe a sector, not a legal form.
      ['organization type', property('sector')],
    ] as const
  ).map(([label, rule]) => [label, rule] as [string, FieldRule]),
);

/**
 * Registry and securities identifiers that only companies have: with one of these in the remarks an
 * OFAC "entity" is a Company rather than an Organization.
 */
const COMPANY_LABELS: ReadonlySet<string> = new Set([
  'company number',
  'uk company number',
  'company number imo',
  'commercial registry number',
  'business registration number',
  'certificate of incorporation number',
  'chamber of commerce number',
  'istanbul chamber of comm. no.',
  'dubai chamber of commerce membership no.',
  'trade license no.',
  'folio mercantil no.',
  'matricula mercantil no',
  'c.r. no.',
  'isin',
  'equity ticker',
  'issuer name',
]);

const COMPANY_TARGET_TYPES = /^(private company|public company|state-owned enterprise)\.?$/i;
/** ISIC classes of bodies that are not companies (parties, armed forces, administration, schools). */
const NON_COMPANY_ACTIVITY =
  /political|defen[cs]e activities|public order|public administration|social security|membership organi[sz]ations|religious|education|extraterritorial/i;

/** Where the spaces of the item being read are (reused: remarks have tens of thousands of items). */
const SPACES: number[] = [];

/** Longest label we look for, in words ("Transactions Prohibited For Persons Owned or Controlled …"). */
const MAX_LABEL_WORDS = 14;

export interface RemarkLabel {
  /** The label as written in the remark. */
  label: string;
  rule: FieldRule;
  /** The text after the label. */
  value: string;
}

/**
 * Finds the longest known label at the start of one remark item ("Passport 123 (Korea, North)"
 * → label "Passport", value "123 (Korea, North)"), or null when the item starts with no known label.
 *
 * @example
 * findRemarkLabel('Vessel Registration Identification IMO 7937317'); // { label: 'Vessel Registration Identification IMO', rule: { kind: 'imo' }, value: '7937317' }
 */
export function findRemarkLabel(item: string): RemarkLabel | null {
  // The label is the first n words, the value the rest: cut the item at its n-th space.
  const spaces = SPACES;
  spaces.length = 0;
  for (let at = item.indexOf(' '); at !== -1 && spaces.length < MAX_LABEL_WORDS; at = item.indexOf(' ', at + 1)) spaces.push(at);
  for (let n = Math.min(spaces.length, mostLabelWords(item, spaces)); n >= 1; n--) {
    const end = spaces[n - 1] ?? 0;
    const label = item.slice(0, end);
    const rule = remarkLabelRule(label);
    if (rule) return { label, rule, value: item.slice(end + 1).trim() };
  }
  return null;
}

/**
 * The rule for a label as written in Remarks, or undefined when it is not a known label.
 *
 * @example
 * remarkLabelRule('citizen'); // { kind: 'property', prop: 'citizenship', value: 'country' }
 */
export function remarkLabelRule(label: string): FieldRule | undefined {
  return REMARK_LABELS.get(labelKey(label)) ?? fieldRule(label);
}

/** For each first word of a known label key, the most words such a key has. */
const LABEL_WORDS: ReadonlyMap<string, number> = (() => {
  const most = mostWordsByFirstWord(REMARK_LABELS.keys());
  for (const [word, n] of fieldLabelWords()) most.set(word, Math.max(most.get(word) ?? 0, n));
  return most;
})();


/**
 * The most words a known label at the start of `item` can have, so that longer prefixes need not be
 * looked up. A label's key (see labelKey) keeps its words but may lose trailing words made only of
 * `:` and `-`; its first word is the item's first word, lower-cased with straight apostrophes, and
 * without trailing `:`/`-` when it is the only word left. Items with other whitespace are not bounded.
 */
function mostLabelWords(item: string, spaces: readonly number[]): number {
  // Words separated by single spaces and nothing else, as in the items splitRemarks makes.
  if (item === '' || collapseWhitespace(item) !== item) return MAX_LABEL_WORDS;
  const most = mostWordsAfter(item.slice(0, spaces[0] ?? item.length));
  if (most === 0) return 0;
  if (most >= spaces.length) return most;
  let strippable = 0;
  for (let w = 0; w + 1 < spaces.length; w++) {
    if (onlyDashesAndColons(item, (spaces[w] ?? 0) + 1, spaces[w + 1] ?? 0)) strippable++;
  }
  return most + strippable;
}

/** The most words of a known label key starting with this word (as keys write it), 0 for none. */
function mostWordsAfter(firstWord: string): number {
  let most = mostByFirstWord.get(firstWord);
  if (most === undefined) {
    const key = firstWord.replace(/[\u2018\u2019]/g, "'").toLowerCase();
    most = Math.max(LABEL_WORDS.get(key) ?? 0, LABEL_WORDS.get(key.replace(/[:-]+$/, '')) ?? 0);
    if (mostByFirstWord.size >= 10_000) mostByFirstWord.clear();
    mostByFirstWord.set(firstWord, most);
  }
  return most;
}

const mostByFirstWord = new Map<string, number>();

function onlyDashesAndColons(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x3a) return false;
  }
  return to > from;
}

/**
 * Why a remark item shows that the subject is a company, or null: a company-registry or securities
 * identifier, a commercial "Organization Type:", or a company "Target Type".
 *
 * @example
 * companyEvidence({ label: 'Company Number', value: '01074897 (United Kingdom)' }); // 'Company Number'
 * companyEvidence({ label: 'Organization Type:', value: 'Activities of political organizations' }); // null
 */
export function companyEvidence(found: Pick<RemarkLabel, 'label' | 'value'>): string | null {
  const key = labelKey(found.label);
  if (COMPANY_LABELS.has(key)) return found.label;
  if (key === 'organization type' && !NON_COMPANY_ACTIVITY.test(found.value)) return `${found.label} ${found.value}`;
  if (key === 'target type' && COMPANY_TARGET_TYPES.test(found.value)) return `${found.label} ${found.value}`;
  return null;
}
