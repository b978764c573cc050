import { InputError } from '../../errors.js';
import type { SourceFile } from '../source.js';
import type { ListParser, ParsedList, ParseOptions } from '../types.js';
import { childNodes, firstChild, firstChildText, type XmlNode } from '../xml/xml-node.js';
import { streamXmlRecords } from '../xml/xml-stream.js';
import { isCountryCode } from './ofac-countries.js';
import { expandRange, isoDate, type OfacDate } from './ofac-dates.js';
import { buildOfacEntries, OfacEntry, type AddressParts, type FieldInput, type NameKind, type NameParts, type OfacContext } from './ofac-entry.js';
import { labelKey } from './ofac-fields.js';
import { OFAC_EXPORTS_URL, OFAC_SCHEMA_BY_TYPE, ofacRootNamespace, ofacXmlContext } from './parse-ofac-xml.js';
import { companyEvidence } from './remarks-labels.js';

export const OFAC_SDN_ADVANCED_XML_URL = `${OFAC_EXPORTS_URL}/SDN_ADVANCED.XML`;
export const OFAC_CONS_ADVANCED_XML_URL = `${OFAC_EXPORTS_URL}/CONS_ADVANCED.XML`;

/** Namespaces SDN_ADVANCED.XML has been published with (Sanctions List Service, older treasury.gov file). */
export const OFAC_ADVANCED_XML_NAMESPACES = [
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML',
  'http://www.un.org/sanctions/1.0',
];

const NAME_KIND: ReadonlyMap<string, NameKind> = new Map(Object.entries({ 'name': 'primary', 'a.k.a.': 'aka', 'f.k.a.': 'fka', 'n.k.a.': 'nka' }));

/** Location part types → address parts. */
const LOCATION_PARTS: ReadonlyMap<string, keyof AddressParts> = new Map(Object.entries({
  'address1': 'street',
  'address2': 'street2',
  'address3': 'street3',
  'city': 'city',
  'state/province': 'state',
  'postal code': 'postalCode',
  'region': 'region',
  'unknown': 'other',
}));

const SECTIONS = new Set([
  'DateOfIssue', 'ReferenceValueSets', 'Locations', 'IDRegDocuments', 'DistinctParties', 'ProfileRelationships',
  'SanctionsEntries', 'SanctionsEntryLinks',
]);

/**
 * Attributes that point into the reference value sets, and the set each points into. Every one of
 * them in the data sections is checked, so that an id the file does not define is an error even
 * where the parser has no use for the value.
 */
const REFERENCE_ATTRIBUTES: ReadonlyMap<string, string> = new Map(Object.entries({
  AliasTypeID: 'AliasType',
  AreaCodeID: 'AreaCode',
  CalendarTypeID: 'CalendarType',
  CountryID: 'Country',
  'IssuedBy-CountryID': 'Country',
  CountryRelevanceID: 'CountryRelevance',
  DetailReferenceID: 'DetailReference',
  DetailTypeID: 'DetailType',
  DocNameStatusID: 'DocNameStatus',
  EntryEventTypeID: 'EntryEventType',
  EntryLinkTypeID: 'EntryLinkType',
  ExRefTypeID: 'ExRefType',
  FeatureTypeID: 'FeatureType',
  IDRegDocDateTypeID: 'IDRegDocDateType',
  IDRegDocTypeID: 'IDRegDocType',
  IdentityFeatureLinkTypeID: 'IdentityFeatureLinkType',
  LegalBasisID: 'LegalBasis',
  ListID: 'List',
  LocPartTypeID: 'LocPartType',
  LocPartValueStatusID: 'LocPartValueStatus',
  LocPartValueTypeID: 'LocPartValueType',
  NamePartTypeID: 'NamePartType',
  PartySubTypeID: 'PartySubType',
  RelationQualityID: 'RelationQuality',
  RelationTypeID: 'RelationType',
  ReliabilityID: 'Reliability',
  SanctionsTypeID: 'SanctionsType',
  ScriptID: 'Script',
  ScriptStatusID: 'ScriptStatus',
  SupInfoTypeID: 'SupInfoType',
  TargetTypeID: 'TargetType',
  ValidityID: 'Validity',
}));

/** Section → its record element; each record is read whole. */
const RECORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  Locations: 'Location',
  IDRegDocuments: 'IDRegDocument',
  DistinctParties: 'DistinctParty',
  ProfileRelationships: 'ProfileRelationship',
  SanctionsEntries: 'SanctionsEntry',
}));

