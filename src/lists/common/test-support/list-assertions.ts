import { expect } from 'vitest';
import { InputError } from '../../../errors.js';
import type { FtmEntity } from '../../../ftm/entity.js';
import type { ParsedList } from '../../types.js';

/** Helpers shared by the list parsers' tests. */

/**
 * The entity with this id; throws, listing the ids there are, when it is missing.
 *
 * @example
 * byId(parsed, 'un-1-sanction').schema; // 'Sanction'
 */
export function byId(parsed: ParsedList, id: string): FtmEntity {
  const found = parsed.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id} among ${parsed.entities.map((e) => e.id).join(', ')}`);
  return found;
}

/**
 * The InputError a promise rejects with; the test fails when it resolves or rejects with anything else.
 *
 * @example
 * const err = await inputError(parse('<list>'));
 * err.line; // 1
 */
export async function inputError(promise: Promise<unknown>): Promise<InputError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return err as InputError;
}
