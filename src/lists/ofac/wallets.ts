import { normaliseAddress } from '../../addresses/index.js';
import { EntityBuilder, slugId, type FtmEntity, type Provenance } from '../../ftm/entity.js';
import type { OfacRemarkWallet } from './remarks.js';

export interface OfacWalletResult {
  entities: FtmEntity[];
  /** Addresses that do not validate for their format, each described once. */
  problems: string[];
}

/**
 * One CryptoWallet per `Digital Currency Address` of a listed subject: `publicKey` is the
 * chain-normalised address (EVM lower case, base58 as written), `currencySymbol` OFAC's ticker,
 * `holder` the subject; wallets of a sanctioned holder are targets themselves. An address that does
 * not validate is still listed (OFAC lists it) and reported.
 *
 * @example
 * ofacWalletEntities('ofac', '27307', 'ofac-27307', [{ ticker: 'ETH', address: '0x098B…2f96', text: '…' }], 'us_ofac_sdn', provenance);
 */
export function ofacWalletEntities(
  idPrefix: string,
  entNum: string,
  holderId: string | null,
  wallets: readonly OfacRemarkWallet[],
  dataset: string,
  provenance: Provenance,
): OfacWalletResult {
  const entities: FtmEntity[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const w of wallets) {
    const normalised = normaliseAddress(w.address, { ticker: w.ticker });
    const key = `${w.ticker}:${normalised.address}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Ids are lower case; two base58 addresses differing only in case must still get two wallets.
    let id = slugId(idPrefix, entNum, 'wallet', w.ticker, normalised.address);
    for (let n = 2; ids.has(id); n++) id = slugId(idPrefix, entNum, 'wallet', w.ticker, normalised.address, n);
    ids.add(id);
    const wallet = new EntityBuilder('CryptoWallet', id, dataset)
      .add('publicKey', normalised.address)
      .add('currencySymbol', w.ticker);
    if (holderId) wallet.add('holder', holderId);
    if (!normalised.valid) {
      wallet.add('notes', `Address as listed: ${w.address} (${normalised.problem ?? 'does not validate'})`);
      problems.push(`ent_num ${entNum}: ${w.ticker} address ${w.address} ${normalised.problem ?? 'does not validate'}`);
    } else if (normalised.warning) {
      problems.push(`ent_num ${entNum}: ${w.ticker} address ${w.address}: ${normalised.warning}`);
    }
    wallet.target = true;
    wallet.provenance = provenance;
    entities.push(wallet.build());
  }
  return { entities, problems };
}
