import type { MatchOptions, MatchQuery, MatchResult } from '../screening/types.js';

/** One candidate from the sanctions lists for a record's name or wallet. */
export interface SanctionsHit {
  entityId: string;
  caption: string;
  schema: string;
  score: number;
  /** At or above the screener's match threshold. */
  match: boolean;
  /** Below the match threshold but above the review threshold. */
  review: boolean;
  list?: string;
  entryId?: string;
  programs: string[];
  /** The screener's own explanation of the strongest feature. */
  explanation: string;
}

/** What the sanctions rules ask of the screening engine. */
export interface SanctionsScreen {
  screenPerson(query: { names: string[]; birthDate?: string; nationality?: string }): SanctionsHit[];
  screenWallet(address: string): SanctionsHit[];
  /** Which lists were searched, for the report (e.g. `un_sc@3, us_ofac_sdn@2`). */
  description: string;
}

/** The part of the screening engine's `Screener` the adapter uses. */
export interface MatchingEngine {
  match(query: MatchQuery, options?: MatchOptions): { results: MatchResult[] };
}

/**
 * Adapts the screening engine (`Screener` from src/screening) to the sanctions rules: a person query
 * with every name and alias, the birth date and nationality; a CryptoWallet query by public key.
 * Results below the screener's review threshold are dropped by the screener itself.
 *
 * @example
 * const sanctions = screenerSanctions(screener, 'un_sc@3, us_ofac_sdn@2');
 * sanctions.screenPerson({ names: ['Kim Jong Un'] });
 */
export function screenerSanctions(engine: MatchingEngine, description: string, options: { limit?: number } = {}): SanctionsScreen {
  const limit = options.limit ?? 3;
  const toHits = (results: MatchResult[]): SanctionsHit[] =>
    results.map((r) => {
      const best = Object.values(r.explanations).sort((a, b) => b.score * Math.abs(b.weight) - a.score * Math.abs(a.weight))[0];
      const hit: SanctionsHit = {
        entityId: r.entity.id,
        caption: r.entity.caption ?? r.entity.id,
        schema: r.entity.schema,
        score: r.score,
        match: r.match,
        review: r.review,
        programs: r.entity.provenance?.programs ?? [],
        explanation: best?.detail ?? '',
      };
      if (r.entity.provenance?.list) hit.list = r.entity.provenance.list;
      if (r.entity.provenance?.entryId) hit.entryId = r.entity.provenance.entryId;
      return hit;
    });
  return {
    description,
    screenPerson({ names, birthDate, nationality }) {
      if (!names.length) return [];
      const properties: Record<string, string[]> = { name: names };
      if (birthDate) properties.birthDate = [birthDate];
      if (nationality && /^[a-z]{2}$/.test(nationality)) properties.nationality = [nationality];
      return toHits(engine.match({ schema: 'Person', properties }, { limit }).results);
    },
    screenWallet(address) {
      return toHits(engine.match({ schema: 'CryptoWallet', properties: { publicKey: [address] } }, { limit }).results);
    },
  };
}
