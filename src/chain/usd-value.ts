import { parseUnits } from './units.js';

const PRICE_DECIMALS = 12;

/**
 * USD value of an amount in base units at a price per whole unit, exact to the cent (half-up). Returns
 * undefined when the price text is not a decimal number.
 *
 * @example
 * usdValue(10_000n * 10n ** 18n, 18, '2756.41') // '27564100.00'
 */
export function usdValue(amount: bigint, decimals: number, usdPerUnit: string): string | undefined {
  const price = parseUnits(usdPerUnit, PRICE_DECIMALS);
  if (!('value' in price)) return undefined;
  // amount * price has decimals + PRICE_DECIMALS decimal places; keep cents.
  const scale = 10n ** BigInt(decimals + PRICE_DECIMALS - 2);
  const cents = (amount * price.value + scale / 2n) / scale;
  const text = cents.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}
