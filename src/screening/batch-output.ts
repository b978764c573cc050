import type { FeatureExplanation } from './types.js';

// What a batch screening writes, shared by `counterflow screen --batch` and the web app's batch page (no
// Node modules here: the browser bundles this file).

/** Columns of the CSV that `screen --batch` writes: one line per result, or one line for a row without results. */
export const BATCH_OUTPUT_COLUMNS = [
  'row',
  'line',
  'id',
  'input_name',
  'rank',
  'score',
  'match',
  'review',
  'entity_id',
  'caption',
  'schema',
  'list',
  'entry_id',
  'explanation',
  'error',
] as const;

/**
 * The explanation sentences that moved the score most (largest |weight × score| first), joined.
 *
 * @example
 * explanationSummary(result, 2); // "query name 'Kim Jong-un' met listed name 'KIM JONG UN' …; birth date 1984 = 1984"
 */
export function explanationSummary(result: { explanations: Readonly<Record<string, FeatureExplanation>> }, max = 3): string {
  return Object.values(result.explanations)
    .sort((a, b) => Math.abs(b.weight * b.score) - Math.abs(a.weight * a.score))
    .slice(0, max)
    .map((e) => e.detail)
    .join('; ');
}

/**
 * One CSV line (RFC 4180 quoting). A text cell starting with `=`, `+`, `-`, `@` or a control
 * character gets a leading apostrophe, so that a spreadsheet shows it instead of running it as a formula.
 *
 * @example
 * csvLine(['1', 'KIM, Jong Un', '=cmd']); // '1,"KIM, Jong Un",\'=cmd'
 */
export function csvLine(cells: readonly string[]): string {
  return cells
    .map((c) => {
      const safe = /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c) ? `'${c}` : c;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}

/** A score as the batch output writes it. */
export function formatScore(score: number): string {
  return score.toFixed(4);
}
