import { describe, expect, it } from 'vitest';
import type { FtmEntity } from '../ftm/entity.js';
import { computeListStats } from './stats.js';

const e = (id: string, schema: string, entryId: string, programs: string[], target: boolean): FtmEntity => ({
  id,
  schema,
  properties: {},
  datasets: ['t'],
  target,
  provenance: { list: 't', entryId, programs },
});

describe('computeListStats', () => {
  it('counts every entity per schema but each listed entry once per programme and regime', () => {
    const stats = computeListStats([
      e('p1', 'Person', '1', ['DPRK3', 'CYBER2'], true),
      e('p1-wallet', 'CryptoWallet', '1', ['DPRK3', 'CYBER2'], true),
      e('p1-sanction', 'Sanction', '1', ['DPRK3', 'CYBER2'], false),
      e('p2', 'Vessel', '2', ['DPRK2'], true),
      e('p3', 'Person', '3', ['SDGT'], true),
    ]);
    expect(stats.bySchema).toEqual({ Person: 2, CryptoWallet: 1, Sanction: 1, Vessel: 1 });
    expect(stats.byProgram).toEqual({ DPRK3: 1, CYBER2: 1, DPRK2: 1, SDGT: 1 });
    expect(stats.byRegime).toEqual({ DPRK: 2 });
  });
});

describe('computeListStats with programme names spelled like Object members', () => {
  it('counts them as own entries, none lost', () => {
    const names = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];
    const stats = computeListStats(names.map((p, i) => e(`p${i}`, 'Person', String(i), [p], true)));
    expect(Object.keys(stats.byProgram).sort()).toEqual([...names].sort());
    for (const p of names) expect(Object.getOwnPropertyDescriptor(stats.byProgram, p)?.value).toBe(1);
    expect(Object.getPrototypeOf(stats.byProgram)).toBe(Object.prototype);
  });
});
