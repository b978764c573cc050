/**
 * The screening engine: an in-memory index over the listed entities and the scorers on top of it.
 *
 * @example
 * const screener = Screener.build(entities);
 * screener.match({ schema: 'Person', properties: { name: ['김정은'], birthDate: ['1984'] } });
 * // { results: [{ entity: { id: 'ofac-20157', caption: 'KIM, Jong Un', … }, score: 1, match: true, … }], total: 1 }
 */
import { InputError } from '../errors.js';
import type { FtmEntity } from '../ftm/entity.js';
import { isSchema } from '../ftm/model.js';
import { scoreOfac } from './algorithm-ofac.js';
import { CandidateIndex } from './candidate-index.js';
import { normaliseIdentifier, walletKey, type IdentifierValue, type WalletValue } from './feature-identifier.js';
import { bestNamePair } from './feature-name-match.js';
import { WEAK_ALIAS_WEIGHT } from './feature-weak-alias.js';
import { compatibleMask, SCHEMA_BITS, schemaClass, type SchemaClass } from './feature-schema.js';
import type { NameKind, NameReading } from './name-readings.js';
import { subjectFromQuery } from './query.js';
import { round, scoreLogic, type Scored, type ScoringContext } from './score.js';
import { searchFacets, type SearchFacets } from './search-facets.js';
import { Subject, subjectFactsOfEntity, type SubjectHelpers } from './subject.js';
import { MATCH_THRESHOLD, OFAC_MATCH_THRESHOLD, OFAC_REVIEW_THRESHOLD, REVIEW_THRESHOLD } from './thresholds.js';
import { TokenComparer } from './token-similarity.js';
import { TokenTable } from './token-table.js';
import { ALGORITHMS, type Algorithm, type FeatureExplanation, type MatchOptions, type MatchQuery, type MatchResult, type SearchOptions } from './types.js';

export { ALGORITHMS, type Algorithm, type FeatureExplanation, type MatchOptions, type MatchQuery, type MatchResult, type SearchOptions } from './types.js';
export { MATCH_THRESHOLD, OFAC_MATCH_THRESHOLD, OFAC_REVIEW_THRESHOLD, REVIEW_THRESHOLD } from './thresholds.js';

/** Candidates whose retrieval score is below this share of the best one are not scored in full. */
export const RETRIEVAL_FLOOR = 0.5;

/** Search results need at least this name similarity. */
export const SEARCH_MIN_SCORE = 0.5;

export const LIMITS = { defaultLimit: 5, maxLimit: 500, defaultSearchLimit: 10, searchQueryLength: 300 } as const;

/**
 * Match and review thresholds of an algorithm.
 *
 * @example
 * thresholdsFor('ofac'); // { match: 0.93, review: 0.85 }
 */
export function thresholdsFor(algorithm: Algorithm): { match: number; review: number } {
  return algorithm === 'ofac' ? { match: OFAC_MATCH_THRESHOLD, review: OFAC_REVIEW_THRESHOLD } : { match: MATCH_THRESHOLD, review: REVIEW_THRESHOLD };
}

interface Candidate {
  entity: FtmEntity;
  subject: Subject;
  bit: number;
  list: number;
  /** Name of the wallet's holder, for CryptoWallet candidates. */
  holder?: string;
}

const KINDS_FOR_CLASS: Readonly<Record<SchemaClass, readonly NameKind[]>> = {
  person: ['person'],
  org: ['org'],
  legal: ['person', 'org'],
  vessel: ['object'],
  airplane: ['object'],
  wallet: [],
  other: ['person', 'org', 'object'],
};

const HELPER_DOCUMENTS = new Set(['Passport', 'Identification']);

/**
 * The in-memory screening index over the listed entities, with the scorers on top.
 *
 * @example
 * const screener = Screener.build(entities);
 * screener.match({ schema: 'Person', properties: { name: ['Kim Jong-un'] } }).results[0]?.match; // true
 */
export class Screener {
  readonly info: { entities: number; candidates: number; lists: string[]; buildMs: number };
  private readonly byId: Map<string, FtmEntity>;
  private readonly candidates: Candidate[];
  private readonly index: CandidateIndex;
  private readonly table: TokenTable;
  private readonly comparer: TokenComparer;
  private readonly lists: string[];

