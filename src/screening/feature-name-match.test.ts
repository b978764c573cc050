import { describe, expect, it } from 'vitest';
import { bestNamePair, nameMatchFeature } from './feature-name-match.js';
import { nameReadings } from './name-readings.js';
import { TokenComparer } from './token-similarity.js';
import { TokenTable } from './token-table.js';

const table = new TokenTable();
const comparer = new TokenComparer(table);
const readings = (...names: string[]) => names.flatMap((n) => nameReadings(n, 'person', table));

describe('nameMatchFeature', () => {
  it('takes the best pair over all names and aliases, and says which met which', () => {
    const listed = readings('RI PYONG CHUL', 'Ri Pyo’ng-ch’o’l', 'Ri Pyong Chol');
    const r = nameMatchFeature(readings('리병철'), listed, comparer, true, (n) => (n === 'RI PYONG CHUL' ? 'listed name' : 'listed alias'));
    expect(r.score).toBe(1);
    expect(r.query).toBe('리병철');
    expect(r.detail).toMatch(/^query name '리병철' met listed alias/);
    expect(r.detail).toMatch(/romanised \(DPRK scheme\) as Ri Pyong Chol/);
  });

  it('finds a Chinese-reading alias through the Han characters', () => {
    const r = nameMatchFeature(readings('金铁三'), readings('KIM CHOL SAM', 'Jin Tiesan (金铁三)'), comparer, true);
    expect(r.score).toBe(1);
  });

  it('leaves the explanation empty in the ranking pass', () => {
    const r = nameMatchFeature(readings('Kim Jong Un'), readings('KIM, Jong Un'), comparer, false);
    expect(r.score).toBe(1);
    expect(r.detail).toBe('');
  });

  it('scores 0 without names', () => {
    expect(nameMatchFeature([], readings('KIM, Jong Un'), comparer, true).score).toBe(0);
    expect(bestNamePair(readings('x'), [], comparer).candidate).toBeNull();
  });
});
