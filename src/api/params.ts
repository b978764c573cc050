import { z } from 'zod';
import { ftmModel, isSchema } from '../ftm/model.js';
import type { Algorithm } from '../screening/types.js';

/**
 * A numeric query-string parameter: must be written (an empty `?limit=` is an error, not 0) and lie in
 * [min, max].
 *
 * @example
 * z.object({ limit: numberParam({ min: 1, max: 500, int: true }).default(5) });
 */
export function numberParam({ min, max, int = false }: { min: number; max: number; int?: boolean }) {
  const n = int ? z.number().int() : z.number();
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .transform(Number)
    .pipe(n.min(min).max(max));
}

/** yente's algorithm names that mean our own scorer. */
const LOGIC_ALIASES = ['logic', 'best', 'logic-v2'] as const;

/**
 * The `algorithm` parameter: `logic` (also yente's `best` and `logic-v2`) or `ofac`.
 *
 * @example
 * algorithmParam.parse('best'); // 'logic'
 */
export const algorithmParam = z
  .enum([...LOGIC_ALIASES, 'ofac'], { error: `use one of: ${[...LOGIC_ALIASES, 'ofac'].join(', ')}` })
  .transform((a): Algorithm => (a === 'ofac' ? 'ofac' : 'logic'));

/** Longest property value accepted in a query entity, in characters. */
export const MAX_VALUE_CHARS = 1000;
/** Most values per property in a query entity. */
export const MAX_VALUES = 100;

const propertyValues = z
  .union([z.string().max(MAX_VALUE_CHARS), z.array(z.string().max(MAX_VALUE_CHARS)).max(MAX_VALUES)], {
    error: `property values are a string or a list of strings (each at most ${MAX_VALUE_CHARS} characters, at most ${MAX_VALUES})`,
  })
  .transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * True for the FtM schemata that can be matched (Person, Company, Vessel, CryptoWallet …).
 *
 * @example
 * isMatchableSchema('Person'); // true
 * isMatchableSchema('Sanction'); // false
 */
export function isMatchableSchema(name: string): boolean {
  return isSchema(name) && ftmModel.getSchema(name).matchable;
}

/**
 * A query entity as in yente's `/match` body and `/compare`: `{id?, schema, properties}` with every
 * property a string or a list of strings. Unknown schemata and properties are refused, with the path.
 *
 * @example
 * entityExample.parse({ schema: 'Person', properties: { name: 'Kim Jong Un' } });
 * // { schema: 'Person', properties: { name: ['Kim Jong Un'] } }
 */
export const entityExample = z
  .object({
    id: z.string().max(200).optional(),
    schema: z.string().min(1).max(100),
    properties: z.record(z.string(), propertyValues).default({}),
  })
  .superRefine((e, ctx) => {
    if (!isMatchableSchema(e.schema)) {
      ctx.addIssue({ code: 'custom', path: ['schema'], message: `unknown or unmatchable schema "${e.schema}"; use e.g. Person, Organization, Company, LegalEntity, Vessel, Airplane, CryptoWallet` });
      return;
    }
    const props = ftmModel.getSchema(e.schema).getProperties();
    for (const p of Object.keys(e.properties)) {
      if (!props.has(p)) ctx.addIssue({ code: 'custom', path: ['properties', p], message: `schema ${e.schema} has no property "${p}"` });
    }
  });

export type EntityExample = z.output<typeof entityExample>;
