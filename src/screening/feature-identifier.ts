/**
 * Identifiers and crypto wallets: main features that can make a match without the name.
 *
 * - `crypto_wallet_match` (1.0, decides on its own): the same address after format-aware
 *   normalisation (`addressKey`: EVM hex case-folded, EIP-55 checked; bech32 lower-cased;
 *   base58 kept case-sensitive). Addresses of 10 characters or fewer never count.
 * - `vessel_imo_mmsi_match` (weight 0.95): the same IMO or MMSI number (`IMO 7937317` =
 *   `7937317`).
 * - `identifier_match` (weight 0.85): the same passport, national ID, registration, tax … number
 *   after normalisation (upper case, letters and digits only); numbers of fewer than 5 characters
 *   or made of one repeated character are ignored as too weak.
 * - `orgid_disjoint` (OFAC emulation qualifier): both sides carry registration-type numbers and
 *   none is shared.
 */
import { addressKey } from '../addresses/index.js';
import { ownValue } from '../common/own.js';
import type { FeatureResult } from './feature.js';

export const IDENTIFIER_WEIGHTS = { identifier: 0.85, vessel: 0.95, wallet: 1 } as const;

/** Properties that hold identifying numbers (FtM names). */
export const IDENTIFIER_PROPS = [
  'idNumber',
  'passportNumber',
  'registrationNumber',
  'taxNumber',
  'socialSecurityNumber',
  'innCode',
  'ogrnCode',
  'leiCode',
  'swiftBic',
  'vatCode',
  'dunsCode',
  'okpoCode',
  'bikCode',
  'uniqueEntityId',
  'npiCode',
  'imoNumber',
  'mmsi',
  'icaoCode',
  'serialNumber',
  'number',
] as const;

