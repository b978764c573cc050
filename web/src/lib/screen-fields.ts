import type { MatchQuery } from '../api-types.js';
import { looksLikeWalletAddress, queriesFromFields as serverQueriesFromFields, type FieldProblem, type ScreenFields } from '../../../src/screening/query-fields.js';

// The form and the batch upload read fields by the same rules as `counterflow screen` (docs/screen.md):
// one implementation, shared with the CLI and the batch reader.
export { identifierProperty, isoDate, SCREEN_SCHEMAS, screenSchema, type FieldProblem, type ScreenFields, type ScreenSchema } from '../../../src/screening/query-fields.js';

/**
 * True when the text is one valid crypto address (checksums verified, as the server checks them).
 *
 * @example
 * looksLikeAddress('0x098B716B8Aaf21512996dC57EB0615e2383E2f96'); // true
 * looksLikeAddress('Lazarus Group'); // false
 */
export const looksLikeAddress = looksLikeWalletAddress;

/**
 * Turns what a user typed into `/match` queries, by the rules of `counterflow screen`; with
 * `nameMayBeAddress` (the single-query form, like `counterflow screen ADDRESS`) a name that is a crypto
 * address is screened as a wallet. A value that cannot be used is left out and reported in `problems`.
 *
 * @example
 * queriesFromFields({ name: '김정은' }).queries; // [{ schema: 'LegalEntity', properties: { name: ['김정은'] } }]
 */
export function queriesFromFields(fields: ScreenFields, options: { nameMayBeAddress?: boolean } = {}): { queries: MatchQuery[]; problems: FieldProblem[] } {
  const name = fields.name?.trim() ?? '';
  const nameIsWallet = options.nameMayBeAddress && !fields.schema?.trim() && !fields.wallet?.trim() && !fields.idNumber?.trim() && name !== '' && looksLikeWalletAddress(name);
  return serverQueriesFromFields(nameIsWallet ? { ...fields, name: '', wallet: name } : fields);
}