/**
 * Recognises SDN_ADVANCED.XML (and CONS_ADVANCED.XML) from its first bytes: root `Sanctions` in OFAC's
 * namespace, or followed by `DateOfIssue` / `ReferenceValueSets`.
 *
 * @example
 * sniffOfacAdvancedXml('<Sanctions xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML">', 'x.xml'); // true
 */
export function sniffOfacAdvancedXml(head: string, _fileName: string): boolean {
  if (!/<(?:[\w-]+:)?Sanctions[\s>]/.test(head)) return false;
  return OFAC_ADVANCED_XML_NAMESPACES.some((ns) => head.includes(ns)) || /<(?:[\w-]+:)?(?:DateOfIssue|ReferenceValueSets)[\s>]/.test(head);
}

interface RefValue {
  text: string;
  attributes: Record<string, string>;
}

interface LocationRecord {
  line: number;
  parts: AddressParts;
  /** All parts joined, for features that want the place as text (place of birth). */
  full: string;
}

interface DocumentRecord {
  line: number;
  identityId: string;
  type: string;
  number?: string;
  country?: string;
  countryCode?: string;
  issueDate?: string;
  expiryDate?: string;
  authority?: string;
  comment?: string;
}

interface SanctionsRecord {
  line: number;
  profileId: string;
  list: string;
  programs: string[];
  measures: string[];
  listingDates: string[];
  legalBases: string[];
  comments: string[];
}

interface RelationRecord {
  line: number;
  id: string;
  from: string;
  to: string;
  type: string;
  former: boolean;
  comment?: string;
}

interface PendingLocation {
  entry: OfacEntry;
  label: string;
  locationId: string;
  line: number;
  reportedFalse: boolean;
}

/**
 * Reads OFAC's SDN_ADVANCED.XML into the same FtM entities as SDN.XML and the CSV set (`ofac-<uid>`
 * subjects with Sanction, documents, addresses and wallets). The ~130 MB file is streamed: reference
 * value sets are collected first (they precede the parties), each DistinctParty is mapped as it closes,
 * and documents, locations, sanctions entries and relationships are joined in when the file ends. An
 * id that points at nothing (an AliasTypeID missing from the reference sets, a ProfileID without a
 * party) is an InputError naming the file and line, as is any malformed or hostile XML.
 *
 * @example
 * const parsed = await parseOfacAdvancedXml([fileSource('SDN_ADVANCED.XML')], {});
 * parsed.publishedAt; // '2024-03-06'
 */
export const parseOfacAdvancedXml: ListParser = async (files: SourceFile[], options: ParseOptions): Promise<ParsedList> => {
  const [src, ...extra] = files;
  if (!src || extra.length > 0) {
    throw new InputError(files.map((f) => f.name).join(', ') || 'SDN_ADVANCED.XML', `SDN_ADVANCED.XML is one file; ${files.length} given`);
  }
  const reader = new AdvancedReader(src, options);
  return reader.read();
};

class AdvancedReader {
  private readonly ctx: OfacContext;
  private readonly refs = new Map<string, Map<string, RefValue>>();
  private refsSeen = false;
  private readonly locations = new Map<string, LocationRecord>();
  private readonly documents = new Map<string, DocumentRecord[]>();
  private readonly entries = new Map<string, OfacEntry>();
  private readonly identityOwner = new Map<string, OfacEntry>();
  private readonly pendingLocations: PendingLocation[] = [];
  private readonly sanctions: SanctionsRecord[] = [];
  private readonly relations: RelationRecord[] = [];

  constructor(
    private readonly src: SourceFile,
    private readonly options: ParseOptions,
  ) {
    this.ctx = ofacXmlContext(src, options, { sdn: OFAC_SDN_ADVANCED_XML_URL, cons: OFAC_CONS_ADVANCED_XML_URL });
  }

