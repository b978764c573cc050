import { BATCH_OUTPUT_COLUMNS, csvLine, explanationSummary, formatScore } from '../../../src/screening/batch-output.js';
import type { MatchQuery, MatchResponse, MatchResultJson } from '../api-types.js';
import type { BatchRow } from './batch-input.js';

export { explanationSummary };

/** Most queries per `/match` request (the server's limit). */
export const MAX_QUERIES_PER_REQUEST = 100;

export interface RowResults {
  row: BatchRow;
  /** Best first, merged across the row's queries (best score per entity), cut to the limit. */
  results: MatchResultJson[];
}

type MatchFn = (queries: Record<string, MatchQuery>, signal?: AbortSignal) => Promise<MatchResponse>;

/**
 * Splits the rows' queries into requests of at most `max` queries, keeping a row's queries (name and
 * wallet) together. Keys are `r<row>q<n>`.
 *
 * @example
 * batchChunks(rows).map((c) => Object.keys(c).length); // [100, 100, 37]
 */
export function batchChunks(rows: readonly BatchRow[], max = MAX_QUERIES_PER_REQUEST): Record<string, MatchQuery>[] {
  const chunks: Record<string, MatchQuery>[] = [];
  let current: Record<string, MatchQuery> = {};
  let size = 0;
  for (const row of rows) {
    if (size > 0 && size + row.queries.length > max) {
      chunks.push(current);
      current = {};
      size = 0;
    }
    row.queries.forEach((q, i) => (current[`r${row.row}q${i}`] = q));
    size += row.queries.length;
  }
  if (size > 0) chunks.push(current);
  return chunks;
}

/**
 * A query the server refused, read from its 400 message (`body.queries.r3q0: query (nationality): …`)
 * or zod details (`body.queries.r3q0.properties.gender`): the query key, the property when named, and
 * the reason.
 *
 * @example
 * refusedQuery('body.queries.r2q0: query (nationality): "Narnia" is not a country we know');
 * // { key: 'r2q0', property: 'nationality', reason: '"Narnia" is not a country we know' }
 */
export function refusedQuery(message: string, details?: unknown): { key: string; property?: string; reason: string } | undefined {
  const detailPath = Array.isArray(details) ? (details as { path?: unknown }[]).map((d) => d.path).find((p): p is string => typeof p === 'string' && p.startsWith('body.queries.')) : undefined;
  const fromDetails = detailPath ? /^body\.queries\.(r\d+q\d+)(?:\.properties\.([A-Za-z]+))?/.exec(detailPath) : null;
  const fromMessage = /body\.queries\.(r\d+q\d+)(?:\.properties\.([A-Za-z]+))?[:.]?\s*(?:[^()]*\(([A-Za-z]+)\))?:?\s*(.*)$/.exec(message);
  const key = fromDetails?.[1] ?? fromMessage?.[1];
  if (!key) return undefined;
  const property = fromDetails?.[2] ?? fromMessage?.[2] ?? fromMessage?.[3];
  const reason = (fromMessage?.[4] ?? message).trim() || message;
  return property ? { key, property, reason } : { key, reason };
}

/**
 * Screens the rows in requests of at most 100 queries. A value the server refuses (an unknown country)
 * does not stop the batch: it is left out of that query, noted in the row's errors, and the request is
 * sent again — as `counterflow screen --batch` treats a bad value in a good row.
 *
 * @example
 * const out = await screenBatch(rows, (q) => api.match(q, { limit: 5 }), { limit: 5, onProgress: (d, t) => … });
 */
export async function screenBatch(
  rows: readonly BatchRow[],
  match: MatchFn,
  o: { limit?: number; onProgress?: (doneRows: number, totalRows: number) => void; signal?: AbortSignal } = {},
): Promise<RowResults[]> {
  const limit = o.limit ?? 5;
  const byRow = new Map<number, BatchRow>(rows.map((r) => [r.row, { ...r, errors: [...r.errors], queries: r.queries.map((q) => ({ schema: q.schema, properties: { ...q.properties } })) }]));
  const results = new Map<number, Map<string, MatchResultJson>>();
  let done = 0;
  for (const chunk of batchChunks([...byRow.values()])) {
    const queries = { ...chunk };
    let answer: MatchResponse | undefined;
    for (let attempt = 0; !answer; attempt++) {
      try {
        answer = await match(queries, o.signal);
      } catch (err) {
        const e = err as { status?: number; message?: string; details?: unknown };
        const refused = e.status === 400 && attempt < 200 ? refusedQuery(e.message ?? '', e.details) : undefined;
        const query = refused ? queries[refused.key] : undefined;
        if (!refused || !query) throw err;
        const row = byRow.get(Number(/^r(\d+)/.exec(refused.key)![1]))!;
        const props = new Map(Object.entries(query.properties));
        if (refused.property && props.has(refused.property) && props.size > 1) {
          const value = props.get(refused.property)!.join('; ');
          row.errors.push(`${refused.property}: ${refused.reason.includes(`"${value}"`) ? refused.reason : `"${value}" ${refused.reason}`}; ignored`);
          props.delete(refused.property);
          queries[refused.key] = { schema: query.schema, properties: Object.fromEntries(props) };
        } else {
          row.errors.push(`query not screened: ${refused.reason}`);
          delete queries[refused.key];
          if (Object.keys(queries).length === 0) answer = { responses: {}, limit };
        }
      }
    }
    for (const [key, response] of Object.entries(answer.responses)) {
      const rowNo = Number(/^r(\d+)/.exec(key)?.[1]);
      const best = results.get(rowNo) ?? new Map<string, MatchResultJson>();
      for (const r of response.results) {
        const seen = best.get(r.id);
        if (!seen || r.score > seen.score) best.set(r.id, r);
      }
      results.set(rowNo, best);
    }
    done += new Set(Object.keys(chunk).map((k) => /^r(\d+)/.exec(k)![1])).size;
    o.onProgress?.(done, rows.length);
  }
  return [...byRow.values()].map((row) => ({ row, results: [...(results.get(row.row)?.values() ?? [])].sort((a, b) => b.score - a.score).slice(0, limit) }));
}


/**
 * The batch output as CSV text: a header, then one line per result, or one line with empty result
 * columns for a row without results, so that every input row appears.
 *
 * @example
 * download(batchOutputCsv(results), 'hits.csv');
 */
export function batchOutputCsv(rows: readonly RowResults[]): string {
  const lines = [csvLine(BATCH_OUTPUT_COLUMNS)];
  for (const { row, results } of rows) {
    const base = [String(row.row), String(row.line), row.id, row.inputName];
    const error = row.errors.join('; ');
    if (results.length === 0) lines.push(csvLine([...base, '', '', '', '', '', '', '', '', '', '', error]));
    results.forEach((r, i) => {
      lines.push(
        csvLine([
          ...base,
          String(i + 1),
          formatScore(r.score),
          String(r.match),
          String(r.review),
          r.id,
          r.caption,
          r.schema,
          r.provenance?.list ?? r.datasets.join(' '),
          r.provenance?.entryId ?? '',
          explanationSummary(r),
          error,
        ]),
      );
    });
  }
  return `${lines.join('\n')}\n`;
}
