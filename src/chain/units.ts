/**
 * Exact conversions between decimal text in whole units and integer base units. Never goes through a
 * floating-point number: `0.1` ETH is exactly 100000000000000000 wei.
 */

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/**
 * Parses a non-negative decimal string in whole units into base units. Returns an error text instead of
 * throwing so callers can name the file and line.
 *
 * @example
 * parseUnits('30375.54791768', 18) // { value: 30375547917680000000000n }
 * parseUnits('1.123', 2) // { error: 'has 3 decimal places; the asset has only 2' }
 */
export function parseUnits(text: string, decimals: number): { value: bigint } | { error: string } {
  const m = DECIMAL.exec(text);
  if (!m) {
    if (/^\d*\.?\d+e[+-]?\d+$/i.test(text)) return { error: `"${text}" is in exponent notation; write the amount out in full` };
    return { error: `"${text}" is not a non-negative decimal number` };
  }
  const whole = m[1] ?? '0';
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return { error: `"${text}" has ${fraction.length} decimal places; the asset has only ${decimals}` };
  return { value: BigInt(whole + fraction.padEnd(decimals, '0')) };
}

/**
 * Formats base units as a decimal string in whole units, without trailing zeros.
 *
 * @example
 * formatUnits(1500000000000000000n, 18) // '1.5'
 */
export function formatUnits(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Non-negative decimal integer text (as stored) → bigint; undefined when it is not one. */
export function parseIntegerText(text: string): bigint | undefined {
  return /^\d+$/.test(text) ? BigInt(text) : undefined;
}
