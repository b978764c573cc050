import { describe, expect, it } from 'vitest';
import { OfacParseReport } from './csv-report.js';

describe('OfacParseReport', () => {
  it('turns repeated problems into one counted warning each', () => {
    const report = new OfacParseReport();
    report.unknownCountry('Atlantis');
    report.unknownCountry('Atlantis');
    report.unknownRegion('Kafia Kingi');
    report.unresolvedLink('HAMAS');
    report.unresolvedLink('HAMAS');
    report.unknownType('submarine');
    expect(report.warnings()).toEqual([
      'unknown country name "Atlantis" (2×): kept as written',
      'address region "Kafia Kingi" (1×) maps to no country: kept as the address region',
      'unknown SDN_Type "submarine" (1×): read as LegalEntity',
      '2 "Linked To" names (1 distinct) match no single entry of this list; kept in notes (e.g. "HAMAS")',
    ]);
  });

  it('has nothing to say when nothing went wrong', () => {
    expect(new OfacParseReport().warnings()).toEqual([]);
  });
});
