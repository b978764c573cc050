import { collapseWhitespace } from '../../ftm/entity.js';
import { schemaProperties } from '../../ftm/model.js';
import { lookupOfacCountry } from './ofac-countries.js';
import type { FieldRule } from './ofac-fields.js';
import { MAX_YEAR_RANGE, parseOfacDate } from './ofac-dates.js';
import { parseDocumentValue } from './remarks-documents.js';
import { companyEvidence, findRemarkLabel, type RemarkLabel } from './remarks-labels.js';

/** A passport, national ID or registry number found in remarks. */
export interface OfacRemarkDocument {
  /** A passport (FtM Passport) or any other document (FtM Identification). */
  passport: boolean;
  /** The label as OFAC writes it: "Passport", "National ID No.", "Tax ID No.". */
  type: string;
  number: string;
  /** FtM country code, or the name as written when it cannot be mapped. */
  country?: string;
  issued?: string;
  expires?: string;
  /** Subject property that also gets the number (`passportNumber`, `taxNumber` …), if any. */
  prop?: string;
  /** Written as "alt. Passport …". */
  alternative: boolean;
  /** The remark item as written. */
  text: string;
}

/** `Digital Currency Address - XBT 1abc…`: the ticker and the address exactly as written. */
export interface OfacRemarkWallet {
  ticker: string;
  address: string;
  text: string;
}

export interface OfacRemarks {
  /** FtM properties of the subject, each checked against its schema. */
  properties: Record<string, string[]>;
  documents: OfacRemarkDocument[];
  wallets: OfacRemarkWallet[];
  /** Names after `Linked To:` (the subject is linked to another listed entry). */
  linkedTo: string[];
  /** Every item (or part of one) that has no structured place, as written. */
  notes: string[];
  /** Remark items showing that an OFAC "entity" is a company (see {@link companyEvidence}). */
  companyEvidence: string[];
  /** Country names that could not be mapped to a code (kept as written in the properties). */
  unknownCountries: string[];
}

/**
 * Reads OFAC's free-text Remarks (`DOB 08 Jan 1984; nationality Korea, North; Passport 654410025
 * (Korea, North) expires 14 Oct 2019; Linked To: MINISTRY OF STATE SECURITY.`) into FtM properties
 * for a subject of `schema`, documents, crypto wallets and links. Nothing is dropped: an item without
 * a structured place, or whose property the schema lacks, becomes a note.
 *
 * @example
 * const r = parseOfacRemarks("DOB circa 1960; a.k.a. 'KIM'; Vessel Registration Identification IMO 7937317.", 'Vessel');
 * r.properties.imoNumber; // ['IMO7937317']
 * r.notes; // ['DOB circa 1960'] (a Vessel has no birth date)
 */
export function parseOfacRemarks(text: string, schema: string): OfacRemarks {
  const reader = new RemarksReader(schema);
  for (const item of splitRemarks(text)) reader.read(item);
  return reader.result;
}

/**
 * Splits remarks into items at `;`, dropping the final full stop OFAC puts after the last item.
 *
 * @example
 * splitRemarks("DOB 1962; POB Shati."); // ['DOB 1962', 'POB Shati']
 */
