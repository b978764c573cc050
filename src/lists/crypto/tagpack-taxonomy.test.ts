import { describe, expect, it } from 'vitest';
import { isTargetTag, TAGPACK_CONFIDENCE, topicForAbuse } from './tagpack-taxonomy.js';

describe('TagPack taxonomy', () => {
  it('knows the confidence levels', () => {
    expect(TAGPACK_CONFIDENCE.authority_data).toBe(60);
    expect(TAGPACK_CONFIDENCE.web_crawl).toBe(20);
    expect(TAGPACK_CONFIDENCE.ledger_immanent).toBe(100);
  });

  it('maps abuse concepts to FtM topics where one fits', () => {
    expect(topicForAbuse('sanction')).toBe('sanction');
    expect(topicForAbuse('service_hack')).toBe('crime.cyber');
    expect(topicForAbuse('coinjoin')).toBeUndefined();
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf']) expect(topicForAbuse(name)).toBeUndefined();
  });

  it('makes sanction and authority-data tags targets, not exchange or crawled ones', () => {
    expect(isTargetTag({ abuse: 'sanction' })).toBe(true);
    expect(isTargetTag({ confidence: 'authority_data' })).toBe(true);
    expect(isTargetTag({ confidence: 'service_data' })).toBe(false);
    expect(isTargetTag({})).toBe(false);
  });
});
