import { Model, defaultModel } from '@opensanctions/followthemoney';

/** The FollowTheMoney model, loaded once: schemata and their properties. */
export const ftmModel = new Model(defaultModel);

const propertyCache = new Map<string, Set<string>>();

/** Names of every property a schema has (own and inherited). Throws on an unknown schema. */
export function schemaProperties(schema: string): Set<string> {
  let props = propertyCache.get(schema);
  if (!props) {
    if (!isSchema(schema)) throw new Error(`Unknown FollowTheMoney schema: ${schema}`);
    props = new Set(ftmModel.getSchema(schema).getProperties().keys());
    propertyCache.set(schema, props);
  }
  return props;
}

/** True for a schema name of the model; `toString`, `__proto__` and other Object members are not schemata. */
export function isSchema(name: string): boolean {
  return Object.hasOwn(ftmModel.schemata, name);
}

/** True when `schema` is `parent` or extends it (Person is a LegalEntity, Company an Organization). */
export function isA(schema: string, parent: string): boolean {
  if (!isSchema(schema)) return false;
  return ftmModel.getSchema(schema).isA(parent);
}
