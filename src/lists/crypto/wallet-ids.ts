import { sha256 } from '@noble/hashes/sha2.js';
import { slugId } from '../../ftm/entity.js';

/**
 * Stable entity ids for wallets, derived from the canonical address. `slugId` lower-cases, so two
 * base58 addresses that differ only in case would collide: the second one gets a hash suffix.
 *
 * @example
 * const ids = new WalletIds('us_ofac_crypto');
 * ids.idFor('0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c'); // 'us_ofac_crypto-0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c'
 */
export class WalletIds {
  private readonly owners = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  /** `key` identifies the wallet (canonical address, plus whatever else makes it distinct). */
  idFor(...key: string[]): string {
    const joined = key.join('\u0000');
    let id = slugId(this.prefix, ...key);
    const owner = this.owners.get(id);
    if (owner !== undefined && owner !== joined) {
      const digest = Array.from(sha256(new TextEncoder().encode(joined)).subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
      id = slugId(this.prefix, ...key, digest);
    }
    this.owners.set(id, joined);
    return id;
  }
}
