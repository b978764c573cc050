import type { Command } from 'commander';
import { fileSource } from '../../lists/source.js';
import { formatScore } from '../../screening/batch.js';
import { MATCH_THRESHOLD, OFAC_MATCH_THRESHOLD, Screener, thresholdsFor } from '../../screening/index.js';
import { readPairsCsv, type NamePair } from '../../screening/pairs-csv.js';
import type { Algorithm } from '../../screening/types.js';
import { bestF1Threshold, metricsAt, type LabelledScore } from '../../screening/validation-metrics.js';
import { printJson, table, type CliIo } from '../io.js';
import { algorithmOption, numberOption } from './options.js';

interface CompareOptions {
  pairs: string;
  threshold?: number;
  algorithm: Algorithm;
  json?: boolean;
}

export function registerCompareCommand(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('Model validation: score name pairs; with labels, precision, recall, F1 and the F1-maximising threshold')
    .requiredOption('--pairs <file>', 'CSV with columns schema,name1,name2 and optionally is_match (true/false, 1/0, yes/no)')
    .option('--threshold <t>', `score at or above which a pair is a match (default ${MATCH_THRESHOLD}, ${OFAC_MATCH_THRESHOLD} with --algorithm ofac)`, numberOption(0, 1))
    .option('--algorithm <a>', 'scorer: logic, or ofac', algorithmOption, 'logic')
    .option('--json', 'print one JSON object: pairs, precision, recall, f1, threshold, confusion, best_threshold')
    .action(async (opts: CompareOptions) => {
      const { pairs, labelled } = await readPairsCsv(fileSource(opts.pairs));
      const threshold = opts.threshold ?? thresholdsFor(opts.algorithm).match;
      // Pairs are scored against each other; no list is involved, so the index stays empty.
      const screener = Screener.build([]);
      const scored = pairs.map((p) => ({ ...p, score: scorePair(screener, p, opts.algorithm) }));
      const labels: LabelledScore[] = labelled ? scored.map((p) => ({ score: p.score, isMatch: p.isMatch === true })) : [];
      const metrics = labelled ? metricsAt(labels, threshold) : null;
      const best = labelled ? bestF1Threshold(labels) : null;
      const report = {
        algorithm: opts.algorithm,
        threshold,
        pairs: scored.map((p) => ({
          line: p.line,
          schema: p.schema,
          name1: p.name1,
          name2: p.name2,
          score: p.score,
          match: p.score >= threshold,
          ...(p.isMatch === undefined ? {} : { is_match: p.isMatch }),
        })),
        precision: metrics?.precision ?? null,
        recall: metrics?.recall ?? null,
        f1: metrics?.f1 ?? null,
        confusion: metrics?.confusion ?? null,
        best_threshold: best ? { threshold: best.threshold, f1: best.f1 } : null,
      };
      if (opts.json) return printJson(io, report);

      io.out(
        table([
          ['line', 'schema', 'score', 'match', ...(labelled ? ['label', 'outcome'] : []), 'name1', 'name2'],
          ...report.pairs.map((p) => [
            p.line,
            p.schema,
            formatScore(p.score),
            p.match ? 'yes' : 'no',
            ...(labelled ? [p.is_match ? 'match' : 'non-match', outcome(p.match, p.is_match === true)] : []),
            p.name1,
            p.name2,
          ]),
        ]),
      );
      io.out(`\n${pairs.length} pair${pairs.length === 1 ? '' : 's'} scored with ${opts.algorithm}; match at ${threshold}`);
      if (!metrics || !best) {
        io.out('No is_match column: add one (true/false) to get precision, recall and F1.');
        return;
      }
      const c = metrics.confusion;
      io.out(`precision ${metrics.precision.toFixed(4)}  recall ${metrics.recall.toFixed(4)}  F1 ${metrics.f1.toFixed(4)}`);
      io.out(`confusion: tp ${c.tp}  fp ${c.fp}  tn ${c.tn}  fn ${c.fn}`);
      io.out(`best F1 ${best.f1.toFixed(4)} at threshold ${formatScore(best.threshold)}`);
    });
}

function scorePair(screener: Screener, p: NamePair, algorithm: Algorithm): number {
  const left = { schema: p.schema, properties: { name: [p.name1] } };
  const right = { schema: p.schema, properties: { name: [p.name2] } };
  return screener.compare(left, right, algorithm).score;
}

function outcome(predicted: boolean, actual: boolean): string {
  if (predicted) return actual ? 'tp' : 'fp';
  return actual ? 'fn' : 'tn';
}