  async read(): Promise<ParsedList> {
    let namespace: string | null = null;
    const isRecord = (path: readonly string[]) =>
      (path.length === 2 && path[1] === 'DateOfIssue') ||
      (path.length === 3 && (path[1] === 'ReferenceValueSets' || RECORDS.get(path[1] ?? '') === path[2]));
    for await (const item of streamXmlRecords(this.src, { isRecord, localNames: true, onBytes: this.options.onBytes })) {
      if (item.kind === 'root') {
        namespace = ofacRootNamespace(this.src, item, 'Sanctions');
      } else if (item.kind === 'element') {
        const [, section, name] = item.path;
        if (item.path.length === 2 && !SECTIONS.has(section ?? '')) this.warn(`unknown section <${section}>: ignored`, item.line);
        if (item.path.length === 3 && section !== undefined && RECORDS.get(section) !== undefined) {
          this.warn(`unexpected <${name}> in <${section}>: ignored`, item.line);
        }
      } else if (item.kind === 'record') {
        this.onRecord(item.node, item.path);
      }
    }
    if (namespace && !OFAC_ADVANCED_XML_NAMESPACES.includes(namespace)) {
      this.warn(`unexpected namespace ${namespace} on <Sanctions>: read as SDN_ADVANCED.XML anyway`, 1);
    }
    if (!this.ctx.publishedAt) this.warn('no <DateOfIssue>: publication date unknown', 1);
    this.joinDeferred();
    return {
      list: this.ctx.list,
      format: 'ofac-advanced-xml',
      publishedAt: this.ctx.publishedAt ?? null,
      sourceUrl: this.ctx.sourceUrl,
      entities: buildOfacEntries([...this.entries.values()]),
      warnings: [...this.ctx.warnings.list(this.src.name), ...this.ctx.countries.warnings().map((w) => `${this.src.name}: ${w}`)],
    };
  }

  private warn(message: string, line: number): void {
    this.ctx.warnings.add(message, line);
  }

  private fail(detail: string, line: number, field?: string): never {
    throw new InputError(this.src.name, detail, line, field);
  }

  private onRecord(el: XmlNode, path: readonly string[]): void {
    const section = path[1];
    if (section === 'DateOfIssue') {
      this.ctx.publishedAt = this.readDate(el, 'DateOfIssue') ?? undefined;
      return;
    }
    if (section === 'ReferenceValueSets') return this.readReferenceSet(el);
    if (!this.refsSeen) this.fail(`<${el.name}> comes before <ReferenceValueSets>; the reference values must come first`, el.line);
    this.checkReferences(el);
    switch (el.name) {
      case 'Location':
        return this.readLocation(el);
      case 'IDRegDocument':
        return this.readDocument(el);
      case 'DistinctParty':
        return this.readParty(el);
      case 'SanctionsEntry':
        return this.readSanctionsEntry(el);
      case 'ProfileRelationship':
        return this.readRelation(el);
    }
  }

  // ---- reference values ----------------------------------------------------------------------

  private readReferenceSet(set: XmlNode): void {
    this.refsSeen = true;
    for (const value of set.children) {
      const id = value.attributes.ID;
      if (id === undefined) this.fail(`<${value.name}> in <${set.name}> has no ID`, value.line, 'ID');
      let byId = this.refs.get(value.name);
      if (!byId) this.refs.set(value.name, (byId = new Map()));
      byId.set(id, { text: value.text.trim(), attributes: value.attributes });
    }
  }

  private checkReferences(el: XmlNode): void {
    for (const [attr, id] of Object.entries(el.attributes)) {
      const type = REFERENCE_ATTRIBUTES.get(attr);
      if (type) this.ref(type, id, el, attr);
    }
    for (const c of el.children) this.checkReferences(c);
  }

  /** The reference value `type` (e.g. `AliasType`) with this id; an unknown id is an InputError. */
  private ref(type: string, id: string | undefined, el: XmlNode, attr: string): RefValue {
    if (id === undefined) this.fail(`<${el.name}> has no ${attr}`, el.line, attr);
    const value = this.refs.get(type)?.get(id);
    if (!value) this.fail(`${attr} ${id} is not in <ReferenceValueSets>/<${type}Values>`, el.line, attr);
    return value;
  }

  private optionalRef(type: string, el: XmlNode, attr: string): RefValue | undefined {
    const id = el.attributes[attr];
    return id === undefined ? undefined : this.ref(type, id, el, attr);
  }

  private countryOf(el: XmlNode, attr: string): { code?: string; name: string } | undefined {
    const country = this.optionalRef('Country', el, attr);
    if (!country) return undefined;
    const iso = country.attributes.ISO2?.toLowerCase();
    if (iso && isCountryCode(iso)) return { code: iso, name: country.text };
    return { code: this.ctx.countries.code(country.text), name: country.text };
  }

