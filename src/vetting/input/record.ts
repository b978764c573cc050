/**
 * One worker, applicant or freelancer as the vetting rules read it: the input record after
 * validation and normalisation (timestamps as epoch milliseconds, countries as ISO-3166 alpha-2
 * lower case where known). Every field is optional in the input; lists are empty when absent.
 */
export interface WorkerRecord {
  id: string;
  /** Names the person goes by; the first is the primary name. */
  names: string[];
  /** Other names (a.k.a.). */
  aliases: string[];
  emails: string[];
  phones: string[];
  /** ISO-3166 alpha-2, lower case; the raw text when the country is not known. */
  claimedCountry?: string;
  claimedCity?: string;
  /** IANA zone (`America/New_York`) or a fixed offset written `UTC+05:30`. */
  claimedTimezone?: string;
  birthDate?: string;
  nationality?: string;
  /** The address on the identity documents / home address. */
  address?: string;
  /** Shipping addresses, oldest first; the last is the current one. */
  shippingAddresses: ShippingAddress[];
  documents: IdentityDocument[];
  /** 64-bit perceptual hash of the profile / ID photo, 16 lower-case hex digits. */
  photoHash?: string;
  resumeText?: string;
  profiles: Profile[];
  paymentAccounts: PaymentAccount[];
  devices: Device[];
  logins: Login[];
  /** Timestamps of work events (commits, messages, tickets), epoch ms. */
  activity: number[];
  interviews: Interview[];
  platform?: PlatformStats;
  /** Language the person prefers (BCP 47 or a name), e.g. `ko`, `Korean`. */
  preferredLanguage?: string;
  /** Messages the person sent (platform chat, e-mail), for off-platform requests and similar phrases. */
  messages: string[];
  /** Id of the record that referred this one. */
  referredBy?: string;
  /** `worker` (default) or `client` (a client account on a freelance platform). */
  role: 'worker' | 'client';
  employment: Employment[];
  /** Reports by staff (HR, managers, platform trust & safety) of conduct the advisories name. */
  reports: ConductReport[];
  /** Endpoint / identity-provider events after hire. */
  securityEvents: SecurityEvent[];
  identityCheck?: IdentityCheck;
  /** Input fields this tool does not read, kept as given. */
  extra: Record<string, unknown>;
  /** Where the record was read from. */
  source: { file: string; line: number };
}

export interface ShippingAddress {
  address: string;
  /** When this address was requested or became current, epoch ms. */
  since?: number;
}

export interface IdentityDocument {
  /** passport, national_id, driver_licence, ssn, residence_permit, visa, diploma, … (as given, lower case). */
  type: string;
  number?: string;
  /** Issuing country, alpha-2 lower case where known. */
  country?: string;
  /** Holder name printed on the document. */
  name?: string;
  address?: string;
  imageHash?: string;
  /** Result of document verification (IDV vendor or staff): `passed`, `failed`, `altered`, `forged`, … */
  verification?: string;
  /** Image quality score in [0, 1] from the IDV vendor. */
  imageQuality?: number;
}

export interface Profile {
  /** github, linkedin, upwork, freelancer, telegram, portfolio, … (lower case). */
  platform: string;
  url?: string;
  handle?: string;
  /** Display name on the profile. */
  name?: string;
  /** Location shown on the profile, alpha-2 where known. */
  country?: string;
  /** Account creation, epoch ms. */
  createdAt?: number;
  /** GitHub: the earliest commit date in the account's own (non-forked) repositories, epoch ms. */
  earliestCommitAt?: number;
  photoHash?: string;
  followers?: number;
  repositories?: number;
  /** HTTP status or `defunct`/`ok` from a reachability check of `url`. */
  status?: string;
}

export interface PaymentAccount {
  /** bank, paypal, wise, payoneer, crypto, card, alipay, wechat, … (lower case). */
  type: string;
  /** Account number / IBAN / payout e-mail / wallet address. */
  identifier?: string;
  holderName?: string;
  /** Country of the bank or the payout account, alpha-2 where known. */
  bankCountry?: string;
  bankName?: string;
  bic?: string;
  currency?: string;
  /** When the account was added as payout account, epoch ms. */
  addedAt?: number;
}

export interface Device {
  id?: string;
  /** Remote-access tools seen on the device (AnyDesk, TeamViewer, …). */
  remoteTools: string[];
  /** A hardware IP-KVM (PiKVM, TinyPilot, …) was seen attached. */
  ipKvm: boolean;
  openPorts: number[];
  managed?: boolean;
}

export interface Login {
  at: number;
  /** End of the session, epoch ms, when known. */
  end?: number;
  /** Canonical text of the address (see parseIp). */
  ip?: string;
  /** The address is private / non-routable: no location, never a link. */
  ipPrivate?: boolean;
  deviceId?: string;
  userAgent?: string;
  /** Country the login came from, when the source already geolocated it (alpha-2). */
  country?: string;
}

export interface Interview {
  at?: number;
  cameraOn?: boolean;
  notes?: string;
  /** Observations: `different-person`, `deepfake`, `in-person-refused`, `coding-test-irregular`, `bio-mismatch`, … */
  flags: string[];
}

export interface PlatformStats {
  bids?: number;
  wins?: number;
  ratings: Rating[];
  tasksCompleted?: number;
  tasksFailed?: number;
  prepaymentRequests?: number;
  /** Times the account changed hands (owner / KYC identity replaced). */
  ownerChanges?: number;
  /** Texts of bids / proposals, for template reuse across accounts. */
  bidTexts: string[];
}

export interface Rating {
  /** The client account that gave the rating. */
  client: string;
  score: number;
  at?: number;
}

export interface Employment {
  employer?: string;
  /** The employer's real web domain, e.g. `acme.com`. */
  domain?: string;
  /** The reference contact's e-mail the applicant gave. */
  referenceEmail?: string;
}

export interface ConductReport {
  /** See `REPORT_TYPES` in docs/vetting.md: `borrow-identity`, `cold-outreach`, `subcontracting`, … */
  type: string;
  at?: number;
  note?: string;
}

export interface SecurityEvent {
  /** `repo-exfiltration`, `credential-harvesting`, `extortion`, `card-charges`, … */
  type: string;
  at?: number;
  detail?: string;
}

export interface IdentityCheck {
  /** A vendor or the authorities report the identity as stolen or synthetic. */
  stolenIdentity?: boolean;
  /** E-Verify (US) or similar result as given, e.g. `authorized`, `tentative-nonconfirmation`. */
  eVerify?: string;
}
