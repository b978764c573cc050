import { EntityBuilder, slugId, type FtmEntity, type Provenance } from '../../ftm/entity.js';
import { isA } from '../../ftm/model.js';
import type { OfacAddRow, OfacCsvEntry, OfacPrimaryRow } from './csv-set.js';
import type { OfacParseReport } from './csv-report.js';
import { linkedToEntity, type OfacNameIndex } from './links.js';
import { lookupOfacCountry } from './ofac-countries.js';
import { parseOfacRemarks, type OfacRemarkDocument, type OfacRemarks } from './remarks.js';
import { ofacWalletEntities } from './wallets.js';

export const OFAC_AUTHORITY = 'Office of Foreign Assets Control';

export interface OfacCsvBuildContext {
  /** Our list name; also the FtM dataset. */
  list: string;
  /** `ofac` for the SDN list, `ofac-cons` for the Consolidated list. */
  idPrefix: string;
  publishedAt?: string;
  sourceUrl: string;
  names: OfacNameIndex;
  report: OfacParseReport;
}

/**
 * The FtM schema OFAC's `SDN_Type` stands for before the remarks are read: an empty type is an entity
 * (Organization; {@link buildOfacCsvEntry} upgrades it to Company on evidence in the remarks), an
 * unknown type is null.
 *
 * @example
 * ofacTypeSchema('individual'); // 'Person'
 * ofacTypeSchema(''); // 'Organization'
 */
export function ofacTypeSchema(type: string): string | null {
  switch (type.trim().toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Airplane';
    case '':
      return 'Organization';
    default:
      return null;
  }
}

/**
 * The id of an OFAC entry's subject entity.
 *
 * @example
 * ofacSubjectId('ofac', '12345'); // 'ofac-12345'
 */
export function ofacSubjectId(idPrefix: string, entNum: string): string {
  return slugId(idPrefix, entNum);
}

/**
 * Every entity one OFAC CSV entry yields: the listed subject (target), its Sanction, addresses,
 * identity documents, crypto wallets and `Linked To` links, all with the entry's provenance.
 *
 * @example
 * const entities = buildOfacCsvEntry(entry, { list: 'us_ofac_sdn', idPrefix: 'ofac', sourceUrl, names, report });
 */
export function buildOfacCsvEntry(entry: OfacCsvEntry, ctx: OfacCsvBuildContext): FtmEntity[] {
  const row = entry.primary;
  const subjectId = ofacSubjectId(ctx.idPrefix, row.entNum);
  const provenance: Provenance = {
    list: ctx.list,
    entryId: row.entNum,
    programs: row.programs,
    sourceUrl: ctx.sourceUrl,
    file: row.file,
    line: row.line,
  };
  if (ctx.publishedAt) provenance.publishedAt = ctx.publishedAt;

  let schema = ofacTypeSchema(row.type);
  if (schema === null) {
    ctx.report.unknownType(row.type);
    schema = 'LegalEntity';
  }
  let remarks = parseOfacRemarks(entry.remarks, schema);
  if (schema === 'Organization' && remarks.companyEvidence.length > 0) {
    schema = 'Company';
    remarks = parseOfacRemarks(entry.remarks, schema);
  }
  const legalEntity = isA(schema, 'LegalEntity');

  const subject = new EntityBuilder(schema, subjectId, ctx.list);
  subject.target = true;
  subject.provenance = provenance;
  addNames(subject, row, schema);
  addPrimaryColumns(subject, row, ctx);
  for (const alt of entry.alts) addAltName(subject, alt.type, alt.name, alt.remarks);
  for (const [prop, values] of Object.entries(remarks.properties)) subject.add(prop, values);
  for (const name of remarks.unknownCountries) ctx.report.unknownCountry(name);

  const entities: FtmEntity[] = [];
  const sanction = new EntityBuilder('Sanction', `${subjectId}-sanction`, ctx.list)
    .add('entity', subjectId)
    .add('authority', OFAC_AUTHORITY)
    .add('authorityId', row.entNum)
    .add('country', 'us')
    .add('program', row.programs)
    .add('programId', row.programs)
    .add('sourceUrl', ctx.sourceUrl);
  sanction.target = false;
  sanction.provenance = provenance;
  entities.push(sanction.build());

  const addressIds = new Set<string>();
  for (const add of entry.addresses) {
    const country = add.country ? countryCode(add.country, ctx) : undefined;
    if (country) subject.add('country', country);
    const address = addressEntity(add, country, subjectId, ctx, provenance);
    if (address && addressIds.has(address.id)) address.id = slugId(address.id, 'line', add.line);
    if (address) {
      addressIds.add(address.id);
      subject.add('addressEntity', address.id);
      entities.push(address);
    }
  }

  // The same document written twice ("Passport 1; alt. Passport 1 expires …") is one document.
  const documents = new Map<string, EntityBuilder>();
  for (const doc of remarks.documents) {
    if (legalEntity) addDocument(documents, doc, subjectId, ctx, provenance);
    else subject.add('notes', doc.text);
  }
  for (const d of documents.values()) entities.push(d.build());

  const wallets = ofacWalletEntities(ctx.idPrefix, row.entNum, legalEntity ? subjectId : null, remarks.wallets, ctx.list, provenance);
  if (!legalEntity) for (const w of remarks.wallets) subject.add('notes', w.text);
  entities.push(...wallets.entities);
  for (const p of wallets.problems) ctx.report.addressProblem(p);

  for (const name of new Set(remarks.linkedTo)) {
    const target = ctx.names.resolve(name, row.programs);
    const link = target ? linkedToEntity({ id: subjectId, legalEntity }, target, ctx.list, provenance) : null;
    if (link) {
      entities.push(link);
    } else {
      subject.add('notes', `Linked To: ${name}`);
      if (!target) ctx.report.unresolvedLink(name);
    }
  }

  addNotes(subject, remarks, row);
  for (const c of entry.unjoinedComments) {
    subject.add('notes', `Remarks continuation from ${c.file} line ${c.line} (does not continue this version's remarks): ${c.text}`);
  }
  return [subject.build(), ...entities];
}

