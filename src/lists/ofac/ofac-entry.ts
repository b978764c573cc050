import { EntityBuilder, slugId, type FtmEntity, type Provenance } from '../../ftm/entity.js';
import { isA, schemaProperties } from '../../ftm/model.js';
import type { WarningTally } from '../common/warning-tally.js';
import { OfacNameIndex, type LinkTarget } from './links.js';
import type { CountryMapper } from './ofac-countries.js';
import { parseOfacDate, type OfacDate } from './ofac-dates.js';
import { fieldRule, labelKey, type FieldRule, type FieldValueKind } from './ofac-fields.js';
import { parseOfacRemarks, type OfacRemarkDocument, type OfacRemarkWallet } from './remarks.js';
import { ofacWalletEntities } from './wallets.js';

/** The Sanction `authority`, as the CSV parser writes it. */
const AUTHORITY = 'Office of Foreign Assets Control';

/** What every entry of one list file shares. `publishedAt` may be learnt after the first entries. */
export interface OfacContext {
  list: string;
  /** `ofac` for the SDN list, `ofac-cons` for the Consolidated list (as the CSV parser). */
  idPrefix: string;
  file: string;
  sourceUrl: string;
  publishedAt?: string;
  countries: CountryMapper;
  warnings: WarningTally;
}

/** Finds the other side of a link once every entry of the file is known. */
export interface LinkResolver {
  /** `programs`: the linking entry's programmes, to choose among entries sharing a name. */
  byName(name: string, programs: readonly string[]): LinkTarget | null;
  byUid(uid: string): LinkTarget | null;
}

export type NameKind = 'primary' | 'aka' | 'fka' | 'nka';

/** A name as given in parts; `full` wins when set (entity, vessel and aircraft names). */
export interface NameParts {
  full?: string;
  last?: string;
  /** Given names in the order written (first, middle, patronymic …), as SDN.XML's `firstName`. */
  given?: string[];
  first?: string;
  middle?: string;
  father?: string;
  mother?: string;
}

/** The value of one labelled OFAC field as the source gives it. */
export interface FieldInput {
  text?: string;
  /** A structured date (SDN_ADVANCED DatePeriod); otherwise `text` is read as a date where one is expected. */
  date?: OfacDate;
  /** A country already resolved to a code (SDN_ADVANCED reference values); otherwise `country`/`text` is looked up. */
  countryCode?: string;
  /** The issuing country of a document, as written. */
  country?: string;
  /** Not the main value (SDN.XML `mainEntry` false): notes say "alt. DOB …" as the CSV remarks do. */
  alternative?: boolean;
  issueDate?: string;
  expiryDate?: string;
  authority?: string;
  comment?: string;
}

export interface AddressParts {
  street?: string;
  street2?: string;
  street3?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  region?: string;
  /** Text OFAC could not split into parts. */
  other?: string;
  countryName?: string;
  countryCode?: string;
}

/** What the source does with a label that is not in the field table. */
export type UnknownFieldFallback = 'document' | 'note';

interface PendingLink {
  otherUid: string;
  role: string;
  former: boolean;
  comment?: string;
}

/**
 * Builds the FtM entities of one OFAC entry exactly as the CSV parser does for the same entry: the
 * listed subject (`ofac-<uid>`), its Sanction (`…-sanction`), addresses (`…-addr-<address number>`),
 * documents (`…-passport-<number>`, `…-id-<type>-<number>`), wallets (`…-wallet-<ticker>-<address>`)
 * and links (`…-link-<other id>`), all sharing one provenance. Both XML parsers feed it.
 *
 * @example
 * const entry = new OfacEntry(context, '12211', 'Person', 40);
 * entry.addName('primary', false, { last: 'KIM', given: ['Yong Chol'] }, 41);
 * entry.applyField('Passport', { text: '381420754', country: 'Korea, North' }, 42, 'document');
 * entry.addProgram('DPRK');
 * const entities = entry.build(resolver);
 */
export class OfacEntry {
  readonly id: string;
  readonly subject: EntityBuilder;
  readonly sanction: EntityBuilder;
  private readonly helpers = new Map<string, EntityBuilder>();
  private readonly programs: string[] = [];
  private readonly listingDates: string[] = [];
  private readonly wallets: OfacRemarkWallet[] = [];
  private readonly linkedTo: { name: string; line: number }[] = [];
  private readonly links: PendingLink[] = [];

