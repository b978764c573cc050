import type { FtmEntity } from '../ftm/entity.js';
import { ftmModel, isSchema } from '../ftm/model.js';

export interface FacetValue {
  name: string;
  label: string;
  count: number;
}

export interface Facet {
  label: string;
  values: FacetValue[];
}

/** yente's default facets of a search: countries, topics and datasets, each counted once per entity. */
export interface SearchFacets {
  countries: Facet;
  topics: Facet;
  datasets: Facet;
}

const countryProperties = new Map<string, string[]>();

/** The country-typed properties of a schema (country, nationality, jurisdiction, citizenship …). */
function countryPropertiesOf(schema: string): string[] {
  let props = countryProperties.get(schema);
  if (!props) {
    props = isSchema(schema)
      ? [...ftmModel.getSchema(schema).getProperties().values()].filter((p) => p.type.name === 'country').map((p) => p.name)
      : [];
    countryProperties.set(schema, props);
  }
  return props;
}

/**
 * Counts of the entities a search found (all of them, not only the page shown) by country, topic and
 * dataset, as yente's `/search` facets: each value once per entity, most frequent first.
 *
 * @example
 * searchFacets(found).countries.values[0]; // { name: 'kp', label: 'North Korea', count: 12 }
 */
export function searchFacets(entities: readonly FtmEntity[]): SearchFacets {
  const countries = new Map<string, number>();
  const topics = new Map<string, number>();
  const datasets = new Map<string, number>();
  for (const e of entities) {
    const seen = new Set<string>();
    for (const prop of countryPropertiesOf(e.schema)) for (const c of e.properties[prop] ?? []) seen.add(c.toLowerCase());
    for (const c of seen) countries.set(c, (countries.get(c) ?? 0) + 1);
    for (const t of new Set(e.properties['topics'] ?? [])) topics.set(t, (topics.get(t) ?? 0) + 1);
    for (const d of new Set(e.datasets)) datasets.set(d, (datasets.get(d) ?? 0) + 1);
  }
  const countryNames = ftmModel.getType('country').values;
  const topicNames = ftmModel.getType('topic').values;
  return {
    countries: facet('Countries', countries, (c) => countryNames.get(c) ?? c.toUpperCase()),
    topics: facet('Topics', topics, (t) => topicNames.get(t) ?? t),
    datasets: facet('Data sources', datasets, (d) => d),
  };
}

function facet(label: string, counts: Map<string, number>, labelOf: (name: string) => string): Facet {
  const values = [...counts].map(([name, count]) => ({ name, label: labelOf(name), count }));
  values.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { label, values };
}