function addNames(subject: EntityBuilder, row: OfacPrimaryRow, schema: string): void {
  subject.add('name', row.name);
  if (schema !== 'Person') return;
  const comma = row.name.indexOf(',');
  if (comma === -1) return;
  const last = row.name.slice(0, comma).trim();
  const first = row.name.slice(comma + 1).trim();
  if (!last || !first) return;
  subject.add('lastName', last);
  subject.add('firstName', first);
  const natural = `${first} ${last}`;
  if (natural !== row.name) subject.add('alias', natural);
}

/**
 * `aka`/`nka` → alias, `fka` → previousName; a weak a.k.a. (type `weak aka` or remarks saying so)
 * → weakAlias.
 */
function addAltName(subject: EntityBuilder, type: string, name: string, remarks: string): void {
  if (!name) return;
  const t = type.toLowerCase().replace(/[.\s]/g, '');
  if (t.includes('weak') || /\bweak\b/i.test(remarks)) subject.add('weakAlias', name);
  else if (t === 'fka') subject.add('previousName', name);
  else subject.add('alias', name);
  if (remarks && !/^weak( aka)?\.?$/i.test(remarks.trim())) subject.add('notes', `${name}: ${remarks}`);
}

const VESSEL_COLUMNS: readonly [keyof OfacPrimaryRow, string, string][] = [
  ['callSign', 'callSign', 'Call Sign'],
  ['vesselType', 'type', 'Vessel Type'],
  ['tonnage', 'tonnage', 'Tonnage'],
  ['grossRegisteredTonnage', 'grossRegisteredTonnage', 'GRT'],
];

function addPrimaryColumns(subject: EntityBuilder, row: OfacPrimaryRow, ctx: OfacCsvBuildContext): void {
  if (row.title) {
    if (subject.schema === 'Person') subject.add('position', row.title);
    else subject.add('notes', `Title: ${row.title}`);
  }
  const isVessel = subject.schema === 'Vessel';
  for (const [column, prop, label] of VESSEL_COLUMNS) {
    const raw = String(row[column]);
    if (!raw) continue;
    const value = prop === 'tonnage' || prop === 'grossRegisteredTonnage' ? raw.replace(/,(?=\d{3}\b)/g, '') : raw;
    if (isVessel) subject.add(prop, value);
    else subject.add('notes', `${label}: ${raw}`);
  }
  if (row.vesselFlag) {
    if (isVessel) subject.add('flag', countryCode(row.vesselFlag, ctx) ?? row.vesselFlag);
    else subject.add('notes', `Vessel Flag: ${row.vesselFlag}`);
  }
  if (row.vesselOwner) subject.add('notes', `Vessel Owner: ${row.vesselOwner}`);
}

function addNotes(subject: EntityBuilder, remarks: OfacRemarks, row: OfacPrimaryRow): void {
  for (const note of remarks.notes) {
    // OFAC repeats the Title column in the remarks; it is already the person's position.
    if (row.title && note === row.title) continue;
    subject.add('notes', note);
  }
}

/** The code for a country column; an unknown name is kept as written (and reported), an unknown "Region:" dropped. */
function countryCode(name: string, ctx: OfacCsvBuildContext): string | undefined {
  const found = lookupOfacCountry(name);
  if (found.code) return found.code;
  if (found.known) return undefined;
  if (/^region:/i.test(name)) {
    ctx.report.unknownRegion(name.replace(/^region:\s*/i, ''));
    return undefined;
  }
  ctx.report.unknownCountry(name);
  return name;
}

function addressEntity(
  add: OfacAddRow,
  country: string | undefined,
  subjectId: string,
  ctx: OfacCsvBuildContext,
  provenance: Provenance,
): FtmEntity | null {
  const region = /^region:\s*(.+)$/i.exec(add.country)?.[1];
  if (!add.address && !add.cityStateZip && !add.remarks && !region) return null;
  const address = new EntityBuilder('Address', slugId(subjectId, 'addr', add.addNum || String(add.line)), ctx.list);
  address.add('street', add.address).add('city', add.cityStateZip).add('remarks', add.remarks);
  if (region) address.add('region', region);
  address.add('country', country);
  address.add('full', [add.address, add.cityStateZip, region ? undefined : add.country].filter(Boolean).join(', ') || region);
  address.target = false;
  address.provenance = provenance;
  return address.build();
}

function addDocument(
  documents: Map<string, EntityBuilder>,
  doc: OfacRemarkDocument,
  holderId: string,
  ctx: OfacCsvBuildContext,
  provenance: Provenance,
): void {
  const schema = doc.passport ? 'Passport' : 'Identification';
  const id = slugId(holderId, doc.passport ? 'passport' : 'id', doc.passport ? '' : doc.type, doc.number);
  let entity = documents.get(id);
  if (!entity) {
    entity = new EntityBuilder(schema, id, ctx.list);
    entity.target = false;
    entity.provenance = provenance;
    documents.set(id, entity);
  }
  entity
    .add('holder', holderId)
    .add('type', doc.type)
    .add('number', doc.number)
    .add('country', doc.country)
    .add('startDate', doc.issued)
    .add('endDate', doc.expires)
    .add('summary', doc.text);
  if (doc.passport) entity.add('passportNumber', doc.number);
}
