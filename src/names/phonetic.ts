/**
 * Phonetic keys for Latin name tokens (Double Metaphone, Lawrence Philips 2000), as yente
 * indexes them: tokens of two letters or fewer get none — their keys would match almost
 * anything (OFAC drops such tokens for the same reason).
 */
import anyAscii from 'any-ascii';
import { doubleMetaphone } from 'double-metaphone';
import { memoise } from './memo.js';
import { comparisonText } from './normalise.js';

const MIN_LENGTH = 3;

/**
 * The distinct Double Metaphone codes of a token (one or two), or [] for tokens of ≤ 2 letters.
 * Non-Latin tokens are transliterated with any-ascii first.
 *
 * @example
 * phoneticKeys('Cheol'); // ['XL']
 * phoneticKeys('Jong'); // ['JNK', 'ANK']
 * phoneticKeys('Un'); // []
 */
export function phoneticKeys(token: string): readonly string[] {
  return keysOf(token);
}

const keysOf = memoise((token: string): string[] => {
  const letters = anyAscii(comparisonText(token)).toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < MIN_LENGTH) return [];
  const [primary, alternate] = doubleMetaphone(letters);
  const keys = [primary];
  if (alternate && alternate !== primary) keys.push(alternate);
  return keys.filter(Boolean);
});
