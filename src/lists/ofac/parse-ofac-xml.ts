import { InputError } from '../../errors.js';
import { WarningTally } from '../common/warning-tally.js';
import { sourceBaseName, type SourceFile } from '../source.js';
import type { ListParser, ParsedList, ParseOptions } from '../types.js';
import { childNodes, firstChild, firstChildText, type XmlNode } from '../xml/xml-node.js';
import { streamXmlRecords } from '../xml/xml-stream.js';
import { CountryMapper } from './ofac-countries.js';
import { parseSingleDate } from './ofac-dates.js';
import { buildOfacEntries, OfacEntry, type NameKind, type OfacContext } from './ofac-entry.js';
import { companyEvidence } from './remarks-labels.js';
import { parseOfacRemarks } from './remarks.js';

export const OFAC_EXPORTS_URL = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';
export const OFAC_SDN_XML_URL = `${OFAC_EXPORTS_URL}/SDN.XML`;
export const OFAC_CONS_XML_URL = `${OFAC_EXPORTS_URL}/CONSOLIDATED.XML`;

/** Namespaces SDN.XML has been published with (Sanctions List Service, and the older treasury.gov file). */
export const OFAC_XML_NAMESPACES = [
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML',
  'http://tempuri.org/sdnList.xsd',
];

