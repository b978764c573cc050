import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { matchResultJson } from '../../api/match/result-json.js';
import { CounterflowError, InputError } from '../../errors.js';
import { fileSource } from '../../lists/source.js';
import { BATCH_OUTPUT_COLUMNS, batchCsvLines, csvLine, formatScore, readBatchCsv, screenBatchRow, type BatchRow } from '../../screening/batch.js';
import { MATCH_THRESHOLD, OFAC_MATCH_THRESHOLD, thresholdsFor, type Screener } from '../../screening/index.js';
import { loadScreener } from '../../screening/load-screener.js';
import { looksLikeWalletAddress, queriesFromFields, SCREEN_SCHEMAS, screenSchema, type ScreenFields } from '../../screening/query-fields.js';
import type { Algorithm, MatchOptions, MatchQuery, MatchResult } from '../../screening/types.js';
import type { Store } from '../../store/store.js';
import type { WithStore } from '../context.js';
import { countProgressBar, printJson, type CliIo } from '../io.js';
import { algorithmOption, numberOption } from './options.js';

interface ScreenOptions {
  schema?: string;
  birthDate?: string;
  nationality?: string;
  id?: string;
  limit: number;
  threshold?: number;
  algorithm: Algorithm;
  list?: string[];
  batch?: string;
  out?: string;
  json?: boolean;
}

export function registerScreenCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('screen')
    .description('Screen a name, identifier or wallet (or a batch CSV file) against every loaded list, with explanations')
    .argument('[name]', 'name to screen (a crypto address is screened as a wallet)')
    .option('--schema <schema>', `what NAME is: ${SCREEN_SCHEMAS.join(', ')} (default: Person when person details are given, CryptoWallet for an address, else LegalEntity; with --batch: the schema of rows without one)`)
    .option('--birth-date <date>', 'birth date: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--nationality <cc>', 'country code or name (nationality of a person, country of an organisation, flag of a vessel)')
    .option('--id <number>', 'passport or national id, registration, IMO or MMSI number, or wallet address')
    .option('--limit <n>', 'results per query (1-500)', numberOption(1, 500, true), 5)
    .option('--threshold <t>', `score at or above which a result is a match (default ${MATCH_THRESHOLD}, ${OFAC_MATCH_THRESHOLD} with --algorithm ofac)`, numberOption(0, 1))
    .option('--algorithm <a>', 'scorer: logic, or ofac (emulates OFAC Sanctions List Search)', algorithmOption, 'logic')
    .option('--list <names...>', 'screen only against these lists (default: all loaded)')
    .option('--batch <file>', 'screen every row of a CSV file (columns: see docs/screen.md)')
    .option('--out <file>', 'with --batch: write the results CSV here (default: stdout)')
    .option('--json', 'print as JSON')
    .action((name: string | undefined, opts: ScreenOptions) =>
      withStore(async (store) => {
        if (opts.batch) {
          if (name) throw new CounterflowError('give either a NAME or --batch FILE, not both');
          if (opts.birthDate || opts.nationality || opts.id) throw new CounterflowError('--birth-date, --nationality and --id describe one NAME; in a batch they are columns of the file');
          if (opts.out && opts.json) throw new CounterflowError('give --out FILE (CSV) or --json, not both');
        } else {
          if (!name && !opts.id) throw new CounterflowError('nothing to screen: give a NAME, --id NUMBER or --batch FILE');
          if (opts.out) throw new CounterflowError('--out is for --batch; a single NAME prints its results');
        }
        if (opts.schema && !screenSchema(opts.schema)) throw new CounterflowError(`unknown schema "${opts.schema}"; use one of ${SCREEN_SCHEMAS.join(', ')}`);
        const options = matchOptions(opts);
        if (opts.batch) {
          const input = await readBatchCsv(fileSource(opts.batch), { defaultSchema: opts.schema });
          await checkLists(store, opts.list);
          const { screener } = await loadScreener(store, { requireLists: true });
          return screenBatch(io, screener, input, options, opts);
        }
        const query = singleQuery(name ?? '', opts);
        await checkLists(store, opts.list);
        const { screener } = await loadScreener(store, { requireLists: true });
        const { results, total } = screener.match(query, options);
        const threshold = options.threshold ?? thresholdsFor(opts.algorithm).match;
        if (opts.json) return printJson(io, { query, algorithm: options.algorithm, threshold, total, results: results.map(matchResultJson) });
        io.out(renderResults(query, results, threshold, opts.algorithm, screener));
      }),
    );
}

function matchOptions(opts: ScreenOptions): MatchOptions {
  const options: MatchOptions = { limit: opts.limit, algorithm: opts.algorithm };
  if (opts.threshold !== undefined) options.threshold = opts.threshold;
  if (opts.list?.length) options.lists = opts.list;
  return options;
}

