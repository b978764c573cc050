import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../src/ftm/entity.js';
import { parseUnXml } from '../src/lists/un/parse-un-xml.js';
import { fileSource } from '../src/lists/source.js';
import { normaliseText } from '../src/names/index.js';
import { Screener } from '../src/screening/index.js';

// The 683 UN-listed persons of yente's candidate-generation benchmark, perturbed (typos, order,
// dates, nationalities), screened against the UN list they come from. The expected entity of a row
// is the one whose name or alias is the row's unperturbed twin (positives_un_untreated.csv), the
// birth date telling apart the few names listed twice.
const SHARED = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const UN_XML = `${SHARED}lists/un/UN_consolidated_2026-02-27.xml`;

type Row = Record<'full_name' | 'date_of_birth' | 'nationality', string>;

function readRows(file: string): Row[] {
  return parse(readFileSync(`${SHARED}names/${file}`, 'utf8'), { columns: true }) as Row[];
}

function truthIndex(entities: FtmEntity[]): Map<string, FtmEntity[]> {
  const index = new Map<string, FtmEntity[]>();
  for (const e of entities) {
    if (!e.target || e.schema !== 'Person') continue;
    for (const prop of ['name', 'alias', 'weakAlias', 'previousName']) {
      for (const name of e.properties[prop] ?? []) {
        const key = normaliseText(name);
        const list = index.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        index.set(key, list);
      }
    }
  }
  return index;
}

describe.skipIf(!existsSync(SHARED))('recall@5 on positives_un_treated.csv against the UN list', () => {
  it('finds ≥ 98% of the listed persons with match=true in the top 5, ≥ 99% of the DPRK ones', async () => {
    const un = await parseUnXml([fileSource(UN_XML)], {});
    const screener = Screener.build(un.entities);
    const treated = readRows('positives_un_treated.csv');
    const untreated = readRows('positives_un_untreated.csv');
    expect(treated).toHaveLength(683);
    expect(untreated).toHaveLength(treated.length);
    const truth = truthIndex(un.entities);

    const tally = { all: { rows: 0, found: 0 }, kp: { rows: 0, found: 0 } };
    const notListed: string[] = [];
    const missed: string[] = [];
    treated.forEach((row, i) => {
      const twin = untreated[i] as Row;
      let expected = truth.get(normaliseText(twin.full_name)) ?? [];
      if (expected.length > 1 && twin.date_of_birth) {
        const byDate = expected.filter((e) => (e.properties['birthDate'] ?? []).some((d) => d.startsWith(twin.date_of_birth)));
        if (byDate.length) expected = byDate;
      }
      if (expected.length === 0) {
        notListed.push(twin.full_name);
        return;
      }
      const properties: Record<string, string[]> = { name: [row.full_name] };
      if (row.date_of_birth) properties['birthDate'] = [row.date_of_birth];
      if (row.nationality) properties['nationality'] = [row.nationality];
      const { results } = screener.match({ schema: 'Person', properties }, { limit: 5 });
      const found = results.some((r) => r.match && expected.includes(r.entity));
      for (const group of twin.nationality === 'kp' ? [tally.all, tally.kp] : [tally.all]) {
        group.rows++;
        if (found) group.found++;
      }
      if (!found) missed.push(`${row.full_name} (expected ${expected.map((e) => e.caption).join(' / ')}; got ${results.map((r) => `${r.entity.caption} ${r.score}`).join(', ') || 'nothing'})`);
    });
    const recall = tally.all.found / tally.all.rows;
    const recallKp = tally.kp.found / tally.kp.rows;
    console.log(
      `recall@5 (match=true): ${tally.all.found}/${tally.all.rows} = ${recall.toFixed(4)}; nationality kp: ${tally.kp.found}/${tally.kp.rows} = ${recallKp.toFixed(4)}; ` +
        `not on the 2026 list (excluded): ${notListed.length} (${notListed.join('; ')})${missed.length ? `\nmissed: ${missed.join('\n        ')}` : ''}`,
    );
    expect(notListed.length).toBeLessThanOrEqual(5);
    expect(tally.kp.rows).toBeGreaterThanOrEqual(75);
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(recallKp).toBeGreaterThanOrEqual(0.99);
  });
});
