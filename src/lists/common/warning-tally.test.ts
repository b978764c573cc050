import { describe, expect, it } from 'vitest';
import { WarningTally } from './warning-tally.js';

describe('WarningTally', () => {
  it('reports a repeated message once, with its count and first line, in first-seen order', () => {
    const tally = new WarningTally();
    tally.add('a', 7);
    tally.add('b', 3);
    tally.add('a', 9);
    expect(tally.list('f.xml')).toEqual(['f.xml:7: a (2×, first here)', 'f.xml:3: b']);
  });

  it('words the count as it is told', () => {
    const tally = new WarningTally((n) => ` (${n} times; first shown)`);
    for (const line of [40, 90, 95]) tally.add('element INDIVIDUAL/X is not mapped', line);
    expect(tally.list('un.xml')).toEqual(['un.xml:40: element INDIVIDUAL/X is not mapped (3 times; first shown)']);
  });

  it('is empty when nothing was reported', () => {
    expect(new WarningTally().list('un.xml')).toEqual([]);
  });
});