  constructor(
    private readonly ctx: OfacContext,
    readonly uid: string,
    readonly schema: string,
    readonly line: number,
  ) {
    this.id = slugId(ctx.idPrefix, uid);
    this.subject = new EntityBuilder(schema, this.id, ctx.list);
    this.subject.target = true;
    this.sanction = new EntityBuilder('Sanction', `${this.id}-sanction`, ctx.list)
      .add('entity', this.id)
      .add('authority', AUTHORITY)
      .add('authorityId', uid)
      .add('country', 'us')
      .add('sourceUrl', ctx.sourceUrl);
    this.sanction.target = false;
  }

  get programList(): readonly string[] {
    return this.programs;
  }

  get isLegalEntity(): boolean {
    return isA(this.schema, 'LegalEntity');
  }

  private has(prop: string): boolean {
    return schemaProperties(this.schema).has(prop);
  }

  private warn(message: string, line: number): void {
    this.ctx.warnings.add(message, line);
  }

  addNote(text: string | undefined): void {
    this.subject.add('notes', text);
  }

  addProgram(program: string): void {
    const p = program.trim();
    if (!p || this.programs.includes(p)) return;
    this.programs.push(p);
    this.sanction.add('program', p).add('programId', p);
  }

  addListingDate(date: string): void {
    if (!this.listingDates.includes(date)) this.listingDates.push(date);
    this.sanction.add('listingDate', date);
  }

  /**
   * Adds a name: primary → name (a person's also split into last and first names, and in natural
   * order as an alias), weak → weakAlias, f.k.a. → previousName, a.k.a./n.k.a. → alias.
   */
  addName(kind: NameKind, weak: boolean, parts: NameParts, line: number): void {
    const full = composeName(parts);
    if (!full) {
      this.warn(`an empty ${kind === 'primary' ? 'primary name' : kind} name: ignored`, line);
      return;
    }
    if (kind === 'primary' && !this.subject.has('name')) {
      this.subject.add('name', full);
      if (this.schema !== 'Person' || parts.full) return;
      const first = parts.first ?? parts.given?.join(' ');
      this.subject
        .add('lastName', parts.last)
        .add('firstName', first)
        .add('middleName', parts.middle)
        .add('fatherName', parts.father)
        .add('motherName', parts.mother);
      const given = parts.given?.join(' ') ?? first;
      if (parts.last && given) this.subject.add('alias', `${given} ${parts.last}`);
      return;
    }
    if (weak) this.subject.add('weakAlias', full);
    else if (kind === 'fka') this.subject.add('previousName', full);
    else this.subject.add('alias', full);
  }

  /** Applies one labelled value (an SDN.XML `idType`, an SDN_ADVANCED feature or document type). */
  applyField(label: string, input: FieldInput, line: number, fallback: UnknownFieldFallback): void {
    const rule = fieldRule(label);
    if (!rule) {
      const asDocument = fallback === 'document' && this.isLegalEntity;
      this.warn(`unknown OFAC field type "${label.trim()}": kept as ${asDocument ? 'an Identification' : 'a note'}`, line);
      if (asDocument) this.addDocument(label, input, false, undefined, line);
      else this.noteField(label, input);
      return;
    }
    this.applyRule(rule, label, input, line);
  }

  private applyRule(rule: FieldRule, label: string, input: FieldInput, line: number): void {
    const text = input.text?.trim();
    switch (rule.kind) {
      case 'property':
        return this.applyProperty(rule.prop, rule.value, label, input, line);
      case 'document':
        if (this.isLegalEntity) return this.addDocument(label, input, rule.passport, rule.prop, line);
        this.warn(`a ${this.schema} cannot hold a "${label.trim()}" document: kept as a note`, line);
        return this.noteField(label, input);
      case 'imo': {
        const digits = text ? /^(?:IMO\s*)?(\d{7})$/i.exec(text)?.[1] : undefined;
        if (digits && this.has('imoNumber')) this.subject.add('imoNumber', `IMO${digits}`);
        else {
          if (text) this.warn(`"${label.trim()}" ${text} is not an IMO number of a vessel or company: kept as a note`, line);
          this.noteField(label, input);
        }
        return;
      }
      case 'wallet':
        if (text) this.addWallet(rule.ticker, text);
        return;
      // The CSV parser keeps these remarks ("Secondary sanctions risk: …") as notes of the subject;
      // so do we, so that the same entry reads the same from either file.
      case 'sanction':
      case 'note':
        return this.noteField(label, input);
    }
  }