  // ---- dates -------------------------------------------------------------------------------------

  /** `<Year>`, `<Month>`, `<Day>` children as an ISO prefix; malformed numbers are an InputError. */
  private readDate(el: XmlNode | undefined, what: string): string | null {
    if (!el) return null;
    const num = (name: string): number | undefined => {
      const text = firstChildText(el, name);
      if (text === undefined) return undefined;
      if (!/^\d{1,4}$/.test(text)) this.fail(`${what}: <${name}> "${text}" is not a number`, firstChild(el, name)?.line ?? el.line, name);
      return Number(text);
    };
    const year = num('Year');
    if (year === undefined) return null;
    const month = num('Month');
    const day = month === undefined ? undefined : num('Day');
    const iso = isoDate(year, month, day);
    if (!iso) this.fail(`${what}: ${year}-${month ?? ''}-${day ?? ''} is not a date`, el.line);
    return iso;
  }

  /** A DatePeriod: its Start and End, each a From–To window, read as OFAC means them (see expandRange). */
  private readDatePeriod(period: XmlNode, what: string): OfacDate | null {
    // A window with no common prefix is read by its outer edge: the earliest start, the latest end.
    const window = (edge: XmlNode | undefined, outer: 'From' | 'To'): string | null => {
      if (!edge) return null;
      const from = this.readDate(firstChild(edge, 'From'), what);
      const to = this.readDate(firstChild(edge, 'To'), what);
      if (!from || !to) return from ?? to;
      return commonDatePrefix(from, to) ?? (outer === 'From' ? from : to);
    };
    const start = firstChild(period, 'Start');
    const end = firstChild(period, 'End');
    const from = window(start, 'From');
    const to = window(end, 'To');
    if (!from && !to) return null;
    const values = from && to ? (to < from ? [from, to] : expandRange(from, to)) : [(from ?? to) as string];
    const approximate = start?.attributes.Approximate === 'true' || end?.attributes.Approximate === 'true';
    return { values, approximate, range: values.length > 1 };
  }

  // ---- locations and documents -------------------------------------------------------------

  private readLocation(el: XmlNode): void {
    const id = el.attributes.ID;
    if (id === undefined) this.fail('<Location> has no ID', el.line, 'ID');
    const parts: AddressParts = {};
    for (const lc of childNodes(el, 'LocationCountry')) {
      const country = this.countryOf(lc, 'CountryID');
      if (country && !parts.countryName) {
        parts.countryName = country.name;
        parts.countryCode = country.code;
      }
    }
    for (const area of childNodes(el, 'LocationAreaCode')) {
      const code = this.ref('AreaCode', area.attributes.AreaCodeID, area, 'AreaCodeID');
      if (!parts.countryName && code.attributes.Description) {
        parts.countryName = code.attributes.Description;
        parts.countryCode = this.ctx.countries.code(code.attributes.Description);
      }
    }
    for (const part of childNodes(el, 'LocationPart')) {
      const type = this.ref('LocPartType', part.attributes.LocPartTypeID, part, 'LocPartTypeID').text;
      const values = childNodes(part, 'LocationPartValue');
      const primary = values.find((v) => v.attributes.Primary === 'true') ?? values[0];
      const value = primary ? firstChildText(primary, 'Value') : undefined;
      if (!value) continue;
      const key = LOCATION_PARTS.get(type.toLowerCase());
      if (!key) this.warn(`unknown location part type "${type}": kept in the address remarks`, part.line);
      const target = key ?? 'other';
      parts[target] = parts[target] ? `${parts[target]}, ${value}` : value;
      for (const alt of values) {
        const altValue = alt === primary ? undefined : firstChildText(alt, 'Value');
        if (altValue) parts.other = parts.other ? `${parts.other}, ${altValue}` : altValue;
      }
    }
    const full = [parts.street, parts.street2, parts.street3, parts.city, parts.state, parts.postalCode, parts.region, parts.other, parts.countryName]
      .filter(Boolean)
      .join(', ');
    this.locations.set(id, { line: el.line, parts, full });
  }

