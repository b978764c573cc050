import { describe, expect, it } from 'vitest';
import { WarningLog } from './warning-log.js';

describe('WarningLog', () => {
  it('reports a repeated message once, with its count and first line, in first-seen order', () => {
    const log = new WarningLog('un.xml');
    log.add('element INDIVIDUAL/X is not mapped', 40);
    log.add('country "Atlantis" has no ISO country code', 12);
    log.add('element INDIVIDUAL/X is not mapped', 90);
    expect(log.list()).toEqual([
      'un.xml:40: element INDIVIDUAL/X is not mapped (2 times; first shown)',
      'un.xml:12: country "Atlantis" has no ISO country code',
    ]);
  });

  it('is empty when nothing was reported', () => {
    expect(new WarningLog('un.xml').list()).toEqual([]);
  });
});
