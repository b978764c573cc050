import { InputError } from '../../errors.js';
import { sourceBaseName, type SourceFile } from '../source.js';
import type { ListParser, ParsedList, ParseOptions } from '../types.js';
import { lookupCountry } from './country-variants.js';
import { CountryMapper } from './ofac-countries.js';
import { parseSingleDate } from './ofac-dates.js';
import { buildOfacEntries, OfacEntry, WarningTally, type NameKind, type OfacContext } from './ofac-entry.js';
import { companyEvidence } from './remarks-labels.js';
import { parseOfacRemarks } from './remarks.js';
import { child, children, childText, streamXmlRecords, type XmlElement } from './xml-records.js';

export const OFAC_EXPORTS_URL = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';
export const OFAC_SDN_XML_URL = `${OFAC_EXPORTS_URL}/SDN.XML`;
export const OFAC_CONS_XML_URL = `${OFAC_EXPORTS_URL}/CONSOLIDATED.XML`;

/** Namespaces SDN.XML has been published with (Sanctions List Service, and the older treasury.gov file). */
export const OFAC_XML_NAMESPACES = [
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML',
  'http://tempuri.org/sdnList.xsd',
];

const SCHEMA_BY_SDN_TYPE: ReadonlyMap<string, string> = new Map(Object.entries({
  individual: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
}));

const ALIAS_KIND: ReadonlyMap<string, NameKind> = new Map(Object.entries({ aka: 'aka', fka: 'fka', nka: 'nka' }));

/** vesselInfo element → the OFAC label of the same value in SDN_ADVANCED, so both files map it alike. */
const VESSEL_FIELDS: [string, string][] = [
  ['callSign', 'Vessel Call Sign'],
  ['vesselType', 'Vessel Type'],
  ['vesselFlag', 'Vessel Flag'],
  ['vesselOwner', 'Vessel Owner'],
  ['tonnage', 'Vessel Tonnage'],
  ['grossRegisteredTonnage', 'Vessel Gross Registered Tonnage'],
];

const ENTRY_ELEMENTS = new Set([
  'uid', 'firstName', 'lastName', 'title', 'sdnType', 'remarks', 'programList', 'akaList', 'idList',
  'nationalityList', 'citizenshipList', 'dateOfBirthList', 'placeOfBirthList', 'addressList', 'vesselInfo',
]);

/**
 * Recognises SDN.XML (and OFAC's CONSOLIDATED.XML, same layout) from its first bytes: root `sdnList`.
 *
 * @example
 * sniffOfacXml('<?xml version="1.0"?><sdnList xmlns="…">', 'SDN.XML'); // true
 */
export function sniffOfacXml(head: string, _fileName: string): boolean {
  return /<(?:[\w-]+:)?sdnList[\s>/]/.test(head);
}

export interface OfacXmlFlavour {
  list: string;
  /** Entity id prefix, as the CSV parser uses it: `ofac-<uid>`, `ofac-cons-<uid>`. */
  idPrefix: string;
  sourceUrl: string;
}

/**
 * Our list name, id prefix and official URL for an OFAC XML file: the Consolidated (non-SDN) list when
 * the file name starts with `cons`, the SDN list otherwise.
 *
 * @example
 * ofacXmlFlavour('CONSOLIDATED.XML', { sdn: OFAC_SDN_XML_URL, cons: OFAC_CONS_XML_URL }).idPrefix; // 'ofac-cons'
 */
export function ofacXmlFlavour(fileName: string, urls: { sdn: string; cons: string }): OfacXmlFlavour {
  return /^cons/i.test(fileName)
    ? { list: 'us_ofac_cons', idPrefix: 'ofac-cons', sourceUrl: urls.cons }
    : { list: 'us_ofac_sdn', idPrefix: 'ofac', sourceUrl: urls.sdn };
}

/**
 * Reads OFAC's SDN.XML (`sdnList` / `sdnEntry`) into FtM entities: Person / Organization / Vessel /
 * Airplane subjects `ofac-<uid>` with their Sanction, documents, addresses and crypto wallets. The file
 * is streamed entry by entry; any structural problem is an InputError naming the file and line.
 *
 * @example
 * const parsed = await parseOfacXml([fileSource('SDN.XML')], {});
 * parsed.entities.filter((e) => e.target).length;
 */