  private readDocument(el: XmlNode): void {
    const identityId = el.attributes.IdentityID;
    if (identityId === undefined) this.fail('<IDRegDocument> has no IdentityID', el.line, 'IdentityID');
    const type = this.ref('IDRegDocType', el.attributes.IDRegDocTypeID, el, 'IDRegDocTypeID').text;
    const country = this.countryOf(el, 'IssuedBy-CountryID');
    const doc: DocumentRecord = {
      line: el.line,
      identityId,
      type,
      number: firstChildText(el, 'IDRegistrationNo'),
      country: country?.name,
      countryCode: country?.code,
      authority: firstChildText(el, 'IssuingAuthority'),
    };
    const comments = [firstChildText(el, 'Comment')];
    const validity = this.optionalRef('Validity', el, 'ValidityID');
    if (validity && validity.text.toLowerCase() !== 'valid') comments.push(`validity: ${validity.text}`);
    for (const date of childNodes(el, 'DocumentDate')) {
      const dateType = this.ref('IDRegDocDateType', date.attributes.IDRegDocDateTypeID, date, 'IDRegDocDateTypeID').text;
      const period = firstChild(date, 'DatePeriod');
      const value = period ? this.readDatePeriod(period, dateType) : null;
      if (!value) continue;
      const text = value.values.join(' to ');
      if (/issue/i.test(dateType)) doc.issueDate = text;
      else if (/expir/i.test(dateType)) doc.expiryDate = text;
      else comments.push(`${dateType}: ${text}`);
    }
    doc.comment = comments.filter(Boolean).join('; ') || undefined;
    const list = this.documents.get(identityId);
    if (list) list.push(doc);
    else this.documents.set(identityId, [doc]);
  }

  // ---- parties -------------------------------------------------------------------------------

  private readParty(party: XmlNode): void {
    const profiles = childNodes(party, 'Profile');
    if (profiles.length === 0) this.fail('<DistinctParty> has no <Profile>', party.line);
    for (const profile of profiles) {
      const entry = this.readProfile(profile);
      entry.addNote(firstChildText(party, 'Comment'));
    }
  }

  private readProfile(profile: XmlNode): OfacEntry {
    const id = profile.attributes.ID;
    if (!id || !/^\d{1,12}$/.test(id)) this.fail(`<Profile> without a numeric ID (${JSON.stringify(id ?? '')})`, profile.line, 'ID');
    const uid = String(Number(id));
    const existing = this.entries.get(uid);
    if (existing) this.fail(`Profile ID ${uid} appears twice (first on line ${existing.line})`, profile.line, 'ID');

    let schema = this.schemaOf(profile);
    if (schema === 'Organization' && this.showsCompany(profile)) schema = 'Company';
    const entry = new OfacEntry(this.ctx, uid, schema, profile.line);
    this.entries.set(uid, entry);
    const identities = childNodes(profile, 'Identity');
    for (const identity of identities) this.readIdentity(entry, identity);
    if (!entry.subject.has('name')) {
      const fallback = entry.subject.get('alias')[0] ?? entry.subject.get('weakAlias')[0] ?? entry.subject.get('previousName')[0];
      if (!fallback) this.fail(`Profile ${uid} has no name`, profile.line);
      this.warn('a profile without a primary name: its first alias is used as the name', profile.line);
      entry.subject.add('name', fallback);
    }
    const identityIds = new Set(identities.map((i) => i.attributes.ID));
    // A second feature of one type (another date of birth) is an alternative, as "alt. DOB" in the CSV.
    const typesSeen = new Set<string | undefined>();
    for (const feature of childNodes(profile, 'Feature')) {
      for (const reference of childNodes(feature, 'IdentityReference')) {
        const identityId = reference.attributes.IdentityID;
        if (!identityIds.has(identityId)) {
          this.fail(`IdentityID ${identityId ?? '(none)'} is not an identity of profile ${uid}`, reference.line, 'IdentityID');
        }
      }
      const alternative = typesSeen.has(feature.attributes.FeatureTypeID);
      typesSeen.add(feature.attributes.FeatureTypeID);
      this.readFeature(entry, feature, alternative);
    }
    return entry;
  }

