import fc from 'fast-check';
import { TRANSFER_KINDS, type Transfer } from '../transfer.js';

const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => `0x${Buffer.from(b).toString('hex')}`);

/** Transfers with every spelling a column may meet: 0x-hex of the right size, other text, upper case, nothing. */
export const anyTransfer: fc.Arbitrary<Transfer> = fc.record({
  chain: fc.constant('ethereum'),
  blockNumber: fc.nat({ max: 2 ** 40 }),
  blockTime: fc.option(fc.nat({ max: 2 ** 40 }), { nil: null }),
  txHash: fc.oneof(hex(32), hex(32).map((h) => h.slice(2)), hex(32).map((h) => h.toUpperCase()), fc.string({ maxLength: 5 })),
  txIndex: fc.option(fc.nat(), { nil: null }),
  position: fc.oneof(fc.constantFrom('a', 'c10', 'b10.212', 'o11', 'g13'), fc.string({ minLength: 1, maxLength: 4 })),
  kind: fc.constantFrom(...TRANSFER_KINDS),
  from: fc.option(fc.oneof(hex(20), fc.constant('1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ'), hex(19)), { nil: null }),
  to: fc.option(fc.oneof(hex(20), fc.constant('bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh')), { nil: null }),
  asset: fc.oneof(fc.constant('native'), hex(20)),
  // Up to 78 digits, and now and then a longer number (which the store binds as text rather than packed).
  amount: fc.oneof({ weight: 9, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }) }, { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 255n, max: 10n ** 300n }) }),
  success: fc.option(fc.boolean(), { nil: null }),
  flags: fc.nat({ max: 15 }),
});