/** OFAC's subject types (`sdnType` in SDN.XML, PartyType in SDN_ADVANCED.XML), lower-cased → FtM schema. */
export const OFAC_SCHEMA_BY_TYPE: ReadonlyMap<string, string> = new Map(Object.entries({
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

/**
 * What every entry of an OFAC XML file shares: our list name, id prefix and official URL (the
 * Consolidated (non-SDN) list when the file name starts with `cons`, the SDN list otherwise, unless the
 * options say otherwise), and fresh country and warning tallies.
 *
 * @example
 * ofacXmlContext(memorySource('CONSOLIDATED.XML', xml), {}, { sdn: OFAC_SDN_XML_URL, cons: OFAC_CONS_XML_URL }).idPrefix; // 'ofac-cons'
 */
export function ofacXmlContext(src: SourceFile, options: ParseOptions, urls: { sdn: string; cons: string }): OfacContext {
  const cons = /^cons/i.test(sourceBaseName(src));
  return {
    list: options.list ?? (cons ? 'us_ofac_cons' : 'us_ofac_sdn'),
    idPrefix: cons ? 'ofac-cons' : 'ofac',
    file: src.name,
    sourceUrl: options.sourceUrl ?? (cons ? urls.cons : urls.sdn),
    countries: new CountryMapper(),
    warnings: new WarningTally(),
  };
}

/**
 * The default namespace of an OFAC XML file's root element, once its name is checked: another root
 * element is an InputError naming its line.
 *
 * @example
 * ofacRootNamespace(src, { name: 'sdnList', attributes: { xmlns: 'urn:x' }, line: 2 }, 'sdnList'); // 'urn:x'
 */
export function ofacRootNamespace(
  src: SourceFile,
  root: { name: string; attributes: Record<string, string>; line: number },
  expected: string,
): string | null {
  if (root.name !== expected) throw new InputError(src.name, `root element is <${root.name}>, expected <${expected}>`, root.line);
  return root.attributes.xmlns ?? null;
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
  const ctx = ofacXmlContext(src, options, { sdn: OFAC_SDN_XML_URL, cons: OFAC_CONS_XML_URL });
  const entries: OfacEntry[] = [];
  const lineOfUid = new Map<string, number>();
  let recordCount: { count: number; line: number } | undefined;

  let namespace: string | null = null;
  const isRecord = (path: readonly string[]) => path.length === 2 && (path[1] === 'sdnEntry' || path[1] === 'publshInformation');
  for await (const item of streamXmlRecords(src, { isRecord, localNames: true, onBytes: options.onBytes })) {
    if (item.kind === 'root') {
      namespace = ofacRootNamespace(src, item, 'sdnList');
    } else if (item.kind === 'element') {
      if (item.path.length === 2) ctx.warnings.add(`unknown element <${item.path[1]}> in <sdnList>: ignored`, item.line);
    } else if (item.kind === 'record') {
      const el = item.node;
      if (el.name === 'publshInformation') {
        const published = readPublishInformation(src, el);
        if (published.date) ctx.publishedAt = published.date;
        recordCount = published.count;
        continue;
      }
      const entry = readEntry(src, ctx, el);
      const seen = lineOfUid.get(entry.uid);
      if (seen !== undefined) throw new InputError(src.name, `uid ${entry.uid} appears twice (first on line ${seen})`, el.line, 'uid');
      lineOfUid.set(entry.uid, el.line);
      entries.push(entry);
    }
  }

  if (namespace && !OFAC_XML_NAMESPACES.includes(namespace)) {
    ctx.warnings.add(`unexpected namespace ${namespace} on <sdnList>: read as SDN.XML anyway`, 1);
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

function readPublishInformation(src: SourceFile, el: XmlNode): { date?: string; count?: { count: number; line: number } } {
  const raw = firstChildText(el, 'Publish_Date');
  let date: string | undefined;
  if (raw) {
    const parsed = parseSingleDate(raw);
    if (!parsed || parsed.length !== 10) {
      throw new InputError(src.name, `Publish_Date "${raw}" is not a date (MM/DD/YYYY)`, firstChild(el, 'Publish_Date')?.line, 'Publish_Date');
    }
    date = parsed;
  }
  const countText = firstChildText(el, 'Record_Count');
  if (countText === undefined) return { date };
  if (!/^\d+$/.test(countText)) {
    throw new InputError(src.name, `Record_Count "${countText}" is not a number`, firstChild(el, 'Record_Count')?.line, 'Record_Count');
  }
  return { date, count: { count: Number(countText), line: firstChild(el, 'Record_Count')?.line ?? el.line } };
}

function readEntry(src: SourceFile, ctx: OfacContext, el: XmlNode): OfacEntry {
  const uid = firstChildText(el, 'uid');
  if (!uid || !/^\d{1,12}$/.test(uid)) {
    throw new InputError(src.name, `<sdnEntry> without a numeric <uid> (${JSON.stringify(uid ?? '')})`, el.line, 'uid');
  }
  const sdnType = firstChildText(el, 'sdnType');
  if (!sdnType) throw new InputError(src.name, `<sdnEntry> ${uid} has no <sdnType>`, el.line, 'sdnType');
  let schema = OFAC_SCHEMA_BY_TYPE.get(sdnType.toLowerCase());
  if (!schema) {
    ctx.warnings.add(`unknown sdnType "${sdnType}": read as LegalEntity`, firstChild(el, 'sdnType')?.line ?? el.line);
    schema = 'LegalEntity';
  }
  if (schema === 'Organization' && showsCompany(el)) schema = 'Company';
  const lastName = firstChildText(el, 'lastName');
  if (!lastName) throw new InputError(src.name, `<sdnEntry> ${uid} has no <lastName>`, el.line, 'lastName');

  const entry = new OfacEntry(ctx, String(Number(uid)), schema, el.line);
  entry.addName('primary', false, { last: lastName, given: given(firstChildText(el, 'firstName')) }, el.line);
  const title = firstChild(el, 'title');
  if (title?.text.trim()) entry.applyField('Title', { text: title.text }, title.line, 'note');
  entry.applyRemarks(firstChildText(el, 'remarks'), firstChild(el, 'remarks')?.line ?? el.line);

  for (const program of childNodes(firstChild(el, 'programList'), 'program')) entry.addProgram(program.text);
  for (const aka of childNodes(firstChild(el, 'akaList'), 'aka')) readAka(ctx, entry, aka);
  for (const id of childNodes(firstChild(el, 'idList'), 'id')) readId(ctx, entry, id);
  for (const n of childNodes(firstChild(el, 'nationalityList'), 'nationality')) {
    entry.applyField('Nationality Country', { text: firstChildText(n, 'country') }, n.line, 'note');
  }
  for (const c of childNodes(firstChild(el, 'citizenshipList'), 'citizenship')) {
    entry.applyField('Citizenship Country', { text: firstChildText(c, 'country') }, c.line, 'note');
  }
  for (const d of childNodes(firstChild(el, 'dateOfBirthList'), 'dateOfBirthItem')) {
    const alternative = firstChildText(d, 'mainEntry')?.toLowerCase() === 'false';
    entry.applyField('Birthdate', { text: firstChildText(d, 'dateOfBirth'), alternative }, d.line, 'note');
  }
  for (const p of childNodes(firstChild(el, 'placeOfBirthList'), 'placeOfBirthItem')) {
    entry.applyField('Place of Birth', { text: firstChildText(p, 'placeOfBirth') }, p.line, 'note');
  }
  childNodes(firstChild(el, 'addressList'), 'address').forEach((a, i) => {
    entry.addAddress(firstChildText(a, 'uid') ?? `n${i + 1}`, {
      street: firstChildText(a, 'address1'),
      street2: firstChildText(a, 'address2'),
      street3: firstChildText(a, 'address3'),
      city: firstChildText(a, 'city'),
      state: firstChildText(a, 'stateOrProvince'),
      postalCode: firstChildText(a, 'postalCode'),
      region: firstChildText(a, 'region'),
      countryName: firstChildText(a, 'country'),
    }, a.line);
  });
  const vessel = firstChild(el, 'vesselInfo');
  if (vessel) {
    for (const [name, label] of VESSEL_FIELDS) {
      const value = firstChild(vessel, name);
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
function showsCompany(el: XmlNode): boolean {
  for (const id of childNodes(firstChild(el, 'idList'), 'id')) {
    const label = firstChildText(id, 'idType');
    if (label && companyEvidence({ label, value: firstChildText(id, 'idNumber') ?? '' })) return true;
  }
  const remarks = firstChildText(el, 'remarks');
  return remarks !== undefined && parseOfacRemarks(remarks, 'Organization').companyEvidence.length > 0;
}

/** SDN.XML's `firstName` holds every given name; they are kept together as written. */
function given(firstName: string | undefined): string[] {
  return firstName ? [firstName] : [];
}

function readAka(ctx: OfacContext, entry: OfacEntry, aka: XmlNode): void {
  const type = (firstChildText(aka, 'type') ?? '').toLowerCase().replace(/[.\s]/g, '');
  let kind = ALIAS_KIND.get(type);
  if (!kind) {
    ctx.warnings.add(`unknown alias type "${firstChildText(aka, 'type') ?? ''}": read as a.k.a.`, aka.line);
    kind = 'aka';
  }
  const category = (firstChildText(aka, 'category') ?? 'strong').toLowerCase();
  if (category !== 'strong' && category !== 'weak') {
    ctx.warnings.add(`unknown alias category "${category}": read as strong`, aka.line);
  }
  entry.addName(kind, category === 'weak', { last: firstChildText(aka, 'lastName'), given: given(firstChildText(aka, 'firstName')) }, aka.line);
}

function readId(ctx: OfacContext, entry: OfacEntry, id: XmlNode): void {
  const type = firstChildText(id, 'idType');
  const number = firstChildText(id, 'idNumber');
  if (!type) {
    ctx.warnings.add('an <id> without <idType>: its number is kept as a note', id.line);
    entry.addNote(number ? `identifier: ${number}` : undefined);
    return;
  }
  entry.applyField(
    type,
    {
      text: number,
      country: firstChildText(id, 'idCountry'),
      issueDate: firstChildText(id, 'issueDate'),
      expiryDate: firstChildText(id, 'expirationDate'),
    },
    id.line,
    'document',
  );
}

function flatText(el: XmlNode): string {
  return [el.text, ...el.children.map(flatText)].map((t) => t.trim()).filter(Boolean).join(' ');
}