  private applyProperty(wanted: string, kind: FieldValueKind, label: string, input: FieldInput, line: number): void {
    // An organisation's or a vessel's "nationality" is the country it belongs to.
    const prop = !this.has(wanted) && NATIONALITIES.has(wanted) && this.has('country') ? 'country' : wanted;
    if (!this.has(prop)) {
      // The CSV has columns for these and keeps them as notes on any other kind of subject, routinely.
      if (!CSV_COLUMN_NOTES.get(labelKey(label))) this.warn(`"${label.trim()}" does not apply to a ${this.schema}: kept as a note`, line);
      return this.noteField(label, input);
    }
    const text = input.text?.trim();
    switch (kind) {
      case 'text':
        // OFAC writes tonnages with thousands separators ("1,524"), as in the CSV.
        this.subject.add(prop, /tonnage$/i.test(prop) ? text?.replace(/,(?=\d{3}\b)/g, '') : text);
        return;
      case 'date':
        this.subject.add(prop, this.readDate(label, input, line));
        return;
      case 'country':
        this.subject.add(prop, input.countryCode ?? this.ctx.countries.code(input.country ?? text));
        return;
      case 'gender': {
        const gender = text?.toLowerCase();
        if (gender === 'male' || gender === 'female') this.subject.add(prop, gender);
        else if (text) {
          this.warn(`unknown gender "${text}": kept as a note`, line);
          this.noteField(label, input);
        }
        return;
      }
    }
  }

  /** A date field's ISO values; approximations and ranges are explained in a note, unreadable dates kept as notes. */
  private readDate(label: string, input: FieldInput, line: number): string[] {
    const text = input.text?.trim();
    const date = input.date ?? (text ? parseOfacDate(text) : null);
    if (!date) {
      if (text) {
        this.warn(`cannot read the ${labelKey(label)} "${text}" as a date: kept as a note`, line);
        this.noteField(label, input);
      }
      return [];
    }
    if (date.approximate || date.range) {
      const written = text ?? `${date.approximate ? 'circa ' : ''}${date.values.join(date.range ? ' to ' : ', ')}`;
      this.addNote(`${input.alternative ? 'alt. ' : ''}${stripLabel(label)} ${written}`);
    }
    return date.values;
  }

  /**
   * Kept as the CSV parser writes it: remarks as written ("Aircraft Operator Air Koryo",
   * "Organization Type: Banking"), values of its own columns as "Column: value" ("Vessel Owner: …").
   */
  private noteField(label: string, input: FieldInput): void {
    const text = input.text?.trim() ?? input.date?.values.join(', ');
    if (!text) return;
    const column = CSV_COLUMN_NOTES.get(labelKey(label));
    this.addNote(column ? `${column}: ${text}` : `${label.trim()} ${text}`);
  }

  /** A Passport or Identification held by the subject; the number also goes on the subject's `prop`. */
  addDocument(label: string, input: FieldInput, passport: boolean, prop: string | undefined, line: number): void {
    const number = input.text?.trim();
    if (!number) {
      this.warn(`a "${label.trim()}" document without a number: ignored`, line);
      return;
    }
    const type = label.trim();
    const id = slugId(this.id, passport ? 'passport' : 'id', passport ? '' : type, number);
    const doc = this.helper(passport ? 'Passport' : 'Identification', id);
    doc
      .add('holder', this.id)
      .add('type', type)
      .add('number', number)
      .add('country', input.countryCode ?? this.ctx.countries.code(input.country))
      .add('authority', input.authority)
      .add('summary', input.comment);
    if (passport) doc.add('passportNumber', number);
    for (const [dateProp, raw] of [['startDate', input.issueDate], ['endDate', input.expiryDate]] as const) {
      if (!raw) continue;
      const date = parseOfacDate(raw);
      if (date) doc.add(dateProp, date.values);
      else {
        this.warn(`cannot read the document date "${raw}": kept in the document's summary`, line);
        doc.add('summary', `${dateProp === 'startDate' ? 'issued' : 'expires'} ${raw}`);
      }
    }
    if (prop && this.has(prop)) this.subject.add(prop, number);
  }

  /** A document read from the remarks by {@link parseOfacRemarks}. */
  private addRemarkDocument(doc: OfacRemarkDocument, line: number): void {
    if (!this.isLegalEntity) return this.addNote(doc.text);
    const isCode = doc.country !== undefined && /^[a-z]{2}(-[a-z]+)?$/.test(doc.country);
    this.addDocument(
      doc.type,
      {
        text: doc.number,
        ...(isCode ? { countryCode: doc.country } : { country: doc.country }),
        issueDate: doc.issued,
        expiryDate: doc.expires,
      },
      doc.passport,
      doc.prop,
      line,
    );
  }