  private constructor(entities: FtmEntity[]) {
    const started = performance.now();
    this.byId = new Map(entities.map((e) => [e.id, e]));
    this.table = new TokenTable();
    this.comparer = new TokenComparer(this.table);

    const documents = new Map<string, FtmEntity[]>();
    const walletsOf = new Map<string, FtmEntity[]>();
    const push = (map: Map<string, FtmEntity[]>, key: string, e: FtmEntity): void => {
      const list = map.get(key);
      if (list) list.push(e);
      else map.set(key, [e]);
    };
    for (const e of entities) {
      if (HELPER_DOCUMENTS.has(e.schema)) for (const h of e.properties['holder'] ?? []) push(documents, h, e);
      if (e.schema === 'CryptoWallet') for (const h of e.properties['holder'] ?? []) push(walletsOf, h, e);
    }

    const listIds = new Map<string, number>();
    this.candidates = [];
    for (const e of entities) {
      if (e.target === false) continue;
      const cls = schemaClass(e.schema);
      if (cls === 'other') continue;
      const helpers: SubjectHelpers = {
        documents: documents.get(e.id) ?? [],
        addresses: (e.properties['addressEntity'] ?? []).map((id) => this.byId.get(id)).filter((a): a is FtmEntity => a !== undefined),
        wallets: cls === 'wallet' ? [] : (walletsOf.get(e.id) ?? []),
      };
      const subject = new Subject(subjectFactsOfEntity(e, helpers));
      if (subject.names.length === 0 && subject.weakNames.length === 0 && subject.wallets.length === 0 && subject.identifiers.length === 0) continue;
      const listName = e.provenance?.list ?? e.datasets[0] ?? 'default';
      let list = listIds.get(listName);
      if (list === undefined) {
        list = listIds.size;
        listIds.set(listName, list);
      }
      const candidate: Candidate = { entity: e, subject, bit: SCHEMA_BITS[cls], list };
      if (cls === 'wallet') {
        const holder = (e.properties['holder'] ?? []).map((id) => this.byId.get(id)).find((h) => h !== undefined);
        if (holder) candidate.holder = `${holder.caption ?? holder.id} (${holder.id})`;
      }
      this.candidates.push(candidate);
    }
    this.lists = [...listIds.keys()];
    this.index = new CandidateIndex(
      this.table,
      this.candidates.map((c) => ({
        bit: c.bit,
        list: c.list,
        readings: c.subject.readings(c.subject.kind, this.table),
        weakReadings: c.subject.weakReadings(c.subject.kind, this.table),
        identifiers: c.subject.identifiers,
        wallets: c.subject.wallets,
      })),
    );
    this.table.freeze();
    this.info = {
      entities: entities.length,
      candidates: this.candidates.length,
      lists: [...this.lists],
      buildMs: Math.round(performance.now() - started),
    };
  }

  /**
   * Builds the in-memory index over the entities of the active list versions (targets are the
   * candidates; non-target entities of the same entry — Passport/Identification/Address/
   * Sanction/CryptoWallet — enrich their subject: ids, countries, programmes).
   *
   * @example
   * const screener = Screener.build(parsed.entities);
   * screener.info; // { entities: 3279, candidates: 1003, lists: ['un_sc'], buildMs: 180 }
   */
  static build(entities: FtmEntity[]): Screener {
    return new Screener(entities);
  }

  /**
   * Screens one query by example against the loaded lists.
   *
   * @example
   * screener.match({ schema: 'Person', properties: { name: ['Ri Pyong Chol'] } }, { limit: 3 });
   */
  match(query: MatchQuery, options: MatchOptions = {}): { results: MatchResult[]; total: number } {
    const source = query && typeof query === 'object' && typeof query.id === 'string' && query.id ? `query ${query.id}` : 'query';
    const opts = this.readMatchOptions(options, source);
    const subject = subjectFromQuery(query, source);
    this.table.trim();
    const pool = Math.min(this.candidates.length, Math.max(opts.limit * 3, 24));
    const found = this.retrieve(subject, compatibleMask(subject.schemaClass), opts.lists, pool);
    const scored: { c: number; score: number }[] = [];
    const floor = (found.scores[0] ?? 0) * RETRIEVAL_FLOOR;
    for (let i = 0; i < found.candidates.length; i++) {
      // Retrieval scores are sorted: past the first `limit`, stop at the first far below the best.
      if (i >= opts.limit && (found.scores[i] as number) < floor) break;
      const c = found.candidates[i] as number;
      const score = this.scoreCandidate(subject, c, opts.algorithm, false).score;
      if (score >= opts.cutoff && score > 0) scored.push({ c, score });
    }
    scored.sort(byScoreDescending);
    const results = scored.slice(0, opts.limit).map(({ c }) => {
      const candidate = this.candidates[c] as Candidate;
      const { score, explanations } = this.scoreCandidate(subject, c, opts.algorithm, true);
      const match = score >= opts.threshold;
      return { entity: candidate.entity, score, match, review: !match && score >= opts.review, explanations };
    });
    return { results, total: scored.length };
  }

