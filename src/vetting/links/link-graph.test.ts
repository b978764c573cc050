import { describe, expect, it } from 'vitest';
import type { WorkerRecord } from '../input/record.js';
import { rec } from '../test-support/records.js';
import { LinkGraphBuilder } from './link-graph.js';

function graphOf(records: WorkerRecord[]) {
  const b = new LinkGraphBuilder();
  for (const r of records) b.add(r.id, r);
  return b.build((i) => records[i]!);
}

const login = (ip: string) => [{ timestamp: '2025-04-01T10:00:00Z', ip }];

describe('LinkGraph', () => {
  it('does not make a ring of an office sharing Wi-Fi, nor of people sharing a city', () => {
    const office = Array.from({ length: 12 }, (_, i) => rec({ id: `o${i}`, claimed_city: 'Austin, TX', address: `${i + 1} Elm Street, Austin TX 78701`, logins: login('73.15.9.9') }, i + 1));
    const g = graphOf(office);
    expect(g.rings).toEqual([]);
    expect(g.links.length).toBe(66);
    expect(Math.max(...g.links.map((l) => l.strength))).toBeCloseTo(0.15);
  });

  it('makes a ring of a shared bank account plus laptop drop address, with the shared values as evidence', () => {
    const g = graphOf([
      rec({ id: 'a', address: '1 Elm Street, Austin TX 78701', shipping_address: '800 Oak Ave, Phoenix AZ 85001', payment_accounts: [{ identifier: 'GB33BUKB20201555555555' }] }),
      rec({ id: 'b', address: '9 Pine Court, Denver CO 80201', shipping_address: '800 Oak Avenue, Phoenix, AZ 85001', payment_accounts: [{ identifier: 'gb33 bukb 2020 1555 5555 55' }] }, 2),
      rec({ id: 'c', address: '5 Birch Road, Raleigh NC 27601' }, 3),
    ]);
    expect(g.rings).toHaveLength(1);
    const ring = g.rings[0]!;
    expect(ring.id).toBe('ring-a');
    expect(ring.members).toEqual([0, 1]);
    expect(ring.links[0]!.strength).toBeCloseTo(1 - 0.15 * 0.25);
    expect(g.describeLink(ring.links[0]!)).toBe('payout account iban:GB33BUKB20201555555555, drop address (shipping address where the person does not live) 800 oak ave phoenix az 85001');
    expect(g.ringOf(2)).toBeUndefined();
  });

  it('links a hub of many records sharing one high-precision value through a star, and drops a crowded low-precision value', () => {
    const farm = Array.from({ length: 60 }, (_, i) => rec({ id: `f${i}`, devices: [{ id: 'farm-laptop' }], logins: login('73.15.7.7') }, i + 1));
    const g = graphOf(farm);
    expect(g.rings).toHaveLength(1);
    expect(g.rings[0]!.members).toHaveLength(60);
    expect(g.links).toHaveLength(59);
    expect(g.warnings.join(' ')).toMatch(/1 device id value\(s\) are shared by more than 50 records: each links its records through one hub record/);
    expect(g.warnings.join(' ')).toMatch(/1 IP address value\(s\) are shared by more than 16 records/);
  });

  it('links near-identical photos and résumés by similarity', () => {
    const resume = Array.from({ length: 60 }, (_, i) => `skill${i} project${i * 3}`).join(' ');
    const g = graphOf([
      rec({ id: 'a', photo_hash: '0123456789abcdef', resume_text: resume }),
      rec({ id: 'b', photo_hash: '0123456789abcdee', resume_text: resume.replace('skill5 ', 'Kotlin ') }, 2),
    ]);
    expect(g.similar.map((s) => s.kind).sort()).toEqual(['photo', 'resume']);
    expect(g.rings).toHaveLength(1);
  });
});