export function splitRemarks(text: string): string[] {
  // Once whitespace is collapsed, trimming the parts does what splitting at /\s*;\s*/ did.
  return collapseWhitespace(text)
    .replace(/\.$/, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

const NAME_ITEM = /^([afn])\.k\.a\.,?\s+(.+)$/i;
const LINKED_TO = /^linked to:?\s+(.+)$/i;
const WALLET = /^digital currency address\s*-\s*([A-Za-z0-9]+)\s+(\S+)(?:\s+(.*))?$/i;
const ALT_PREFIX = /^alt\.\s+/i;

class RemarksReader {
  readonly result: OfacRemarks = {
    properties: {},
    documents: [],
    wallets: [],
    linkedTo: [],
    notes: [],
    companyEvidence: [],
    unknownCountries: [],
  };
  private readonly allowed: Set<string>;

  constructor(schema: string) {
    this.allowed = schemaProperties(schema);
  }

  read(item: string): void {
    // The item patterns below are case-insensitive but ASCII: their first letter rules most items out.
    const first = item.charCodeAt(0) | 0x20;
    const names = first === 0x61 || first === 0x66 || first === 0x6e ? NAME_ITEM.exec(item) : null;
    if (names?.[1] && names[2]) {
      const prop = names[1].toLowerCase() === 'f' ? 'previousName' : 'alias';
      this.add(prop, unquote(names[2]), item);
      return;
    }
    const link = first === 0x6c ? LINKED_TO.exec(item) : null;
    if (link?.[1]) {
      this.result.linkedTo.push(link[1].trim());
      return;
    }
    const alternative = ALT_PREFIX.test(item);
    const body = item.replace(ALT_PREFIX, '');
    const wallet = WALLET.exec(body);
    if (wallet?.[1] && wallet[2]) {
      this.result.wallets.push({ ticker: wallet[1].toUpperCase(), address: wallet[2].replace(/\.$/, ''), text: item });
      if (wallet[3]) this.note(item);
      return;
    }
    const found = findRemarkLabel(body) ?? identifierLabel(body);
    if (!found || !found.value) {
      this.note(item);
      return;
    }
    const evidence = companyEvidence(found);
    if (evidence) this.result.companyEvidence.push(evidence);
    this.apply(found.rule, found.label, found.value, item, alternative);
  }

  private apply(rule: FieldRule, label: string, value: string, item: string, alternative: boolean): void {
    switch (rule.kind) {
      case 'property':
        return this.property(rule.prop, rule.value, value, item);
      case 'document':
        return this.document(rule.passport, rule.prop, label, value, item, alternative);
      case 'imo':
        return this.imo(value, item);
      case 'wallet':
        // Written without the dash the WALLET pattern expects: keep it readable rather than guess.
        return this.note(item);
      case 'sanction':
      case 'note':
        return this.note(item);
    }
  }

  /** `IMO 7937317`, sometimes with the flag state after it; other numbers are national registrations. */
  private imo(value: string, item: string): void {
    const number = value.replace(/\s*\([^()]*\)\s*$/, '');
    const digits = /^(?:IMO\s*)?(\d{7})$/i.exec(number)?.[1];
    if (digits) {
      this.add('imoNumber', `IMO${digits}`, item);
      return;
    }
    if (this.allowed.has('registrationNumber')) this.add('registrationNumber', number, item);
    this.note(item);
  }

  private property(prop: string, kind: 'text' | 'date' | 'country' | 'gender', value: string, item: string): void {
    if (!this.allowed.has(prop)) return this.note(item);
    switch (kind) {
      case 'text':
        this.add(prop, value, item);
        if (prop === 'birthPlace') this.birthCountry(value);
        return;
      case 'gender': {
        const g = value.toLowerCase();
        if (g === 'male' || g === 'female') this.add(prop, g, item);
        else this.note(item);
        return;
      }
      case 'date':
        return this.date(prop, value, item);
      case 'country':
        return this.country(prop, value, item);
    }
  }

  private date(prop: string, value: string, item: string): void {
    // "circa 1979-1982" is a year range written with a hyphen.
    const text = value.replace(/^(circa\s+)?(\d{4})-(\d{4})$/i, (_m, circa: string | undefined, a: string, b: string) => `${circa ?? ''}${a} to ${b}`);
    const parsed = parseOfacDate(text);
    if (!parsed || parsed.values.length === 0) return this.note(item);
    const values = parsed.range ? everyYear(parsed.values) : parsed.values;
    this.add(prop, values, item);
    // The property holds the years; the note keeps what OFAC actually said.
    if (parsed.range || parsed.approximate) this.note(item);
  }

  private country(prop: string, value: string, item: string): void {
    const possibly = /^possibly\s+/i.test(value);
    const name = value.replace(/^possibly\s+/i, '');
    const found = lookupOfacCountry(name);
    if (found.code) {
      this.add(prop, found.code, item);
      if (possibly) this.note(item);
    } else if (found.known) {
      this.note(item);
    } else {
      this.add(prop, name, item);
      this.result.unknownCountries.push(name);
    }
  }

  private birthCountry(place: string): void {
    if (!this.allowed.has('birthCountry')) return;
    const last = place.split(',').pop()?.trim() ?? '';
    const found = lookupOfacCountry(last);
    if (found.code) this.add('birthCountry', found.code, place);
  }

  private document(passport: boolean, prop: string | undefined, label: string, value: string, item: string, alternative: boolean): void {
    const parsed = parseDocumentValue(value);
    if (!parsed.number) return this.note(item);
    const doc: OfacRemarkDocument = { passport, type: label, number: parsed.number, alternative, text: item };
    if (parsed.country) doc.country = parsed.country;
    if (parsed.issued) doc.issued = parsed.issued;
    if (parsed.expires) doc.expires = parsed.expires;
    if (prop && this.allowed.has(prop)) doc.prop = prop;
    this.result.documents.push(doc);
    if (doc.prop) this.add(doc.prop, parsed.number, item);
    if (parsed.leftover) this.note(item);
  }

  private add(prop: string, value: string | string[], item: string): void {
    if (!this.allowed.has(prop)) return this.note(item);
    const list = (this.result.properties[prop] ??= []);
    for (const v of Array.isArray(value) ? value : [value]) {
      const clean = v.trim();
      if (clean && !list.includes(clean)) list.push(clean);
    }
  }

  private note(item: string): void {
    if (!this.result.notes.includes(item)) this.result.notes.push(item);
  }
}

const IDENTIFIER_WORD = /^(number|no\.?|id|#|code)$/i;
const MAX_IDENTIFIER_LABEL_WORDS = 6;

/**
 * An identifier whose label is not in the tables ("Registration Certificate Number (Dubai)
 * DMCC193946"): a label of a few words ending in Number/No./ID/#/Code, followed by a value with a digit.
 */
function identifierLabel(item: string): RemarkLabel | null {
  const words = item.split(' ');
  const limit = Math.min(words.length - 1, MAX_IDENTIFIER_LABEL_WORDS);
  for (let n = 1; n <= limit; n++) {
    if (!IDENTIFIER_WORD.test(words[n - 1] ?? '') || !/^[A-Z]/.test(words[0] ?? '')) continue;
    const value = words.slice(n).join(' ');
    if (/\d/.test(value)) return { label: words.slice(0, n).join(' '), rule: { kind: 'document', passport: false }, value };
  }
  return null;
}

function unquote(name: string): string {
  const t = name.trim();
  return t.length >= 2 && t.startsWith("'") && t.endsWith("'") ? t.slice(1, -1).trim() : t;
}

/** Every year from the first to the last value of a range (ends only when it spans too many years). */
function everyYear(values: string[]): string[] {
  const first = Number(values[0]?.slice(0, 4));
  const last = Number(values[values.length - 1]?.slice(0, 4));
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first || last - first >= MAX_YEAR_RANGE) return values;
  const years: string[] = [];
  for (let y = first; y <= last; y++) years.push(String(y));
  return years;
}
