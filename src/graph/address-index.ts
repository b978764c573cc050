/**
 * An open-addressing hash table from address text to node id, held in one Int32Array (slot = node + 1,
 * 0 = empty; linear probing, load ≤ 0.5). Built once when a graph is built or loaded, saved in the graph
 * cache beside the typed columns, so a lookup is one hash and usually one string comparison, and the
 * table costs 8–16 bytes per address instead of a Map entry's ~80.
 */

/** FNV-1a over UTF-16 code units, 32-bit. */
export function hashAddress(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Slots for `nodeCount` addresses: a power of two at least twice the count.
 *
 * @example
 * const slots = buildAddressSlots(3, (n) => ['0xa', '0xb', '0xc'][n]!);
 */
export function buildAddressSlots(nodeCount: number, address: (node: number) => string): Int32Array {
  let size = 16;
  while (size < nodeCount * 2) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let n = 0; n < nodeCount; n++) {
    let i = hashAddress(address(n)) & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = n + 1;
  }
  return slots;
}

/**
 * The node id of an address in the slots, or undefined.
 *
 * @example
 * lookupAddress(slots, (n) => names[n]!, '0xb') // 1
 */
export function lookupAddress(slots: Int32Array, address: (node: number) => string, key: string): number | undefined {
  const mask = slots.length - 1;
  let i = hashAddress(key) & mask;
  for (;;) {
    const s = slots[i]!;
    if (s === 0) return undefined;
    if (address(s - 1) === key) return s - 1;
    i = (i + 1) & mask;
  }
}
