import { EntityBuilder, slugId, type FtmEntity, type Provenance } from '../../ftm/entity.js';
import { paymentKey } from '../links/identifiers.js';
import { agreesWithAny } from '../rules/helpers.js';
import type { WorkerRecord } from './record.js';

/** The dataset name of entities made from vetting records. */
export const VETTING_DATASET = 'vetting';

/**
 * A vetting record as FollowTheMoney entities: the Person (names, contacts, claimed country,
 * nationality), an Address for the identity address and each shipping address, an Identification
 * (or Passport) per document, a BankAccount with an Ownership per fiat payout account, a
 * CryptoWallet per crypto payout address, and a UserAccount per profile plus one for the platform
 * account itself (login IPs). None is a sanctions target: `target` is false.
 *
 * @example
 * recordToFtm(record).map((e) => e.schema); // ['Person', 'Address', 'Passport', 'BankAccount', 'Ownership', 'UserAccount']
 */
export function recordToFtm(record: WorkerRecord): FtmEntity[] {
  const base = `vet-${slugId(record.id) || 'record'}`;
  const provenance: Provenance = { list: VETTING_DATASET, entryId: record.id, programs: [], file: record.source.file, line: record.source.line };
  const out: EntityBuilder[] = [];
  const make = (schema: string, id: string) => {
    const b = new EntityBuilder(schema, id, VETTING_DATASET);
    b.target = false;
    b.provenance = provenance;
    out.push(b);
    return b;
  };

  const person = make('Person', base)
    .add('name', record.names)
    .add('alias', record.aliases)
    .add('email', record.emails)
    .add('phone', record.phones)
    .add('birthDate', record.birthDate)
    .add('nationality', record.nationality)
    .add('country', record.claimedCountry);
  if (record.address) person.add('address', record.address);
  const notes: string[] = [];
  if (record.claimedCity) notes.push(`claimed city: ${record.claimedCity}`);
  if (record.claimedTimezone) notes.push(`claimed time zone: ${record.claimedTimezone}`);
  if (record.preferredLanguage) notes.push(`preferred language: ${record.preferredLanguage}`);
  if (record.photoHash) notes.push(`photo hash: ${record.photoHash}`);
  if (notes.length) person.add('notes', notes.join('; '));

  const addresses: { text: string; role: string }[] = [];
  if (record.address) addresses.push({ text: record.address, role: 'identity address' });
  record.shippingAddresses.forEach((s) => addresses.push({ text: s.address, role: 'shipping address' }));
  addresses.forEach((a, i) => {
    const id = `${base}-addr-${i + 1}`;
    make('Address', id).add('full', a.text).add('remarks', a.role).add('country', a.role === 'identity address' ? record.claimedCountry : undefined);
    person.add('addressEntity', id);
  });

  record.documents.forEach((d, i) => {
    const schema = d.type === 'passport' ? 'Passport' : 'Identification';
    const doc = make(schema, `${base}-doc-${i + 1}`).add('holder', base).add('type', d.type).add('number', d.number).add('country', d.country);
    if (d.verification) doc.add('description', `verification: ${d.verification}`);
  });

  let wallets = 0;
  let accounts = 0;
  const known = [...record.names, ...record.aliases];
  for (const p of record.paymentAccounts) {
    if (paymentKey(p)?.kind === 'wallet' || p.type === 'crypto') {
      wallets++;
      make('CryptoWallet', `${base}-wallet-${wallets}`).add('publicKey', p.identifier).add('holder', base).add('currency', p.currency);
      continue;
    }
    accounts++;
    const id = `${base}-account-${accounts}`;
    const compact = p.identifier?.replace(/\s/g, '').toUpperCase();
    const account = make('BankAccount', id).add('accountType', p.type).add('bankName', p.bankName).add('bic', p.bic).add('country', p.bankCountry).add('currency', p.currency);
    if (compact && /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) account.add('iban', compact);
    else account.add('accountNumber', p.identifier);
    const otherHolder = p.holderName && known.length && !agreesWithAny(p.holderName, known);
    if (p.holderName) account.add('notes', `holder name given: ${p.holderName}`);
    make('Ownership', `${id}-owner`)
      .add('owner', base)
      .add('asset', id)
      .add('role', otherHolder ? `payout account held in another name (${p.holderName})` : 'payout account');
  }

  record.profiles.forEach((p, i) => {
    make('UserAccount', `${base}-profile-${i + 1}`).add('service', p.platform).add('username', p.handle ?? p.url).add('owner', base).add('notes', p.url);
  });
  const ips = [...new Set(record.logins.map((l) => l.ip).filter((ip): ip is string => !!ip))];
  if (ips.length || record.emails.length) {
    make('UserAccount', `${base}-platform`).add('service', 'vetted platform account').add('username', record.id).add('owner', base).add('email', record.emails).add('ipAddress', ips);
  }
  return out.map((b) => b.build());
}
