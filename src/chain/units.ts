/**
 * Exact conversions between decimal text in whole units and integer base units. Never goes through a
 * floating-point number: `0.1` ETH is exactly 100000000000000000 wei.
 */

/**
 * Parses a non-negative decimal string in whole units into base units. Returns an error text instead of
 * throwing so callers can name the file and line.
 *
 * @example
 * parseUnits('30375.54791768', 18) // { value: 30375547917680000000000n }
 * parseUnits('1.123', 2) // { error: 'has 3 decimal places; the asset has only 2' }
 */
export function parseUnits(text: string, decimals: number): { value: bigint } | { error: string } {
  const parsed = parseUnitsText(text, decimals);
  return 'value' in parsed ? { value: BigInt(parsed.value) } : parsed;
}

/**
 * parseUnits giving the base units as decimal text (no leading zeros), without making a bigint: what a bulk
 * import stores.
 *
 * @example
 * parseUnitsText('245.591', 18) // { value: '245591000000000000000' }
 */
export function parseUnitsText(text: string, decimals: number): { value: string } | { error: string } {
  let dot = -1;
  let valid = text.length > 0;
  for (let i = 0; i < text.length && valid; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot < 0 && i > 0) dot = i;
    else if (c < 48 || c > 57) valid = false;
  }
  if (!valid) {
    if (/^\d*\.?\d+e[+-]?\d+$/i.test(text)) return { error: `"${text}" is in exponent notation; write the amount out in full` };
    return { error: `"${text}" is not a non-negative decimal number` };
  }
  const whole = dot < 0 ? text : text.slice(0, dot);
  let fractionEnd = text.length;
  while (dot >= 0 && fractionEnd > dot + 1 && text.charCodeAt(fractionEnd - 1) === 48) fractionEnd--;
  const fraction = dot < 0 ? '' : text.slice(dot + 1, fractionEnd);
  if (fraction.length > decimals) return { error: `"${text}" has ${fraction.length} decimal places; the asset has only ${decimals}` };
  const digits = whole + fraction.padEnd(decimals, '0');
  let first = 0;
  while (first < digits.length - 1 && digits.charCodeAt(first) === 48) first++;
  return { value: first === 0 ? digits : digits.slice(first) };
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
