import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../src/lists/source.js';
import { readBatchCsv } from '../../src/screening/batch.js';
import type { MatchQuery, MatchResponse, MatchResultJson } from '../../web/src/api-types.js';
import { readBatchRows } from '../../web/src/lib/batch-input.js';
import { batchChunks, batchOutputCsv, refusedQuery, screenBatch } from '../../web/src/lib/batch-screen.js';
import { parseCsv } from '../../web/src/lib/csv.js';

function hit(id: string, score: number): MatchResultJson {
  return { id, caption: id.toUpperCase(), schema: 'Person', properties: {}, datasets: ['un_sc'], referents: [], target: true, score, match: score >= 0.8, review: score < 0.8, explanations: { name_match: { feature: 'name_match', score, weight: 1, detail: `name ~ ${id}` } }, provenance: { list: 'un_sc', entryId: `E-${id}`, programs: [] } };
}

describe('web batch screening', () => {
  it('reads the rows as `counterflow screen --batch` does (property over generated files)', async () => {
    // Countries are checked by the server when the query arrives (then left out and noted, see below),
    // so the nationality column holds countries here; every other column any value.
    const anyCell = fc.constantFrom('', 'Kim Jong Un', 'SALEK, ABDULHAI', '김정은', '1965', '1984-02-30', 'm', 'Vessel', '0x098b716b8aaf21512996dc57eb0615e2383e2f96', '  spaced   out ', 'a "quoted" word');
    const cellFor = (column: string) => (column === 'nationality' ? fc.constantFrom('', 'kp', 'ru') : anyCell);
    const columns = fc.uniqueArray(fc.constantFrom('full_name', 'first_name', 'last_name', 'date_of_birth', 'gender', 'nationality', 'schema', 'id_number', 'wallet', 'id', 'notes'), { minLength: 1, maxLength: 6 });
    const file = columns.chain((header) => fc.tuple(fc.constant(header), fc.array(fc.tuple(...header.map(cellFor)), { minLength: 1, maxLength: 5 })));
    await fc.assert(
      fc.asyncProperty(file, async ([header, rows]) => {
        const text = [header.join(','), ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n') + '\n';
        const server = await readBatchCsv(memorySource('in.csv', text)).catch((err: Error) => err);
        let web: ReturnType<typeof readBatchRows> | Error;
        try {
          web = readBatchRows(text, 'in.csv');
        } catch (err) {
          web = err as Error;
        }
        if (server instanceof Error || web instanceof Error) {
          // Both refuse the file, at the same line.
          expect(web).toBeInstanceOf(Error);
          expect(server).toBeInstanceOf(Error);
          expect(/in\.csv:\d+/.exec((web as Error).message)?.[0]).toBe(/in\.csv:\d+/.exec((server as Error).message)?.[0]);
          return;
        }
        const shape = (r: { row: number; line: number; id: string; inputName: string; queries: unknown; errors: string[] }) => ({ row: r.row, line: r.line, id: r.id, inputName: r.inputName, queries: r.queries, errors: r.errors });
        expect(web.rows.map(shape)).toEqual(server.rows.map(shape));
      }),
      { numRuns: 80 },
    );
  });

  it('refuses a file without a name column, naming the header line', () => {
    expect(() => readBatchRows('nationality\nkp\n', 'people.csv')).toThrow(/people\.csv:1: missing column/);
    expect(() => readBatchRows('full_name,nationality\n,kp\n', 'people.csv')).toThrow(/people\.csv:2: nothing to screen/);
  });

  it('never puts more than 100 queries in one request and keeps a row together', () => {
    const text = `full_name,wallet\n${Array.from({ length: 130 }, (_, i) => `Person ${i},${i % 2 ? '0x098b716b8aaf21512996dc57eb0615e2383e2f96' : ''}`).join('\n')}\n`;
    const { rows } = readBatchRows(text, 'big.csv');
    const chunks = batchChunks(rows);
    expect(chunks.every((c) => Object.keys(c).length <= 100)).toBe(true);
    expect(chunks.flatMap((c) => Object.keys(c)).length).toBe(rows.reduce((n, r) => n + r.queries.length, 0));
    for (const c of chunks) {
      const rowsIn = new Set(Object.keys(c).map((k) => k.replace(/q\d+$/, '')));
      for (const r of rowsIn) expect(Object.keys(c).filter((k) => k.startsWith(`${r}q`)).length).toBe(rows[Number(r.slice(1)) - 1]!.queries.length);
    }
  });

  it('reads which query and property the server refused', () => {
    expect(refusedQuery('body.queries.r2q0: query (nationality): "Narnia" is not a country we know (use an ISO-3166 code such as kp)')).toEqual({ key: 'r2q0', property: 'nationality', reason: '"Narnia" is not a country we know (use an ISO-3166 code such as kp)' });
    expect(refusedQuery('x', [{ path: 'body.queries.r7q1.properties.gender', message: 'bad' }])?.key).toBe('r7q1');
    expect(refusedQuery('body: at most 100 queries per request')).toBeUndefined();
  });

  it('leaves an unknown country out of its row before sending, notes it, and screens the rest', async () => {
    const { rows } = readBatchRows('id,full_name,nationality\na,Kim Jong Un,Narnia\nb,Jane Roe,kp\n', 'people.csv');
    const sent: Record<string, MatchQuery>[] = [];
    const match = async (queries: Record<string, MatchQuery>): Promise<MatchResponse> => {
      sent.push(structuredClone(queries));
      const bad = Object.entries(queries).find(([, q]) => q.properties.nationality?.includes('Narnia'));
      if (bad) throw Object.assign(new Error(`body.queries.${bad[0]}: query (nationality): "Narnia" is not a country we know`), { status: 400 });
      return { limit: 5, responses: Object.fromEntries(Object.entries(queries).map(([k, q]) => [k, { status: 200, results: q.properties.name?.[0] === 'Kim Jong Un' ? [hit('kim', 0.9), hit('kim2', 0.7)] : [], total: { value: 0, relation: 'eq' }, query: q }])) };
    };
    const progress: number[] = [];
    const out = await screenBatch(rows, match, { limit: 1, onProgress: (d) => progress.push(d) });
    // The browser reads fields by the CLI's rules (src/screening/query-fields.ts): Narnia never reaches the server.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.r1q0!.properties.nationality).toBeUndefined();
    expect(sent[0]!.r2q0!.properties.nationality).toEqual(['kp']);
    expect(out[0]!.row.errors).toEqual([expect.stringMatching(/^nationality.*Narnia.*not a country code or a country name we know; ignored/)]);
    expect(out[0]!.results.map((r) => r.id)).toEqual(['kim']);
    expect(out[1]!.results).toEqual([]);
    expect(progress).toEqual([2]);
    const csv = parseCsv(batchOutputCsv(out), 'out.csv');
    expect(csv[0]!.cells).toEqual(['row', 'line', 'id', 'input_name', 'rank', 'score', 'match', 'review', 'entity_id', 'caption', 'schema', 'list', 'entry_id', 'explanation', 'error']);
    expect(csv.slice(1).map((r) => [r.cells[2], r.cells[4], r.cells[5], r.cells[8]])).toEqual([
      ['a', '1', '0.9000', 'kim'],
      ['b', '', '', ''],
    ]);
  });

  it('stops the batch on a refusal it cannot attribute to one query', async () => {
    const { rows } = readBatchRows('full_name\nKim\n', 'p.csv');
    const failing = async (): Promise<MatchResponse> => {
      throw Object.assign(new Error('the request body is too large'), { status: 413 });
    };
    await expect(screenBatch(rows, failing)).rejects.toThrow('the request body is too large');
  });
});