  /**
   * Scores two entities or queries directly (model validation and POST /compare); `right` plays
   * the listed entity.
   *
   * @example
   * screener.compare({ schema: 'Person', properties: { name: ['Kim Jong Il'] } }, { schema: 'Person', properties: { name: ['Kim Jong Un'] } });
   * // { score: 0.64, match: false, review: true, explanations: { name_match: … } }
   */
  compare(
    left: MatchQuery,
    right: MatchQuery,
    algorithm: Algorithm = 'logic',
  ): { score: number; match: boolean; review: boolean; explanations: Record<string, FeatureExplanation> } {
    if (!ALGORITHMS.includes(algorithm)) throw new InputError('compare', `unknown algorithm "${String(algorithm)}" (one of: ${ALGORITHMS.join(', ')})`, undefined, 'algorithm');
    const l = subjectFromQuery(left, 'left');
    const r = subjectFromQuery(right, 'right');
    this.table.trim();
    const ctx: ScoringContext = { comparer: this.comparer, label: labeller(right) };
    const { score, explanations } = algorithm === 'ofac' ? scoreOfac(l, r, true) : scoreLogic(l, r, ctx, true);
    const t = thresholdsFor(algorithm);
    const match = score >= t.match;
    return { score, match, review: !match && score >= t.review, explanations };
  }

  /**
   * Name search for GET /search: ranked by name similarity only (identifiers and crypto
   * addresses typed as `q` hit their entity first).
   *
   * @example
   * screener.search('KOMID', { schema: 'Organization', limit: 10 });
   */
  search(q: string, options: SearchOptions = {}): { results: FtmEntity[]; total: number; facets: SearchFacets } {
    if (typeof q !== 'string' || !q.trim()) throw new InputError('search', 'empty query', undefined, 'q');
    if (q.length > LIMITS.searchQueryLength) throw new InputError('search', `query longer than ${LIMITS.searchQueryLength} characters`, undefined, 'q');
    const limit = readInt(options.limit, LIMITS.defaultSearchLimit, 1, LIMITS.maxLimit, 'search', 'limit');
    const offset = readInt(options.offset, 0, 0, 10_000, 'search', 'offset');
    let mask = compatibleMask('other') | SCHEMA_BITS.wallet;
    if (options.schema !== undefined) {
      if (!isSchema(options.schema)) throw new InputError('search', `unknown schema "${options.schema}"`, undefined, 'schema');
      mask = compatibleMask(schemaClass(options.schema));
      if (schemaClass(options.schema) === 'other') mask |= SCHEMA_BITS.wallet;
    }
    const lists = this.readLists(options.lists, 'search');
    this.table.trim();
    const text = q.trim();
    const identifiers: IdentifierValue[] = [];
    const idKey = normaliseIdentifier(text, 'idNumber');
    if (idKey && /\d/.test(idKey)) identifiers.push({ key: idKey, raw: text, prop: 'idNumber' });
    const wallets: WalletValue[] = [];
    const wKey = /\s/.test(text) ? null : walletKey(text);
    if (wKey) wallets.push({ key: wKey, raw: text });
    const subject = new Subject({ id: 'search', schema: options.schema ?? 'Thing', names: [text], weakNames: [], birthDates: [], countries: [], gender: null, identifiers, wallets });
    const pool = Math.min(this.candidates.length, Math.max((limit + offset) * 3, 30));
    const found = this.retrieve(subject, mask, lists, pool);
    const scored: { c: number; score: number }[] = [];
    for (const c of found.candidates) {
      const candidate = this.candidates[c] as Candidate;
      const s = candidate.subject;
      let score: number;
      if (s.wallets.some((w) => w.key === wKey) || s.identifiers.some((i) => i.key === idKey)) score = 1;
      else {
        const readings = subject.readings(s.kind, this.table);
        const strong = bestNamePair(readings, s.readings(s.kind, this.table), this.comparer).score;
        const weak = bestNamePair(readings, s.weakReadings(s.kind, this.table), this.comparer).score * WEAK_ALIAS_WEIGHT;
        score = Math.max(strong, weak);
      }
      if (score >= SEARCH_MIN_SCORE) scored.push({ c, score: round(score) });
    }
    scored.sort(byScoreDescending);
    const entities = scored.map(({ c }) => (this.candidates[c] as Candidate).entity);
    return { results: entities.slice(offset, offset + limit), total: scored.length, facets: searchFacets(entities) };
  }

