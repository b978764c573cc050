import { fieldRule, labelKey, type FieldRule } from './ofac-fields.js';

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
  const words = item.split(' ');
  for (let n = Math.min(words.length - 1, MAX_LABEL_WORDS); n >= 1; n--) {
    const label = words.slice(0, n).join(' ');
    const key = labelKey(label);
    const rule = REMARK_LABELS.get(key) ?? fieldRule(label);
    if (rule) return { label, rule, value: words.slice(n).join(' ').trim() };
  }
  return null;
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