  /**
   * True when a profile's features or documents show that an entity is a company (registry number,
   * securities identifier, commercial organisation type), as the CSV parser decides from the remarks.
   * Documents count when their section came first, as in the official file.
   */
  private showsCompany(profile: XmlNode): boolean {
    for (const feature of childNodes(profile, 'Feature')) {
      const label = this.ref('FeatureType', feature.attributes.FeatureTypeID, feature, 'FeatureTypeID').text;
      for (const version of childNodes(feature, 'FeatureVersion')) {
        for (const detail of childNodes(version, 'VersionDetail')) {
          const value = this.optionalRef('DetailReference', detail, 'DetailReferenceID')?.text ?? detail.text.trim();
          if (companyEvidence({ label, value })) return true;
        }
      }
    }
    for (const identity of childNodes(profile, 'Identity')) {
      const docs = identity.attributes.ID === undefined ? undefined : this.documents.get(identity.attributes.ID);
      if (docs?.some((d) => companyEvidence({ label: d.type, value: d.number ?? '' }))) return true;
    }
    return false;
  }

  private schemaOf(profile: XmlNode): string {
    const subType = this.ref('PartySubType', profile.attributes.PartySubTypeID, profile, 'PartySubTypeID');
    let typeName = subType.text;
    if (typeName.toLowerCase() === 'unknown') {
      const partyTypeId = subType.attributes.PartyTypeID;
      const partyType = partyTypeId === undefined ? undefined : this.refs.get('PartyType')?.get(partyTypeId);
      if (!partyType) {
        this.fail(`PartySubType ${profile.attributes.PartySubTypeID} points at PartyTypeID ${partyTypeId ?? '(none)'}, which is not in <PartyTypeValues>`, profile.line, 'PartySubTypeID');
      }
      typeName = partyType.text;
    }
    const schema = OFAC_SCHEMA_BY_TYPE.get(typeName.toLowerCase());
    if (schema) return schema;
    this.warn(`unknown party type "${typeName}": read as LegalEntity`, profile.line);
    return 'LegalEntity';
  }

  private readIdentity(entry: OfacEntry, identity: XmlNode): void {
    const identityId = identity.attributes.ID;
    if (identityId !== undefined) {
      const owner = this.identityOwner.get(identityId);
      if (owner && owner !== entry) this.fail(`Identity ID ${identityId} is used by two profiles (${owner.uid} and ${entry.uid})`, identity.line, 'ID');
      this.identityOwner.set(identityId, entry);
    }
    const groupType = new Map<string, string>();
    for (const master of childNodes(firstChild(identity, 'NamePartGroups'), 'MasterNamePartGroup')) {
      for (const group of childNodes(master, 'NamePartGroup')) {
        const groupId = group.attributes.ID;
        if (groupId === undefined) this.fail('<NamePartGroup> has no ID', group.line, 'ID');
        groupType.set(groupId, this.ref('NamePartType', group.attributes.NamePartTypeID, group, 'NamePartTypeID').text);
      }
    }
    for (const alias of childNodes(identity, 'Alias')) {
      const aliasType = this.ref('AliasType', alias.attributes.AliasTypeID, alias, 'AliasTypeID').text;
      let kind = NAME_KIND.get(aliasType.toLowerCase());
      if (!kind) {
        this.warn(`unknown alias type "${aliasType}": read as a.k.a.`, alias.line);
        kind = 'aka';
      }
      if (kind === 'primary' && alias.attributes.Primary !== 'true') kind = 'aka';
      const weak = alias.attributes.LowQuality === 'true';
      const names = childNodes(alias, 'DocumentedName');
      // The primary alias may carry the name in several scripts: the Latin one is the name.
      const latin =
        names.find((n) => {
          const status = this.optionalRef('DocNameStatus', n, 'DocNameStatusID');
          return status?.text.toLowerCase() === 'primary latin';
        }) ?? names[0];
      for (const name of names) {
        const parts = this.nameParts(name, groupType);
        entry.addName(kind === 'primary' && name !== latin ? 'aka' : kind, weak, parts, name.line);
      }
    }
  }

