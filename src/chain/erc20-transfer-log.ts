import { topicToAddress } from './hex.js';

/** keccak256("Transfer(address,address,uint256)"). */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

export interface DecodedTransferLog {
  from: string;
  to: string;
  /** The quantity (ERC-20) or the token id (ERC-721 shape, see nonFungible). */
  amount: bigint;
  /** The third value was an indexed topic: an ERC-721 token id, not an amount. */
  nonFungible: boolean;
}

/**
 * Decodes a `Transfer(address,address,uint256)` log the way ethereum-etl does: the indexed topics after
 * topic0 and the 32-byte words of `data` together must give exactly three values (from, to, value), so
 * tokens that do not index from/to and ERC-721 transfers (value indexed) are read too. Anything else
 * returns undefined.
 *
 * @example
 * decodeTransferLog(['0xddf252ad…', '0x…6b75d8af…', '0x…7054b0f9…'], '0x…61ec933f00000000')
 * // { from: '0x6b75…', to: '0x7054…', amount: 7056176614974947328n, nonFungible: false }
 */
export function decodeTransferLog(topics: readonly string[], data: string): DecodedTransferLog | undefined {
  if (topics.length === 0 || topics[0]!.toLowerCase() !== TRANSFER_TOPIC) return undefined;
  if (!/^0x(?:[0-9a-fA-F]{64})*$/.test(data)) return undefined;
  const words = topics.slice(1);
  for (let i = 2; i < data.length; i += 64) words.push(`0x${data.slice(i, i + 64)}`);
  if (words.length !== 3) return undefined;
  const from = topicToAddress(words[0]!);
  const to = topicToAddress(words[1]!);
  if (!from || !to || !/^0x[0-9a-fA-F]{64}$/.test(words[2]!)) return undefined;
  return { from, to, amount: BigInt(words[2]!), nonFungible: topics.length === 4 };
}
