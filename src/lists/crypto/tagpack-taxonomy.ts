import { ownValue } from '../../common/own.js';

/** GraphSense confidence ids → level (0–100), from the TagPack confidence taxonomy. */
export const TAGPACK_CONFIDENCE: Readonly<Record<string, number>> = Object.freeze({
  override: 100,
  ownership: 100,
  ledger_immanent: 100,
  manual_transaction: 90,
  service_api: 70,
  forensic_investigation: 70,
  authority_data: 60,
  trusted_provider: 50,
  service_data: 50,
  forensic: 50,
  untrusted_transaction: 40,
  web_crawl: 20,
  heuristic: 10,
  unknown: 5,
});

/** TagPack abuse concepts → FollowTheMoney topics, where one fits. */
const ABUSE_TOPICS: Readonly<Record<string, string>> = Object.freeze({
  sanction: 'sanction',
  service_hack: 'crime.cyber',
  account_hack: 'crime.cyber',
  exploit: 'crime.cyber',
  ransomware: 'crime.cyber',
  phishing: 'crime.fraud',
  scam: 'crime.fraud',
  ponzi_scheme: 'crime.fraud',
  money_laundering: 'crime.fin',
  terrorism: 'crime.terror',
  human_trafficking: 'crime.traffick.human',
  drugs: 'crime.traffick.drug',
});

/**
 * The FtM topic for a TagPack abuse concept, if one fits.
 *
 * @example
 * topicForAbuse('service_hack'); // 'crime.cyber'
 */
export function topicForAbuse(abuse: string): string | undefined {
  return ownValue(ABUSE_TOPICS, abuse);
}

/**
 * Whether a tag marks a wallet to screen against (FtM `target`): tags with abuse `sanction`, or from
 * authority data (an official designation such as OFAC's). Exchange reserve wallets, hack victims and
 * forensic or crawled tags are kept for tracing but are not targets.
 *
 * @example
 * isTargetTag({ abuse: 'sanction' }); // true
 */
export function isTargetTag(tag: { abuse?: string; confidence?: string }): boolean {
  return tag.abuse === 'sanction' || tag.confidence === 'authority_data';
}
