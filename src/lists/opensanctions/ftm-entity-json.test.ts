import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { readFtmEntity } from './ftm-entity-json.js';

const WHERE = { file: 'e.json', line: 7 };

function refusal(raw: unknown): InputError {
  try {
    readFtmEntity(raw, WHERE, 'x');
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('readFtmEntity', () => {
  it('keeps the official entry, programmes and source named in a Counterflow provenance object', () => {
    const read = readFtmEntity(
      {
        id: 'demo-lazarus',
        schema: 'Organization',
        properties: { name: ['LAZARUS GROUP'] },
        provenance: { list: 'ignored', entryId: '24985', programs: ['DPRK3', 'CYBER2'], listingDate: '2019-09-13', sourceUrl: 'https://ofac.example/sdn', file: 'ignored' },
      },
      WHERE,
      'demo',
    );
    expect(read.entities[0]?.entity.provenance).toEqual({
      list: 'demo',
      entryId: '24985',
      programs: ['DPRK3', 'CYBER2'],
      listingDate: '2019-09-13',
      sourceUrl: 'https://ofac.example/sdn',
      file: 'e.json',
      line: 7,
    });
    expect(refusal({ id: 'a', schema: 'Person', properties: {}, provenance: { programs: 'DPRK' } }).message).toBe(
      'e.json:7 (provenance.programs): entity a: provenance.programs must be a list of strings',
    );
  });

  it('keeps the wire fields and adds provenance', () => {
    const read = readFtmEntity(
      {
        id: 'NK-1',
        schema: 'Person',
        caption: 'A',
        properties: { name: ['A'], topics: ['sanction'] },
        datasets: ['eu_fsf'],
        referents: ['ofac-1'],
        target: true,
        first_seen: '2023-01-01T00:00:00',
        last_seen: '2024-01-01T00:00:00',
        last_change: '2023-06-01T00:00:00',
      },
      { ...WHERE, sourceUrl: 'https://example.org/e.json' },
      'eu_fsf',
    );
    expect(read.entities).toEqual([
      {
        nested: false,
        entity: {
          id: 'NK-1',
          schema: 'Person',
          caption: 'A',
          properties: { name: ['A'], topics: ['sanction'] },
          datasets: ['eu_fsf'],
          referents: ['ofac-1'],
          target: true,
          first_seen: '2023-01-01T00:00:00',
          last_seen: '2024-01-01T00:00:00',
          last_change: '2023-06-01T00:00:00',
          provenance: { list: 'eu_fsf', entryId: 'NK-1', programs: [], sourceUrl: 'https://example.org/e.json', file: 'e.json', line: 7 },
        },
      },
    ]);
    expect(read.unknownFields).toEqual([]);
  });

  it('takes programmes from programId, else program, and the listing date', () => {
    const withId = readFtmEntity({ id: 's', schema: 'Sanction', properties: { programId: ['UN-SC1718'], program: ['DPRK'], listingDate: ['2016-03-02'] } }, WHERE, 'x');
    expect(withId.entities[0]?.entity.provenance).toMatchObject({ programs: ['UN-SC1718'], listingDate: '2016-03-02' });
    const withName = readFtmEntity({ id: 's', schema: 'Sanction', properties: { program: ['DPRK3'] } }, WHERE, 'x');
    expect(withName.entities[0]?.entity.provenance?.programs).toEqual(['DPRK3']);
  });

  it('replaces nested entities by their id and returns them too, inheriting datasets', () => {
    const read = readFtmEntity(
      { id: 'p', schema: 'Person', datasets: ['d'], properties: { name: ['P'], addressEntity: [{ id: 'a', schema: 'Address', properties: { full: ['Pyongyang'] } }, 'b'] } },
      WHERE,
      'x',
    );
    expect(read.entities.map((e) => [e.entity.id, e.nested])).toEqual([
      ['p', false],
      ['a', true],
    ]);
    expect(read.entities[0]?.entity.properties.addressEntity).toEqual(['a', 'b']);
    expect(read.entities[1]?.entity).toMatchObject({ datasets: ['d'], provenance: { entryId: 'a', line: 7 } });
  });

  it('defaults datasets to the list and reports unknown top-level fields', () => {
    const read = readFtmEntity({ id: 'p', schema: 'Person', properties: {}, origin: 'x' }, WHERE, 'mylist');
    expect(read.entities[0]?.entity.datasets).toEqual(['mylist']);
    expect(read.unknownFields).toEqual(['origin']);
  });

  it.each([
    [[1, 2], undefined, /entity must be a JSON object, found a list/],
    [{ schema: 'Person', properties: {} }, 'id', /needs a non-empty string id/],
    [{ id: 5, schema: 'Person', properties: {} }, 'id', /needs a non-empty string id/],
    [{ id: 'p', properties: {} }, 'schema', /needs a string schema/],
    [{ id: 'p', schema: 'Persn', properties: {} }, 'schema', /unknown FollowTheMoney schema "Persn"/],
    [{ id: 'p', schema: 'Thing', properties: {} }, 'schema', /abstract/],
    [{ id: 'p', schema: 'Person', properties: [] }, 'properties', /properties must be an object/],
    [{ id: 'p', schema: 'Person', properties: { colour: ['red'] } }, 'colour', /schema Person has no property "colour"/],
    [{ id: 'p', schema: 'Person', properties: { name: 'A' } }, 'name', /property name must be a list of strings, found a string/],
    [{ id: 'p', schema: 'Person', properties: { name: ['A', 5] } }, 'name', /property name value 2 is a number, not a string/],
    [{ id: 'p', schema: 'Person', properties: { name: [{ id: 'x', schema: 'Person', properties: {} }] } }, 'name', /value 1 is an object/],
    [{ id: 'p', schema: 'Person', properties: { addressEntity: [{ id: 'a', schema: 'Address', properties: { full: [null] } }] } }, 'full', /nested entity a: property full value 1 is null/],
    [{ id: 'p', schema: 'Person', properties: {}, datasets: 'd' }, 'datasets', /datasets must be a list of strings/],
    [{ id: 'p', schema: 'Person', properties: {}, referents: [1] }, 'referents', /value 1 is a number/],
    [{ id: 'p', schema: 'Person', properties: {}, target: 'yes' }, 'target', /target must be true or false/],
    [{ id: 'p', schema: 'Person', properties: {}, last_seen: 2024 }, 'last_seen', /last_seen must be a string/],
  ])('refuses %j naming field %s', (raw, field, message) => {
    const err = refusal(raw);
    expect(err.source).toBe('e.json');
    expect(err.line).toBe(7);
    expect(err.field).toBe(field);
    expect(err.message).toMatch(message);
  });

  it('refuses entities nested too deep', () => {
    let nested: Record<string, unknown> = { id: 'a0', schema: 'Address', properties: {} };
    for (let i = 0; i < 10; i++) nested = { id: `o${i}`, schema: 'Ownership', properties: { owner: [i === 0 ? { id: 'p', schema: 'Person', properties: {} } : nested] } };
    const err = refusal({ id: 'root', schema: 'Ownership', properties: { asset: [nested] } });
    expect(err.message).toMatch(/nested more than 8 deep/);
  });
});
