/**
 * What OFAC's labelled values mean: SDN.XML `idType`s and SDN_ADVANCED feature and document types
 * share one vocabulary ("Passport", "Digital Currency Address - ETH", "Vessel Flag",
 * "Secondary sanctions risk:"), so both XML parsers map them through this one table.
 */
export type FieldRule =
  /** A property of the listed subject. `value` says how to read the text. */
  | { kind: 'property'; prop: string; value: FieldValueKind }
  /** An identity document: a Passport or Identification entity, plus `prop` on the subject if set. */
  | { kind: 'document'; passport: boolean; prop?: string }
  /** A vessel's IMO number (a company's IMO company number on an organisation). */
  | { kind: 'imo' }
  | { kind: 'wallet'; ticker: string }
  /** Text or a date that belongs on the Sanction entity. */
  | { kind: 'sanction'; prop: 'summary' | 'startDate' | 'listingDate' }
  /** Kept as a note on the subject ("Vessel Owner: …"). */
  | { kind: 'note' };

export type FieldValueKind = 'text' | 'date' | 'country' | 'gender';

const property = (prop: string, value: FieldValueKind = 'text'): FieldRule => ({ kind: 'property', prop, value });
const document = (prop?: string): FieldRule => ({ kind: 'document', passport: false, prop });

const PASSPORTS = [
  'Passport',
  'Diplomatic Passport',
  'British National Overseas Passport',
  'Stateless Person Passport',
  'Official Passport',
  'Service Passport',
];

const REGISTRATION_NUMBERS = [
  'Registration Number',
  'Registration ID',
  'Business Registration Number',
  'Business Registration Document #',
  'Business Number',
  'Commercial Registry Number',
  'Company Number',
  'UK Company Number',
  'Certificate of Incorporation Number',
  'Chamber of Commerce Number',
  'Public Registration Number',
  'Enterprise Number',
  'C.R. No.',
  'Matricula Mercantil No',
  'Registered Charity No.',
  'Organization Code',
  'Unified Social Credit Code (USCC)',
  'United Social Credit Code Certificate (USCCC)',
  'Serial No.',
  'Trade License No.',
  'Dubai Chamber of Commerce Membership No.',
  'Istanbul Chamber of Comm. No.',
  'Economic Register Number (CBLS)',
  'Government Gazette Number',
  'Central Registration System Number',
  'Folio Mercantil No.',
  'Permit Number',
  'License',
];

const TAX_NUMBERS = [
  'Tax ID No.',
  'RUC #',
  'R.F.C.',
  'RFC',
  'RIF #',
  'RTN',
  'NIT #',
  'C.U.I.T.',
  'C.I.F.',
  'N.I.F.',
  'Italian Fiscal Code',
  'Fiscal Code',
  'Romanian Tax Registration',
  'Paraguayan tax identification number',
  'Numero Unico de Identificacao Tributaria (NUIT)',
  'US FEIN',
];

const PERSONAL_IDS = [
  'National ID No.',
  'National Foreign ID Number',
  'Identification Number',
  'Personal ID Card',
  'Cedula No.',
  'C.U.R.P.',
  'C.U.R.P',
  'D.N.I.',
  'C.U.I.P.',
  "Citizen's Card Number",
  'Kenyan ID No.',
  'Bosnian Personal ID No.',
  'Tazkira National ID Card',
  'Moroccan Personal ID No.',
  'Turkish Identification Number',
  'Numero de Identidad',
  'Credencial electoral',
  'Electoral Registry No.',
  'I.F.E.',
  'C.U.I.',
  'N.I.E.',
  'Residency Number',
  'CNP (Personal Numerical Code)',
  'Romanian Permanent Resident',
  'UAE Identification',
  'Travel Document Number',
  'Stateless Person ID Card',
  'Refugee ID Card',
  "Seafarer's Identification Document",
  "Driver's License No.",
  'Pilot License Number',
  'Birth Certificate Number',
  'Immigration No.',
  'Public Security and Immigration No.',
  'Cartilla de Servicio Militar Nacional',
  'Military Registration Number',
  'VisaNumberID',
  'File Number',
  'Tarjeta Profesional',
  'Tourism License No.',
  'SRE Permit No.',
  'Afghan Money Service Provider License Number',
  'MSB Registration Number',
  'Branch Unit Number',
];

const SANCTION_SUMMARIES = [
  'Secondary sanctions risk:',
  'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:',
  'Additional Sanctions Information -',
  'CAATSA Section 235 Information:',
  'Executive Order 13662 Directive Determination -',
  'Executive Order 13846 information:',
  'Executive Order 14024 Directive Information',
  'Executive Order 14024 Directive Information -',
  'Executive Order 14014 Directive Information:',
  'IFCA Determination -',
  'PEESA Information:',
];