  /** A digital currency address; the CryptoWallet is made with the CSV parser's code at build time. */
  addWallet(ticker: string, address: string): void {
    this.wallets.push({ ticker, address, text: `Digital Currency Address - ${ticker} ${address}` });
  }

  /**
   * OFAC's free-text remarks, read as the CSV parser reads them: properties, documents, wallets,
   * `Linked To` names; what has no structured place becomes a note.
   */
  applyRemarks(text: string | undefined, line: number): void {
    if (!text?.trim()) return;
    // SDN.XML writes links in parentheses: "(Linked To: KOREA KWANGSON BANKING CORP.)".
    const flat = text.replace(/\(\s*(Linked To:[^()]*?)\s*\)/gi, '; $1; ');
    const remarks = parseOfacRemarks(flat, this.schema);
    for (const [prop, values] of Object.entries(remarks.properties)) this.subject.add(prop, values);
    for (const doc of remarks.documents) this.addRemarkDocument(doc, line);
    for (const w of remarks.wallets) this.wallets.push(w);
    for (const name of remarks.linkedTo) this.linkedTo.push({ name, line });
    for (const note of remarks.notes) if (note !== this.subject.get('position')[0]) this.addNote(note);
    for (const name of remarks.unknownCountries) this.warn(`unknown country name "${name}" in remarks: kept as written`, line);
  }

  /** A relationship to another listed subject (SDN_ADVANCED ProfileRelationship), made into an UnknownLink at build time. */
  addLink(otherUid: string, role: string, former: boolean, comment: string | undefined): void {
    this.links.push({ otherUid, role, former, comment });
  }

  /** An Address entity `ofac-<uid>-addr-<key>` (key: OFAC's address number) referenced from the subject. */
  addAddress(key: string, parts: AddressParts, line: number): void {
    const region = parts.region ?? /^region:\s*(.+)$/i.exec(parts.countryName ?? '')?.[1];
    const country = parts.countryCode ?? this.ctx.countries.code(parts.countryName);
    if (country) this.subject.add('country', country);
    const street = [parts.street, parts.street2, parts.street3].filter(Boolean).join(', ');
    const cityState = [parts.city, parts.state].filter(Boolean).join(', ');
    const cityLine = [cityState, parts.postalCode].filter(Boolean).join(' ');
    // Like the CSV parser: a bare country is the subject's country, not an address.
    if (!street && !cityLine && !region && !parts.other) {
      if (!country) this.warn('an address without any part: ignored', line);
      return;
    }
    const countryName = parts.region || !region ? parts.countryName : undefined;
    const full = [street, cityLine, parts.other, countryName ?? region].filter(Boolean).join(', ');
    const address = this.helper('Address', slugId(this.id, 'addr', key));
    address
      .add('full', full)
      .add('street', parts.street)
      .add('street2', [parts.street2, parts.street3].filter(Boolean).join(', '))
      .add('city', parts.city)
      .add('state', parts.state)
      .add('postalCode', parts.postalCode)
      .add('region', region)
      .add('remarks', parts.other)
      .add('country', country);
    this.subject.add('addressEntity', address.id);
  }

  private helper(schema: string, id: string): EntityBuilder {
    let builder = this.helpers.get(id);
    if (!builder) {
      builder = new EntityBuilder(schema, id, this.ctx.list);
      builder.target = false;
      this.helpers.set(id, builder);
    }
    return builder;
  }

  private buildLinks(resolver: LinkResolver, provenance: Provenance): EntityBuilder[] {
    const self: LinkTarget = { id: this.id, legalEntity: this.isLegalEntity };
    const out = new Map<string, EntityBuilder>();
    const link = (other: LinkTarget, role: string, former: boolean, comment: string | undefined): boolean => {
      const [subject, object] = self.legalEntity ? [self, other] : other.legalEntity ? [other, self] : [null, null];
      if (!subject || !object) return false;
      const id = `${this.id}-link-${other.id}`;
      let builder = out.get(id);
      if (!builder) {
        builder = new EntityBuilder('UnknownLink', id, this.ctx.list).add('subject', subject.id).add('object', object.id);
        builder.target = false;
        builder.provenance = provenance;
        out.set(id, builder);
      }
      builder.add('role', role).add('status', former ? 'former' : undefined).add('summary', comment);
      return true;
    };
    for (const { name, line } of this.linkedTo) {
      const target = resolver.byName(name, this.programs);
      if (target && link(target, 'Linked To', false, undefined)) continue;
      this.addNote(`Linked To: ${name}`);
      if (!target) this.warn('a "Linked To" name matches no single entry of this list: kept as a note', line);
    }
    for (const rel of this.links) {
      const target = resolver.byUid(rel.otherUid);
      if (target && link(target, rel.role, rel.former, rel.comment)) continue;
      this.addNote(`${rel.role}: ${target?.id ?? slugId(this.ctx.idPrefix, rel.otherUid)}`);
    }
    return [...out.values()];
  }

