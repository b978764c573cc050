import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CounterflowError, InputError } from '../errors.js';
import { findIncidentWithLocal, incidentsWithLocal, localIncidentsPath, readIncidentsFile, readLocalIncidents, registryIncidents, saveLocalIncidents } from './local-incidents.js';
import { DEMO_INCIDENT_FILE, DEMO_INCIDENT_ID } from './paths.js';

const home = () => mkdtempSync(join(tmpdir(), 'cf-local-incidents-'));

describe('incidents recorded in a home directory', () => {
  it('are found beside the registry once saved, and replaced by id', () => {
    const h = home();
    expect(readLocalIncidents(h)).toEqual([]);
    expect(() => findIncidentWithLocal(h, DEMO_INCIDENT_ID)).toThrow(/unknown incident "demo-bybit-like-2025"; known: bybit-2025/);
    const [demo] = readIncidentsFile(DEMO_INCIDENT_FILE);
    saveLocalIncidents(h, [demo!]);
    saveLocalIncidents(h, [{ ...demo!, name: 'renamed' }]);
    expect(readLocalIncidents(h).map((i) => [i.id, i.name])).toEqual([[DEMO_INCIDENT_ID, 'renamed']]);
    expect(findIncidentWithLocal(h, 'bybit-2025').date).toBe('2025-02-21');
    expect(incidentsWithLocal(h).map((i) => i.id)).toEqual([...registryIncidents().map((i) => i.id), DEMO_INCIDENT_ID]);
  });

  it('never shadow a registry incident', () => {
    const [demo] = readIncidentsFile(DEMO_INCIDENT_FILE);
    expect(() => saveLocalIncidents(home(), [{ ...demo!, id: 'bybit-2025' }])).toThrow(CounterflowError);
  });

  it('are refused with the file and field named when the file is malformed', () => {
    const h = home();
    saveLocalIncidents(h, readIncidentsFile(DEMO_INCIDENT_FILE));
    const file = localIncidentsPath(h);
    const data = JSON.parse(JSON.stringify({ incidents: readLocalIncidents(h) })) as { incidents: { date: string }[] };
    data.incidents[0]!.date = '12 May 2025';
    writeFileSync(file, JSON.stringify(data));
    expect(() => readLocalIncidents(h)).toThrow(`${file} (incidents[0].date): YYYY-MM-DD`);
    writeFileSync(file, '{"incidents": [');
    expect(() => readLocalIncidents(h)).toThrow(InputError);
  });

  it('read any file content as incidents or an InputError, never anything else', () => {
    const dir = home();
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ incidents: [v] }))), (text) => {
        const file = join(dir, 'incidents.json');
        writeFileSync(file, text);
        try {
          expect(Array.isArray(readIncidentsFile(file))).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