const RULES: [string[], FieldRule][] = [
  [PASSPORTS, { kind: 'document', passport: true, prop: 'passportNumber' }],
  [REGISTRATION_NUMBERS, document('registrationNumber')],
  [TAX_NUMBERS, document('taxNumber')],
  [PERSONAL_IDS, document('idNumber')],
  [['SSN'], document('socialSecurityNumber')],
  [['V.A.T. Number'], document('vatCode')],
  [['Legal Entity Number', 'LE Number'], document('leiCode')],
  [['Vessel Registration Identification'], { kind: 'imo' }],
  [['MMSI'], property('mmsi')],
  [SANCTION_SUMMARIES, { kind: 'sanction', prop: 'summary' }],
  [
    [
      'Effective Date (CMIC)',
      'Purchase/Sales For Divestment Date (CMIC)',
      'Effective Date (EO 14024 Directive 1a):',
      'Effective Date (EO 14024 Directive 2):',
      'Effective Date (EO 14024 Directive 3):',
      'Effective Date (EO 14014 Directive 1):',
    ],
    { kind: 'sanction', prop: 'startDate' },
  ],
  [
    [
      'Listing Date (CMIC)',
      'Listing Date (EO 14024 Directive 1a):',
      'Listing Date (EO 14024 Directive 2):',
      'Listing Date (EO 14024 Directive 3):',
      'Listing Date (EO 14014 Directive 1):',
    ],
    { kind: 'sanction', prop: 'listingDate' },
  ],
  [['Birthdate', 'DOB'], property('birthDate', 'date')],
  [['Place of Birth', 'POB'], property('birthPlace')],
  [['Nationality Country', 'Nationality'], property('nationality', 'country')],
  [['Citizenship Country', 'Citizenship'], property('citizenship', 'country')],
  [['Nationality of Registration', 'Registration Country'], property('jurisdiction', 'country')],
  [['Gender'], property('gender', 'gender')],
  [['Title'], property('position')],
  [['Website'], property('website')],
  [['Email Address'], property('email')],
  [['Phone Number'], property('phone')],
  [['SWIFT/BIC'], property('swiftBic')],
  [['D-U-N-S Number'], property('dunsCode')],
  [['Organization Established Date'], property('incorporationDate', 'date')],
  [['Organization Type:'], property('legalForm')],
  [['Target Type'], property('classification')],
  [['Vessel Call Sign', 'Other Vessel Call Sign'], property('callSign')],
  [['Vessel Type', 'Other Vessel Type'], property('type')],
  [['Vessel Flag'], property('flag', 'country')],
  [['Former Vessel Flag', 'Other Vessel Flag'], property('pastFlags', 'country')],
  [['Vessel Tonnage'], property('tonnage')],
  [['Vessel Gross Registered Tonnage'], property('grossRegisteredTonnage')],
  [['Vessel Year of Build'], property('buildDate', 'date')],
  [
    [
      "Aircraft Manufacturer's Serial Number (MSN)",
      'Aircraft Construction Number (also called L/N or S/N or F/N)',
      'Aircraft Serial Identification',
    ],
    property('serialNumber'),
  ],
  [['Aircraft Manufacture Date'], property('buildDate', 'date')],
  [['Aircraft Model'], property('model')],
  [['Aircraft Tail Number', 'Previous Aircraft Tail Number'], property('registrationNumber')],
  [
    ['Vessel Owner', 'Aircraft Operator', 'Aircraft Owner', 'Aircraft Mode S Transponder Code', 'MICEX Code', 'UN/LOCODE', 'ISIN', 'Equity Ticker', 'Issuer Name'],
    { kind: 'note' },
  ],
];

/**
 * The key a label is looked up by: case, apostrophe style, spacing and trailing ":"/"-" do not
 * distinguish OFAC labels.
 *
 * @example
 * labelKey('Secondary sanctions risk:'); // 'secondary sanctions risk'
 */
export function labelKey(label: string): string {
  let key = labelKeys.get(label);
  if (key === undefined) {
    key = computeLabelKey(label);
    if (labelKeys.size > 50_000) labelKeys.clear();
    labelKeys.set(label, key);
  }
  return key;
}

/** Remarks repeat the same few hundred labels thousands of times: computing each key once halves the parse. */
const labelKeys = new Map<string, string>();

function computeLabelKey(label: string): string {
  return label
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[\s:-]+$/, '')
    .trim()
    .toLowerCase();
}

const RULE_BY_LABEL: Map<string, FieldRule> = (() => {
  const map = new Map<string, FieldRule>();
  for (const [labels, rule] of RULES) for (const label of labels) map.set(labelKey(label), rule);
  return map;
})();

const DIGITAL_CURRENCY = /^digital currency address - ([a-z0-9]+)$/;

/**
 * For each first word of a label key {@link fieldRule} knows, the most words such a key has (the
 * digital-currency labels count as `digital currency address - <ticker>`).
 *
 * @example
 * fieldLabelWords().get('passport'); // 1
 */
export function fieldLabelWords(): ReadonlyMap<string, number> {
  return mostWordsByFirstWord([...RULE_BY_LABEL.keys(), 'digital currency address - x']);
}

/**
 * For each first word among these keys, the most words a key starting with it has.
 *
 * @example
 * mostWordsByFirstWord(['place of birth', 'place']).get('place'); // 3
 */
export function mostWordsByFirstWord(keys: Iterable<string>): Map<string, number> {
  const most = new Map<string, number>();
  for (const key of keys) {
    const words = key.split(' ');
    const first = words[0] ?? '';
    most.set(first, Math.max(most.get(first) ?? 0, words.length));
  }
  return most;
}

/**
 * The rule for an OFAC label, or undefined when the label is not known.
 *
 * @example
 * fieldRule('Digital Currency Address - ETH'); // { kind: 'wallet', ticker: 'ETH' }
 * fieldRule('Passport');                       // { kind: 'document', passport: true, prop: 'passportNumber' }
 */
export function fieldRule(label: string): FieldRule | undefined {
  const key = labelKey(label);
  const wallet = DIGITAL_CURRENCY.exec(key);
  if (wallet?.[1]) return { kind: 'wallet', ticker: wallet[1].toUpperCase() };
  return RULE_BY_LABEL.get(key);
}
