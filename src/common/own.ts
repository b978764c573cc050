/**
 * Lookups of untrusted strings in constant tables written as object literals. `table[key]` also finds
 * what every object inherits (`toString`, `constructor`, `__proto__` …), so a name, cell or word spelled
 * like one of those would read a function or Object.prototype where "not in the table" was meant.
 */

/**
 * The value `table` holds under `key` itself; undefined for any key it does not hold, including the
 * names of Object.prototype members.
 *
 * @example
 * const GENDERS = { m: 'male', f: 'female' };
 * ownValue(GENDERS, 'm'); // 'male'
 * ownValue(GENDERS, 'constructor'); // undefined (not Object)
 */
export function ownValue<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