/** Checks --list names against the store before the (slower) index is built. */
async function checkLists(store: Store, lists: string[] | undefined): Promise<void> {
  if (!lists?.length) return;
  const loaded = (await store.activeVersions()).map((v) => v.list);
  const unknown = lists.filter((l) => !loaded.includes(l));
  if (unknown.length) throw new CounterflowError(`no loaded list "${unknown.join('", "')}"; loaded: ${loaded.join(', ') || 'none'}`);
}

/** The one query for NAME and its flags; any flag value that cannot be used is an error here. */
function singleQuery(name: string, opts: ScreenOptions): MatchQuery {
  const fields: ScreenFields = { schema: opts.schema, birthDate: opts.birthDate, nationality: opts.nationality, idNumber: opts.id };
  if (screenSchema(opts.schema ?? '') === 'CryptoWallet' || (!opts.schema && looksLikeWalletAddress(name))) fields.wallet = name;
  else fields.name = name;
  const { queries, problems } = queriesFromFields(fields);
  const flag: Record<string, string> = { schema: '--schema', birthDate: '--birth-date', nationality: '--nationality', idNumber: '--id' };
  const first = problems[0];
  if (first) throw new CounterflowError(`${flag[first.field] ?? first.field} "${first.value}": ${first.problem.replace(/; ignored$/, '')}`);
  const query = queries[0];
  if (!query) throw new CounterflowError('nothing to screen: give a NAME, --id NUMBER or --batch FILE');
  return query;
}

function renderResults(query: MatchQuery, results: MatchResult[], threshold: number, algorithm: Algorithm, screener: Screener): string {
  const described = Object.entries(query.properties)
    .map(([prop, values]) => `${prop} ${values.join(' | ')}`)
    .join(', ');
  const lines = [`${query.schema}: ${described}`, `screened against ${screener.info.lists.join(', ')} (algorithm ${algorithm}, match at ${threshold})`, ''];
  if (results.length === 0) lines.push('No results above the review cutoff.');
  results.forEach((r, i) => {
    const marker = r.match ? 'MATCH ' : r.review ? 'review' : '      ';
    const p = r.entity.provenance;
    const source = p ? `${p.list} ${p.entryId}` : r.entity.datasets.join(' ');
    lines.push(`${String(i + 1).padStart(2)}. ${formatScore(r.score)}  ${marker}  ${r.entity.caption ?? r.entity.id}  [${r.entity.schema}]  ${source}  (${r.entity.id})`);
    if (p?.programs.length) lines.push(`      programmes: ${p.programs.join(', ')}`);
    for (const e of Object.values(r.explanations)) lines.push(`      - ${e.detail}`);
  });
  const matches = results.filter((r) => r.match).length;
  if (results.length) lines.push('', `${matches} match${matches === 1 ? '' : 'es'}, ${results.filter((r) => r.review).length} to review`);
  return lines.join('\n');
}

async function screenBatch(
  io: CliIo,
  screener: Screener,
  input: Awaited<ReturnType<typeof readBatchCsv>>,
  options: MatchOptions,
  opts: ScreenOptions,
): Promise<void> {
  for (const w of input.warnings) io.err(`warning: ${w}`);
  const started = performance.now();
  const bar = countProgressBar(io, `screening ${input.rows.length} rows`, input.rows.length);
  const csv = [csvLine(BATCH_OUTPUT_COLUMNS)];
  const records = [];
  let matched = 0;
  let review = 0;
  let withErrors = 0;
  try {
    for (const row of input.rows) {
      const results = screenRow(screener, row, options, opts.batch ?? '');
      if (results.some((r) => r.match)) matched++;
      else if (results.some((r) => r.review)) review++;
      if (row.errors.length) withErrors++;
      if (opts.json) {
        records.push({ row: row.row, line: row.line, id: row.id, input_name: row.inputName, queries: row.queries, errors: row.errors, results: results.map(matchResultJson) });
      } else csv.push(...batchCsvLines(row, results));
      bar?.tick();
    }
  } finally {
    bar?.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const summary = { rows: input.rows.length, matched, review, withErrors, seconds: Number(seconds.toFixed(3)) };
  if (opts.json) printJson(io, { algorithm: options.algorithm, threshold: options.threshold ?? thresholdsFor(opts.algorithm).match, lists: options.lists ?? screener.info.lists, summary, rows: records });
  else if (opts.out) writeAtomically(opts.out, `${csv.join('\n')}\n`);
  else io.out(csv.join('\n'));
  io.err(
    `screened ${summary.rows} rows in ${seconds.toFixed(1)} s: ${matched} with a match, ${review} more to review${withErrors ? `, ${withErrors} with input problems (see the error column)` : ''}${opts.out ? `; wrote ${opts.out}` : ''}`,
  );
}

/** One batch row; a value the engine refuses stops the batch with the file and line of the row. */
function screenRow(screener: Screener, row: BatchRow, options: MatchOptions, file: string): MatchResult[] {
  try {
    return screenBatchRow(screener, row, options);
  } catch (err) {
    if (err instanceof CounterflowError) throw new InputError(file, err.message, row.line);
    throw err;
  }
}

/** Writes beside the target and renames, so that OUT.csv is either complete or not there. */
function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CounterflowError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
