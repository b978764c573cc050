import type { FtmEntity } from '../../ftm/entity.js';
import type { MatchResult } from '../../screening/types.js';

/**
 * An entity in yente's JSON shape (`id, caption, schema, properties, datasets, referents, target`,
 * dates when known) plus our `provenance`: where the entry is in the official list.
 *
 * @example
 * entityJson(screener.get('un-6908048')!).caption; // 'KIM JONG UN'
 */
export function entityJson(e: FtmEntity) {
  return {
    id: e.id,
    caption: e.caption ?? e.id,
    schema: e.schema,
    properties: e.properties,
    datasets: e.datasets,
    referents: e.referents ?? [],
    target: e.target ?? false,
    ...(e.first_seen ? { first_seen: e.first_seen } : {}),
    ...(e.last_seen ? { last_seen: e.last_seen } : {}),
    ...(e.last_change ? { last_change: e.last_change } : {}),
    ...(e.provenance ? { provenance: e.provenance } : {}),
  };
}

/**
 * One `/match` result as yente shapes it: the entity, `score`, `match`, `explanations` (per feature:
 * score, weight, the sentence, the query and listed values compared), plus our `review` flag.
 *
 * @example
 * screener.match(query).results.map(matchResultJson);
 */
export function matchResultJson(r: MatchResult) {
  return { ...entityJson(r.entity), score: r.score, match: r.match, review: r.review, explanations: r.explanations };
}