  private nameParts(name: XmlNode, groupType: Map<string, string>): NameParts {
    const parts: NameParts = { given: [] };
    const full: string[] = [];
    for (const part of childNodes(name, 'DocumentedNamePart')) {
      for (const value of childNodes(part, 'NamePartValue')) {
        const groupId = value.attributes.NamePartGroupID;
        if (groupId === undefined) this.fail('<NamePartValue> has no NamePartGroupID', value.line, 'NamePartGroupID');
        const type = groupType.get(groupId);
        if (!type) this.fail(`NamePartGroupID ${groupId} is not a NamePartGroup of this identity`, value.line, 'NamePartGroupID');
        const text = value.text.trim();
        if (!text) continue;
        switch (type.toLowerCase()) {
          case 'last name':
            parts.last = parts.last ? `${parts.last} ${text}` : text;
            break;
          case 'entity name':
          case 'vessel name':
          case 'aircraft name':
            full.push(text);
            break;
          default:
            parts.given?.push(text);
            if (type.toLowerCase() === 'first name') parts.first = parts.first ? `${parts.first} ${text}` : text;
            else if (type.toLowerCase() === 'middle name') parts.middle = text;
            else if (type.toLowerCase() === 'patronymic') parts.father = text;
            else if (type.toLowerCase() === 'matronymic') parts.mother = text;
            else if (!['maiden name', 'nickname'].includes(type.toLowerCase())) {
              this.warn(`unknown name part type "${type}": kept among the given names`, value.line);
            }
        }
      }
    }
    if (full.length) parts.full = full.join(' ');
    return parts;
  }

  private readFeature(entry: OfacEntry, feature: XmlNode, alternative: boolean): void {
    const label = this.ref('FeatureType', feature.attributes.FeatureTypeID, feature, 'FeatureTypeID').text;
    for (const version of childNodes(feature, 'FeatureVersion')) {
      const reliability = this.optionalRef('Reliability', version, 'ReliabilityID')?.text;
      // OFAC keeps values it knows to be false (a fraudulent flag, a forged date of birth): noted, not applied.
      const reportedFalse = reliability?.toLowerCase() === 'false';
      const apply = (input: FieldInput, line: number) => {
        if (!reportedFalse) return entry.applyField(label, { ...input, alternative }, line, 'note');
        const text = input.text ?? input.date?.values.join(', ');
        if (text) entry.addNote(`${stripLabel(label)} (reported false): ${text}`);
      };
      const comment = firstChildText(version, 'Comment');
      if (comment) entry.addNote(`${stripLabel(label)}: ${comment}`);
      for (const detail of childNodes(version, 'VersionDetail')) {
        if (detail.attributes.DetailTypeID !== undefined) this.ref('DetailType', detail.attributes.DetailTypeID, detail, 'DetailTypeID');
        const reference = this.optionalRef('DetailReference', detail, 'DetailReferenceID');
        const text = reference?.text ?? detail.text.trim();
        if (text) apply({ text }, detail.line);
      }
      for (const period of childNodes(version, 'DatePeriod')) {
        const date = this.readDatePeriod(period, label);
        if (date) apply({ date }, period.line);
      }
      for (const loc of childNodes(version, 'VersionLocation')) {
        const locationId = loc.attributes.LocationID;
        if (locationId === undefined) this.fail('<VersionLocation> has no LocationID', loc.line, 'LocationID');
        this.pendingLocations.push({ entry, label, locationId, line: loc.line, reportedFalse });
      }
    }
  }

  // ---- sanctions entries and relationships -------------------------------------------------

  private readSanctionsEntry(el: XmlNode): void {
    const profileId = el.attributes.ProfileID;
    if (!profileId || !/^\d{1,12}$/.test(profileId)) this.fail('<SanctionsEntry> without a numeric ProfileID', el.line, 'ProfileID');
    const record: SanctionsRecord = {
      line: el.line,
      profileId: String(Number(profileId)),
      list: this.ref('List', el.attributes.ListID, el, 'ListID').text,
      programs: [],
      measures: [],
      listingDates: [],
      legalBases: [],
      comments: [],
    };
    for (const event of childNodes(el, 'EntryEvent')) {
      const eventType = this.optionalRef('EntryEventType', event, 'EntryEventTypeID')?.text;
      const basis = this.optionalRef('LegalBasis', event, 'LegalBasisID');
      const basisText = basis?.attributes.LegalBasisShortRef ?? basis?.text;
      if (basisText && basisText.toLowerCase() !== 'unknown') record.legalBases.push(basisText.replace(/\s+/g, ' '));
      const date = this.readDate(firstChild(event, 'Date'), 'EntryEvent');
      if (date && (!eventType || /created|designat|list/i.test(eventType))) record.listingDates.push(date);
      else if (date) record.comments.push(`${eventType}: ${date}`);
      const comment = firstChildText(event, 'Comment');
      if (comment) record.comments.push(comment);
    }
    for (const measure of childNodes(el, 'SanctionsMeasure')) {
      const type = this.ref('SanctionsType', measure.attributes.SanctionsTypeID, measure, 'SanctionsTypeID').text;
      const comment = firstChildText(measure, 'Comment');
      if (type.toLowerCase() === 'program') {
        if (comment) record.programs.push(comment);
      } else {
        record.measures.push(comment ? `${type}: ${comment}` : type);
      }
    }
    this.sanctions.push(record);
  }