  /** Every entity of the entry, sharing one provenance; call once the whole file has been read. */
  build(resolver: LinkResolver): FtmEntity[] {
    const listingDate = [...this.listingDates].sort()[0];
    const provenance: Provenance = {
      list: this.ctx.list,
      entryId: this.uid,
      programs: [...this.programs],
      sourceUrl: this.ctx.sourceUrl,
      file: this.ctx.file,
      line: this.line,
    };
    if (listingDate) provenance.listingDate = listingDate;
    if (this.ctx.publishedAt) provenance.publishedAt = this.ctx.publishedAt;

    const links = this.buildLinks(resolver, provenance);
    const wallets = ofacWalletEntities(
      this.ctx.idPrefix,
      this.uid,
      this.isLegalEntity ? this.id : null,
      this.wallets,
      this.ctx.list,
      provenance,
    );
    if (!this.isLegalEntity) for (const w of this.wallets) this.addNote(w.text);
    for (const problem of wallets.problems) this.warn(`digital currency address: ${problem}`, this.line);

    const builders = [this.subject, this.sanction, ...this.helpers.values()];
    const entities = builders.map((b) => {
      b.provenance = { ...provenance, programs: [...provenance.programs] };
      return b.build();
    });
    return [...entities, ...links.map((l) => l.build()), ...wallets.entities];
  }
}

/**
 * A name from its parts in OFAC's order: `LAST, Given Names` for people, the whole name otherwise.
 *
 * @example
 * composeName({ last: 'KIM', given: ['Yong Chol'] }); // 'KIM, Yong Chol'
 */
export function composeName(parts: NameParts): string | undefined {
  const clean = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;
  const full = clean(parts.full);
  if (full) return full;
  const given = clean((parts.given ?? [parts.first, parts.middle, parts.father, parts.mother]).filter(Boolean).join(' '));
  const last = clean(parts.last);
  if (last && given) return `${last}, ${given}`;
  return last ?? given;
}

const NATIONALITIES = new Set(['nationality', 'citizenship', 'jurisdiction']);

/** Labels of values the CSV has its own columns for, and the names it gives them in notes. */
const CSV_COLUMN_NOTES: ReadonlyMap<string, string> = new Map(Object.entries({
  'title': 'Title',
  'vessel call sign': 'Call Sign',
  'vessel type': 'Vessel Type',
  'vessel flag': 'Vessel Flag',
  'vessel owner': 'Vessel Owner',
  'vessel tonnage': 'Tonnage',
  'vessel gross registered tonnage': 'GRT',
}));

/** How the CSV remarks write these labels, so that notes read the same whichever file they came from. */
const REMARK_SPELLING: ReadonlyMap<string, string> = new Map(Object.entries({ 'birthdate': 'DOB', 'place of birth': 'POB' }));

function stripLabel(label: string): string {
  return REMARK_SPELLING.get(labelKey(label)) ?? label.trim().replace(/[\s:-]+$/, '');
}

/**
 * Builds every entry of a file, resolving `Linked To` names and profile relationships among them.
 *
 * @example
 * const entities = buildOfacEntries(entries);
 */
export function buildOfacEntries(entries: readonly OfacEntry[]): FtmEntity[] {
  const names = new OfacNameIndex();
  const byUid = new Map<string, LinkTarget>();
  for (const entry of entries) {
    const target = { id: entry.id, legalEntity: entry.isLegalEntity };
    const name = entry.subject.get('name')[0];
    if (name) names.add(name, target, entry.programList);
    byUid.set(entry.uid, target);
  }
  const resolver: LinkResolver = { byName: (name, programs) => names.resolve(name, programs), byUid: (uid) => byUid.get(uid) ?? null };
  const out: FtmEntity[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    for (const entity of entry.build(resolver)) {
      if (ids.has(entity.id)) throw new Error(`OFAC XML parser built two entities with id ${entity.id}`);
      ids.add(entity.id);
      out.push(entity);
    }
  }
  return out;
}