const VESSEL_PROPS = new Set(['imoNumber', 'mmsi']);
/** Identifiers that an organisation is registered under (for `orgid_disjoint`). */
export const ORG_ID_PROPS = new Set(['registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'leiCode', 'vatCode', 'dunsCode', 'okpoCode', 'swiftBic']);

export interface IdentifierValue {
  /** Normalised key. */
  key: string;
  /** As written. */
  raw: string;
  /** The property it came from. */
  prop: string;
}

const MIN_IDENTIFIER_LENGTH = 5;
const ASCII_ALNUM = /^[A-Z0-9]*$/;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;
const MIN_WALLET_LENGTH = 11;

/**
 * The normalised form of an identifying number, or null when it is too weak to compare.
 *
 * @example
 * normaliseIdentifier('IMO 7937317', 'imoNumber'); // '7937317'
 * normaliseIdentifier('no. 645-120-378', 'passportNumber'); // '645120378' ("NO" prefix dropped)
 * normaliseIdentifier('1111', 'idNumber'); // null
 */
export function normaliseIdentifier(raw: string, prop: string): string | null {
  let key = raw.toUpperCase();
  key = ASCII_ALNUM.test(key) ? key : key.replace(NOT_ALNUM, '');
  if (prop === 'imoNumber' || prop === 'mmsi') key = key.replace(/^(IMO|MMSI)/, '');
  key = key.replace(/^NO(?=\d)/, '');
  if (key.length < MIN_IDENTIFIER_LENGTH) return null;
  if (/^(.)\1*$/.test(key)) return null;
  return key;
}

/**
 * The key a crypto address is matched on, or null when it is too short to be an address.
 *
 * @example
 * walletKey('0xB6F5EC1A0A9CD1526536D3F0426C429529471F40') === walletKey('0xb6f5ec1a0a9cd1526536d3f0426c429529471f40'); // true
 */
export function walletKey(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed.length < MIN_WALLET_LENGTH) return null;
  const key = addressKey(trimmed);
  return key.length >= MIN_WALLET_LENGTH ? key : null;
}

export interface IdentifierResult extends FeatureResult {
  feature: 'identifier_match' | 'vessel_imo_mmsi_match';
  weight: number;
}

/**
 * The strongest identifier both sides share, or null.
 *
 * @example
 * identifierFeature([{ key: '645120378', raw: '645120378', prop: 'passportNumber' }], listedIds, true);
 * // { feature: 'identifier_match', weight: 0.85, score: 1, detail: 'passport number 645120378 is listed …' }
 */
export function identifierFeature(query: readonly IdentifierValue[], listed: readonly IdentifierValue[], explain: boolean): IdentifierResult | null {
  let best: IdentifierResult | null = null;
  for (const q of query) {
    for (const l of listed) {
      if (q.key !== l.key) continue;
      const vessel = VESSEL_PROPS.has(q.prop) || VESSEL_PROPS.has(l.prop);
      const weight = vessel ? IDENTIFIER_WEIGHTS.vessel : IDENTIFIER_WEIGHTS.identifier;
      if (best && best.weight >= weight) continue;
      best = {
        feature: vessel ? 'vessel_imo_mmsi_match' : 'identifier_match',
        weight,
        score: 1,
        query: q.raw,
        candidate: l.raw,
        detail: explain
          ? `${propLabel(q.prop)} ${q.raw} equals the listed ${propLabel(l.prop)} ${l.raw}${q.raw !== l.raw ? ` (compared as ${q.key})` : ''}`
          : '',
      };
    }
  }
  return best;
}

/**
 * True when both sides carry organisation registration numbers and share none.
 *
 * @example
 * orgIdDisjoint([{ key: '12345678', raw: '12345678', prop: 'registrationNumber' }], [{ key: '87654321', raw: '87654321', prop: 'registrationNumber' }]); // true
 */
export function orgIdDisjoint(query: readonly IdentifierValue[], listed: readonly IdentifierValue[]): boolean {
  const q = query.filter((v) => ORG_ID_PROPS.has(v.prop));
  const l = listed.filter((v) => ORG_ID_PROPS.has(v.prop));
  if (q.length === 0 || l.length === 0) return false;
  return !q.some((a) => l.some((b) => a.key === b.key));
}

export interface WalletValue {
  key: string;
  raw: string;
}

export interface WalletResult extends FeatureResult {
  weight: number;
}

/**
 * An exact wallet-address hit (after normalisation): decides the match on its own.
 *
 * @example
 * walletFeature([{ key: k, raw: '0xB6F5…' }], [{ key: k, raw: '0xb6f5…' }], true)?.score; // 1
 */
export function walletFeature(query: readonly WalletValue[], listed: readonly WalletValue[], explain: boolean, holder?: string): WalletResult | null {
  for (const q of query) {
    for (const l of listed) {
      if (q.key !== l.key) continue;
      const format = q.raw.trim() === l.raw ? '' : ` (same address written ${describeFormat(q.raw, l.raw)})`;
      return {
        weight: IDENTIFIER_WEIGHTS.wallet,
        score: 1,
        query: q.raw,
        candidate: l.raw,
        detail: explain ? `crypto address ${q.raw} is the listed address ${l.raw}${format}${holder ? `, listed for ${holder}` : ''}` : '',
      };
    }
  }
  return null;
}

function describeFormat(a: string, b: string): string {
  if (a.trim().toLowerCase() === b.toLowerCase()) return 'in another letter case, compared case-insensitively as an EVM address';
  return 'in another format';
}

const PROP_LABELS: Readonly<Record<string, string>> = {
  idNumber: 'ID number',
  passportNumber: 'passport number',
  registrationNumber: 'registration number',
  taxNumber: 'tax number',
  socialSecurityNumber: 'social security number',
  imoNumber: 'IMO number',
  mmsi: 'MMSI',
  leiCode: 'LEI',
  swiftBic: 'SWIFT/BIC',
  number: 'document number',
};

function propLabel(prop: string): string {
  return ownValue(PROP_LABELS, prop) ?? prop;
}