export const parseOfacXml: ListParser = async (files: SourceFile[], options: ParseOptions): Promise<ParsedList> => {
  const [src, ...extra] = files;
  if (!src || extra.length > 0) {
    throw new InputError(files.map((f) => f.name).join(', ') || 'SDN.XML', `SDN.XML is one file; ${files.length} given`);
  }
  const defaults = ofacXmlFlavour(sourceBaseName(src), { sdn: OFAC_SDN_XML_URL, cons: OFAC_CONS_XML_URL });
  const ctx: OfacContext = {
    list: options.list ?? defaults.list,
    idPrefix: defaults.idPrefix,
    file: src.name,
    sourceUrl: options.sourceUrl ?? defaults.sourceUrl,
    countries: new CountryMapper(lookupCountry),
    warnings: new WarningTally(),
  };
  const entries: OfacEntry[] = [];
  const lineOfUid = new Map<string, number>();
  let recordCount: { count: number; line: number } | undefined;

  const info = await streamXmlRecords(src, {
    roots: ['sdnList'],
    onBytes: options.onBytes,
    isRecord: (path) => path.length === 2 && (path[1] === 'sdnEntry' || path[1] === 'publshInformation'),
    onOther: (path, line) => {
      if (path.length === 2) ctx.warnings.add(`unknown element <${path[1]}> in <sdnList>: ignored`, line);
    },
    onRecord: (el) => {
      if (el.name === 'publshInformation') {
        const published = readPublishInformation(src, el);
        if (published.date) ctx.publishedAt = published.date;
        recordCount = published.count;
        return;
      }
      const entry = readEntry(src, ctx, el);
      const seen = lineOfUid.get(entry.uid);
      if (seen !== undefined) throw new InputError(src.name, `uid ${entry.uid} appears twice (first on line ${seen})`, el.line, 'uid');
      lineOfUid.set(entry.uid, el.line);
      entries.push(entry);
    },
  });

  if (info.namespace && !OFAC_XML_NAMESPACES.includes(info.namespace)) {
    ctx.warnings.add(`unexpected namespace ${info.namespace} on <sdnList>: read as SDN.XML anyway`, 1);
  }
  if (!ctx.publishedAt) ctx.warnings.add('no <publshInformation>/<Publish_Date>: publication date unknown', 1);
  if (recordCount && recordCount.count !== entries.length) {
    ctx.warnings.add(`Record_Count says ${recordCount.count} entries but the file has ${entries.length}`, recordCount.line);
  }
  return {
    list: ctx.list,
    format: 'ofac-xml',
    publishedAt: ctx.publishedAt ?? null,
    sourceUrl: ctx.sourceUrl,
    entities: buildOfacEntries(entries),
    warnings: [...ctx.warnings.list(src.name), ...ctx.countries.warnings().map((w) => `${src.name}: ${w}`)],
  };
};

function readPublishInformation(src: SourceFile, el: XmlElement): { date?: string; count?: { count: number; line: number } } {
  const raw = childText(el, 'Publish_Date');
  let date: string | undefined;
  if (raw) {
    const parsed = parseSingleDate(raw);
    if (!parsed || parsed.length !== 10) {
      throw new InputError(src.name, `Publish_Date "${raw}" is not a date (MM/DD/YYYY)`, child(el, 'Publish_Date')?.line, 'Publish_Date');
    }
    date = parsed;
  }
  const countText = childText(el, 'Record_Count');
  if (countText === undefined) return { date };
  if (!/^\d+$/.test(countText)) {
    throw new InputError(src.name, `Record_Count "${countText}" is not a number`, child(el, 'Record_Count')?.line, 'Record_Count');
  }
  return { date, count: { count: Number(countText), line: child(el, 'Record_Count')?.line ?? el.line } };
}

