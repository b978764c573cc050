import { InputError } from '../../errors.js';

// CSV rows of worker files as record objects, the same for `counterflow vet` and the web app's preview
// (no Node modules here: the browser bundles this file).

/** CSV columns whose cells hold several values separated by `;` (unless the cell is a JSON list). */
export const CSV_LIST_COLUMNS = ['names', 'aliases', 'emails', 'phones', 'activity', 'messages', 'shipping_address', 'shipping_addresses'];

/**
 * One CSV row as a record object: empty cells dropped, cells starting with `[` or `{` read as
 * JSON, the list columns split on `;`, and dotted headers (`documents.number`, `documents.1.number`)
 * nested into objects and lists.
 *
 * @example
 * csvRowToObject({ id: '7', emails: 'a@x.com; b@y.com', 'documents.number': 'X1' }, 'in.csv', 2);
 * // { id: '7', emails: ['a@x.com', 'b@y.com'], documents: { number: 'X1' } }
 */
export function csvRowToObject(row: Record<string, string> | Iterable<readonly [string, string]>, fileName: string, line: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const cells = Symbol.iterator in row ? (row as Iterable<readonly [string, string]>) : Object.entries(row);
  for (const [column, rawCell] of cells) {
    const cell = rawCell.trim();
    if (!cell) continue;
    let value: unknown = cell;
    if (cell.startsWith('[') || cell.startsWith('{')) {
      try {
        value = JSON.parse(cell);
      } catch (err) {
        throw new InputError(fileName, `the cell starts like JSON but is not valid JSON: ${(err as Error).message}`, line, column);
      }
    } else if (CSV_LIST_COLUMNS.includes(column.toLowerCase()) && cell.includes(';')) {
      value = cell.split(';').map((s) => s.trim()).filter(Boolean);
    }
    setPath(out, column.split('.'), value, fileName, line, column);
  }
  return out;
}

/**
 * Sets `value` at `path` inside `target`. Reads and writes own properties only: a header such as
 * `__proto__.x` or `constructor` names a field like any other, and never reaches Object.prototype.
 */
function setPath(target: Record<string, unknown> | unknown[], path: string[], value: unknown, fileName: string, line: number, column: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const key: string | number = Array.isArray(target) ? Number(head) : head;
  if (Array.isArray(target) && (!Number.isInteger(key) || (key as number) < 0 || (key as number) > 1000)) {
    throw new InputError(fileName, `column "${column}": "${head}" is not a list position`, line, column);
  }
  const container = target as Record<string | number, unknown>;
  const existing = Object.hasOwn(container, key) ? container[key] : undefined;
  if (!rest.length) {
    if (existing !== undefined) throw new InputError(fileName, `column "${column}" sets a value that another column already set`, line, column);
    setOwn(container, key, value);
    return;
  }
  let next = existing;
  if (next === undefined) {
    next = /^\d+$/.test(rest[0]!) ? [] : {};
    setOwn(container, key, next);
  }
  if (typeof next !== 'object' || next === null) throw new InputError(fileName, `column "${column}" nests into a value that is not an object`, line, column);
  if (Array.isArray(next) !== /^\d+$/.test(rest[0]!)) throw new InputError(fileName, `column "${column}" mixes list positions and field names under "${head}"`, line, column);
  setPath(next as Record<string, unknown> | unknown[], rest, value, fileName, line, column);
}

/** `container[key] = value` as an own data property, also for `__proto__` (whose assignment would replace the prototype). */
function setOwn(container: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(container, key, { value, writable: true, enumerable: true, configurable: true });
}