  /**
   * Any loaded entity by id (targets and their helper entities).
   *
   * @example
   * screener.get('ofac-20157')?.caption; // 'KIM, Jong Un'
   */
  get(id: string): FtmEntity | undefined {
    return this.byId.get(id);
  }

  private retrieve(subject: Subject, mask: number, lists: Uint8Array | null, k: number): { candidates: Int32Array; scores: Float64Array } {
    const readings: NameReading[] = [];
    for (const kind of KINDS_FOR_CLASS[subject.schemaClass]) {
      readings.push(...subject.readings(kind, this.table), ...subject.weakReadings(kind, this.table));
    }
    return this.index.retrieve(readings, subject.identifiers, subject.wallets, mask, lists, k);
  }

  private scoreCandidate(subject: Subject, c: number, algorithm: Algorithm, explain: boolean): Scored {
    const candidate = this.candidates[c] as Candidate;
    if (algorithm === 'ofac') return scoreOfac(subject, candidate.subject, explain, candidate.holder);
    const ctx: ScoringContext = { comparer: this.comparer };
    if (explain) ctx.label = labeller(candidate.entity);
    if (candidate.holder) ctx.holder = candidate.holder;
    return scoreLogic(subject, candidate.subject, ctx, explain);
  }

  private readMatchOptions(options: MatchOptions, source: string): {
    limit: number;
    threshold: number;
    cutoff: number;
    review: number;
    algorithm: Algorithm;
    lists: Uint8Array | null;
  } {
    if (options === null || typeof options !== 'object') throw new InputError(source, 'options must be an object');
    const algorithm = options.algorithm ?? 'logic';
    if (!ALGORITHMS.includes(algorithm)) throw new InputError(source, `unknown algorithm "${String(algorithm)}" (one of: ${ALGORITHMS.join(', ')})`, undefined, 'algorithm');
    const t = thresholdsFor(algorithm);
    const limit = readInt(options.limit, LIMITS.defaultLimit, 1, LIMITS.maxLimit, source, 'limit');
    const threshold = readUnit(options.threshold, t.match, source, 'threshold');
    const cutoff = Math.min(readUnit(options.cutoff, t.review, source, 'cutoff'), threshold);
    return { limit, threshold, cutoff, review: Math.min(t.review, threshold), algorithm, lists: this.readLists(options.lists, source) };
  }

  private readLists(lists: string[] | undefined, source: string): Uint8Array | null {
    if (lists === undefined) return null;
    if (!Array.isArray(lists)) throw new InputError(source, 'lists must be a list of list names', undefined, 'lists');
    const out = new Uint8Array(Math.max(1, this.lists.length));
    for (const name of lists) {
      const i = this.lists.indexOf(name);
      if (i < 0) throw new InputError(source, `list "${name}" is not loaded (loaded: ${this.lists.join(', ') || 'none'})`, undefined, 'lists');
      out[i] = 1;
    }
    return out;
  }
}

function byScoreDescending(a: { score: number }, b: { score: number }): number {
  return b.score - a.score;
}

/** Says which property of the listed entity a name comes from. */
function labeller(entity: { properties: Record<string, string[]> }): (name: string) => string {
  return (name: string): string => {
    const p = entity.properties;
    if (p['name']?.includes(name)) return 'listed name';
    if (p['alias']?.includes(name)) return 'listed alias';
    if (p['previousName']?.includes(name)) return 'former name';
    if (p['weakAlias']?.includes(name)) return 'weak alias';
    return 'listed name';
  };
}

function readInt(value: number | undefined, fallback: number, min: number, max: number, source: string, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(source, `${field} must be a whole number from ${min} to ${max}`, undefined, field);
  }
  return value;
}

function readUnit(value: number | undefined, fallback: number, source: string, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new InputError(source, `${field} must be a number from 0 to 1`, undefined, field);
  }
  return value;
}