function readEntry(src: SourceFile, ctx: OfacContext, el: XmlElement): OfacEntry {
  const uid = childText(el, 'uid');
  if (!uid || !/^\d{1,12}$/.test(uid)) {
    throw new InputError(src.name, `<sdnEntry> without a numeric <uid> (${JSON.stringify(uid ?? '')})`, el.line, 'uid');
  }
  const sdnType = childText(el, 'sdnType');
  if (!sdnType) throw new InputError(src.name, `<sdnEntry> ${uid} has no <sdnType>`, el.line, 'sdnType');
  let schema = SCHEMA_BY_SDN_TYPE.get(sdnType.toLowerCase());
  if (!schema) {
    ctx.warnings.add(`unknown sdnType "${sdnType}": read as LegalEntity`, child(el, 'sdnType')?.line ?? el.line);
    schema = 'LegalEntity';
  }
  if (schema === 'Organization' && showsCompany(el)) schema = 'Company';
  const lastName = childText(el, 'lastName');
  if (!lastName) throw new InputError(src.name, `<sdnEntry> ${uid} has no <lastName>`, el.line, 'lastName');

  const entry = new OfacEntry(ctx, String(Number(uid)), schema, el.line);
  entry.addName('primary', false, { last: lastName, given: given(childText(el, 'firstName')) }, el.line);
  const title = child(el, 'title');
  if (title?.text.trim()) entry.applyField('Title', { text: title.text }, title.line, 'note');
  entry.applyRemarks(childText(el, 'remarks'), child(el, 'remarks')?.line ?? el.line);

  for (const program of children(child(el, 'programList'), 'program')) entry.addProgram(program.text);
  for (const aka of children(child(el, 'akaList'), 'aka')) readAka(ctx, entry, aka);
  for (const id of children(child(el, 'idList'), 'id')) readId(ctx, entry, id);
  for (const n of children(child(el, 'nationalityList'), 'nationality')) {
    entry.applyField('Nationality Country', { text: childText(n, 'country') }, n.line, 'note');
  }
  for (const c of children(child(el, 'citizenshipList'), 'citizenship')) {
    entry.applyField('Citizenship Country', { text: childText(c, 'country') }, c.line, 'note');
  }
  for (const d of children(child(el, 'dateOfBirthList'), 'dateOfBirthItem')) {
    const alternative = childText(d, 'mainEntry')?.toLowerCase() === 'false';
    entry.applyField('Birthdate', { text: childText(d, 'dateOfBirth'), alternative }, d.line, 'note');
  }
  for (const p of children(child(el, 'placeOfBirthList'), 'placeOfBirthItem')) {
    entry.applyField('Place of Birth', { text: childText(p, 'placeOfBirth') }, p.line, 'note');
  }
  children(child(el, 'addressList'), 'address').forEach((a, i) => {
    entry.addAddress(childText(a, 'uid') ?? `n${i + 1}`, {
      street: childText(a, 'address1'),
      street2: childText(a, 'address2'),
      street3: childText(a, 'address3'),
      city: childText(a, 'city'),
      state: childText(a, 'stateOrProvince'),
      postalCode: childText(a, 'postalCode'),
      region: childText(a, 'region'),
      countryName: childText(a, 'country'),
    }, a.line);
  });
  const vessel = child(el, 'vesselInfo');
  if (vessel) {
    for (const [name, label] of VESSEL_FIELDS) {
      const value = child(vessel, name);
      if (value?.text.trim()) entry.applyField(label, { text: value.text }, value.line, 'note');
    }
  }
  for (const other of el.children) {
    if (ENTRY_ELEMENTS.has(other.name)) continue;
    ctx.warnings.add(`unknown element <${other.name}> in <sdnEntry>: its text is kept as a note`, other.line);
    entry.addNote(flatText(other) ? `${other.name}: ${flatText(other)}` : undefined);
  }
  return entry;
}

/**
 * True when an entity's IDs or remarks show that it is a company (a registry number, a securities
 * identifier, a commercial organisation type): it is then a Company, as the CSV parser decides.
 */
function showsCompany(el: XmlElement): boolean {
  for (const id of children(child(el, 'idList'), 'id')) {
    const label = childText(id, 'idType');
    if (label && companyEvidence({ label, value: childText(id, 'idNumber') ?? '' })) return true;
  }
  const remarks = childText(el, 'remarks');
  return remarks !== undefined && parseOfacRemarks(remarks, 'Organization').companyEvidence.length > 0;
}

/** SDN.XML's `firstName` holds every given name; they are kept together as written. */
function given(firstName: string | undefined): string[] {
  return firstName ? [firstName] : [];
}

function readAka(ctx: OfacContext, entry: OfacEntry, aka: XmlElement): void {
  const type = (childText(aka, 'type') ?? '').toLowerCase().replace(/[.\s]/g, '');
  let kind = ALIAS_KIND.get(type);
  if (!kind) {
    ctx.warnings.add(`unknown alias type "${childText(aka, 'type') ?? ''}": read as a.k.a.`, aka.line);
    kind = 'aka';
  }
  const category = (childText(aka, 'category') ?? 'strong').toLowerCase();
  if (category !== 'strong' && category !== 'weak') {
    ctx.warnings.add(`unknown alias category "${category}": read as strong`, aka.line);
  }
  entry.addName(kind, category === 'weak', { last: childText(aka, 'lastName'), given: given(childText(aka, 'firstName')) }, aka.line);
}

function readId(ctx: OfacContext, entry: OfacEntry, id: XmlElement): void {
  const type = childText(id, 'idType');
  const number = childText(id, 'idNumber');
  if (!type) {
    ctx.warnings.add('an <id> without <idType>: its number is kept as a note', id.line);
    entry.addNote(number ? `identifier: ${number}` : undefined);
    return;
  }
  entry.applyField(
    type,
    {
      text: number,
      country: childText(id, 'idCountry'),
      issueDate: childText(id, 'issueDate'),
      expiryDate: childText(id, 'expirationDate'),
    },
    id.line,
    'document',
  );
}

function flatText(el: XmlElement): string {
  return [el.text, ...el.children.map(flatText)].map((t) => t.trim()).filter(Boolean).join(' ');
}
