/**
 * Address poisoning: an attacker makes an address that shows the same first and last characters as one
 * the victim really deals with, then plants zero-value or fake-token transfers so the victim copies it from
 * the history. Wallets and explorers show `0xa4b2…449e`, so that is what is compared.
 */

export const LOOKALIKE_PREFIX_HEX = 4;
export const LOOKALIKE_SUFFIX_HEX = 4;

/**
 * What a person sees of an EVM address in a shortened display.
 *
 * @example
 * lookalikeKey('0xa4b2fd68593b6f34e51cb9edb66e71c1b4ab449e') // 'a4b2…449e'
 */
export function lookalikeKey(address: string): string {
  const hex = address.toLowerCase().replace(/^0x/, '');
  return `${hex.slice(0, LOOKALIKE_PREFIX_HEX)}…${hex.slice(-LOOKALIKE_SUFFIX_HEX)}`;
}

export interface Lookalike {
  /** The address imitating a real counterparty. */
  address: string;
  /** The real counterparty it imitates. */
  resembles: string;
  /** The party being deceived: it dealt with `resembles` for real. */
  counterparty: string;
}

/**
 * Finds look-alikes among address pairs. `realPairs` are (from, to) pairs that moved real value (non-zero,
 * verified asset, not failed); `allPairs` are every (from, to) pair seen. An address is a look-alike when it
 * meets a party whose real counterparty it resembles without being it.
 *
 * @example
 * findLookalikes([['0x4766…', '0xa4b2fd68…449e']], [['0x4766…', '0xa4b24033…449e']])
 * // [{ address: '0xa4b24033…449e', resembles: '0xa4b2fd68…449e', counterparty: '0x4766…' }]
 */
export function findLookalikes(realPairs: Iterable<readonly [string, string]>, allPairs: Iterable<readonly [string, string]>): Lookalike[] {
  const realByParty = new Map<string, Map<string, Set<string>>>();
  const add = (party: string, other: string) => {
    let byKey = realByParty.get(party);
    if (!byKey) realByParty.set(party, (byKey = new Map()));
    const key = lookalikeKey(other);
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
    set.add(other);
  };
  for (const [from, to] of realPairs) {
    if (from === to) continue;
    add(from, to);
    add(to, from);
  }
  const found = new Map<string, Lookalike>();
  const check = (party: string, other: string) => {
    const real = realByParty.get(party)?.get(lookalikeKey(other));
    if (!real || real.has(other)) return;
    for (const resembles of real) {
      found.set(`${other}|${resembles}|${party}`, { address: other, resembles, counterparty: party });
    }
  };
  for (const [from, to] of allPairs) {
    if (from === to) continue;
    check(from, to);
    check(to, from);
  }
  return [...found.values()];
}
