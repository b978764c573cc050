/** Longest address we try to decode (Monero integrated addresses are 106 characters). */
export const MAX_ADDRESS_LENGTH = 128;

/**
 * Why a string cannot be an address at all, before any format is tried: a non-ASCII character
 * (look-alike letters such as Cyrillic `Н` in a Tron address), inner whitespace or control
 * characters, or a length no address format has. Positions are 1-based.
 *
 * @example
 * textProblem('TН96'); // "non-ASCII character 'Н' (U+041D) at position 2"
 */
export function textProblem(address: string): string | undefined {
  if (address.length === 0) return 'empty address';
  let position = 0;
  for (const ch of address) {
    position++;
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0x7e) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      return `non-ASCII character '${ch}' (U+${hex}) at position ${position}`;
    }
    if (code <= 0x20) {
      const what = code === 0x20 ? 'a space' : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      return `${what} at position ${position}`;
    }
  }
  if (address.length > MAX_ADDRESS_LENGTH) {
    return `${address.length} characters is longer than any address format (${MAX_ADDRESS_LENGTH})`;
  }
  return undefined;
}
