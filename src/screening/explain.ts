/**
 * Sentences a reviewer can accept: which query name met which listed name, part by part, which
 * variant or transliteration rule made two parts equal, and which parts were left over.
 *
 * Example:
 *   query name '김정은' met listed name 'KIM, Jong Un' (query Hangul 김정은 romanised (DPRK scheme)
 *   as Kim Jong Un): KIM = KIM (family name); JONG = JONG; UN = UN
 *   query name 'Kim Jong Il' met listed name 'KIM, Jong Un': KIM = KIM (family name);
 *   JONG = JONG; query part IL has no counterpart (IL and UN are different Korean syllables);
 *   listed part UN is missing from the query
 */
import type { Alignment, AlignedPart } from './name-alignment.js';
import type { NameReading } from './name-readings.js';
import type { TokenRule } from './token-similarity.js';
import type { TokenTable } from './token-table.js';

/** Says what a listed name is ("listed name", "alias", "former name", "weak alias"). */
export type NameLabeller = (name: string) => string;

const RULE_TEXT: Readonly<Record<TokenRule, string>> = {
  exact: '',
  number: 'different numbers',
  particle: 'the same name particle',
  'korean-surname': 'one Korean family name',
  'korean-syllable': 'the same Korean syllable in another romanisation',
  'korean-different': 'different Korean syllables',
  'doubled-letter': 'a doubled letter',
  transposition: 'two letters swapped',
  spelling: 'a spelling variant',
  phonetic: 'they sound alike',
  joined: 'written joined',
  none: '',
};

/**
 * One aligned part as text: `JUNG ~ JONG (the same Korean syllable in another romanisation)`.
 *
 * @example
 * describePart(part, query, listed, table); // 'LEE ~ RI (one Korean family name 리)'
 */
export function describePart(part: AlignedPart, q: NameReading, c: NameReading, table: TokenTable): string {
  const qText = part.query.map((i) => tokenText(q, i, table)).join(' + ');
  const cText = part.candidate.map((j) => tokenText(c, j, table)).join(' + ');
  const family = part.candidate.some((j) => c.family[j]) ? 'family name' : '';
  if (part.rule === 'exact') return `${qText} = ${cText}${family ? ` (${family})` : ''}`;
  let why = RULE_TEXT[part.rule];
  if (part.rule === 'korean-surname') {
    const id = table.info(c.tokens[part.candidate[0] ?? 0] ?? 0).family;
    if (id) why += ` ${id}`;
  }
  if (part.rule === 'spelling') why += `, ${part.score >= 0.9 ? 'one letter differs' : 'two or three letters differ'}`;
  const sign = part.rule === 'joined' ? '=' : '~';
  const notes = [why, family].filter(Boolean).join('; ');
  return `${qText} ${sign} ${cText} (${notes})`;
}

/**
 * The full sentence for a name alignment.
 *
 * @example
 * describeNameMatch(alignment, queryReading, listedReading, table, (n) => 'alias');
 */
export function describeNameMatch(al: Alignment, q: NameReading, c: NameReading, table: TokenTable, label?: NameLabeller): string {
  const what = label ? label(c.name) : 'listed name';
  const via: string[] = [];
  if (q.via) via.push(`query ${q.via}`);
  if (c.via) via.push(`listed ${c.via}`);
  let text = `query name '${q.name}' met ${what} '${c.name}'`;
  if (via.length) text += ` (${via.join('; ')})`;
  const parts = al.parts.map((p) => describePart(p, q, c, table));
  for (const i of al.extraQuery) {
    const t = tokenText(q, i, table);
    const clash = al.extraCandidate.find((j) => table.info(c.tokens[j] ?? 0).syllable !== null && table.info(q.tokens[i] ?? 0).syllable !== null);
    parts.push(
      clash !== undefined
        ? `query part ${t} has no counterpart (${t} and ${tokenText(c, clash, table)} are different Korean syllables)`
        : `query part ${t} has no counterpart`,
    );
  }
  for (const j of al.extraCandidate) parts.push(`listed part ${tokenText(c, j, table)} is missing from the query`);
  if (parts.length) text += `: ${parts.join('; ')}`;
  if (al.spacing) text += '; the same letters spaced differently';
  if (al.syllableOrder) text += '; the given-name syllables are in another order, which makes another Korean given name (score × 0.65)';
  if (al.capped === 'generic-only') text += '; only generic words or legal forms in common, so the score is capped at 0.50';
  return text;
}

function tokenText(r: NameReading, i: number, table: TokenTable): string {
  return table.info(r.tokens[i] ?? 0).text.toUpperCase();
}

/**
 * A signed weight as text: `+0.85`, `−0.20`.
 *
 * @example
 * formatWeight(-0.2); // '−0.20'
 */
export function formatWeight(weight: number): string {
  return `${weight < 0 ? '−' : '+'}${Math.abs(weight).toFixed(2)}`;
}