  private readRelation(el: XmlNode): void {
    const id = el.attributes.ID;
    const from = el.attributes['From-ProfileID'];
    const to = el.attributes['To-ProfileID'];
    if (id === undefined) this.fail('<ProfileRelationship> has no ID', el.line, 'ID');
    if (!from || !/^\d{1,12}$/.test(from)) this.fail('<ProfileRelationship> without a numeric From-ProfileID', el.line, 'From-ProfileID');
    if (!to || !/^\d{1,12}$/.test(to)) this.fail('<ProfileRelationship> without a numeric To-ProfileID', el.line, 'To-ProfileID');
    this.relations.push({
      line: el.line,
      id,
      from: String(Number(from)),
      to: String(Number(to)),
      type: this.ref('RelationType', el.attributes.RelationTypeID, el, 'RelationTypeID').text,
      former: el.attributes.Former === 'true',
      comment: firstChildText(el, 'Comment'),
    });
  }

  /** Joins what refers to parties by id, once every party is known. */
  private joinDeferred(): void {
    for (const pending of this.pendingLocations) {
      const location = this.locations.get(pending.locationId);
      if (!location) this.fail(`LocationID ${pending.locationId} is not in <Locations>`, pending.line, 'LocationID');
      if (pending.reportedFalse) {
        pending.entry.addNote(`${stripLabel(pending.label)} (reported false): ${location.full}`);
      } else if (labelKey(pending.label) === 'location') {
        pending.entry.addAddress(pending.locationId, location.parts, pending.line);
      } else {
        pending.entry.applyField(pending.label, { text: location.full, countryCode: location.parts.countryCode }, pending.line, 'note');
      }
    }
    for (const doc of [...this.documents.values()].flat()) {
      const entry = this.identityOwner.get(doc.identityId);
      if (!entry) this.fail(`IdentityID ${doc.identityId} is not the identity of any DistinctParty`, doc.line, 'IdentityID');
      entry.applyField(
        doc.type,
        {
          text: doc.number,
          country: doc.country,
          countryCode: doc.countryCode,
          issueDate: doc.issueDate,
          expiryDate: doc.expiryDate,
          authority: doc.authority,
          comment: doc.comment,
        },
        doc.line,
        'document',
      );
    }
    const sanctioned = new Set<string>();
    for (const record of this.sanctions) {
      const entry = this.entries.get(record.profileId);
      if (!entry) this.fail(`ProfileID ${record.profileId} is not a DistinctParty profile`, record.line, 'ProfileID');
      sanctioned.add(record.profileId);
      for (const program of record.programs) entry.addProgram(program);
      for (const date of record.listingDates) entry.addListingDate(date);
      entry.sanction
        .add('description', record.list)
        .add('reason', record.legalBases)
        .add('provisions', record.measures)
        .add('summary', record.comments);
    }
    for (const rel of this.relations) {
      const from = this.entries.get(rel.from);
      if (!from) this.fail(`From-ProfileID ${rel.from} is not a DistinctParty profile`, rel.line, 'From-ProfileID');
      if (!this.entries.has(rel.to)) this.fail(`To-ProfileID ${rel.to} is not a DistinctParty profile`, rel.line, 'To-ProfileID');
      from.addLink(rel.to, rel.type, rel.former, rel.comment);
    }
    for (const entry of this.entries.values()) {
      if (!sanctioned.has(entry.uid)) this.warn('a profile without a <SanctionsEntry>: listed without programmes', entry.line);
    }
  }
}

/** The longest ISO prefix two dates share (YYYY-MM-DD, YYYY-MM or YYYY), or null. */
function commonDatePrefix(a: string, b: string): string | null {
  if (a === b) return a;
  if (a.length >= 7 && a.slice(0, 7) === b.slice(0, 7)) return a.slice(0, 7);
  if (a.slice(0, 4) === b.slice(0, 4)) return a.slice(0, 4);
  return null;
}

function stripLabel(label: string): string {
  return label.trim().replace(/[\s:-]+$/, '');
}
