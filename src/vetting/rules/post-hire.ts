import type { WorkerRecord } from '../input/record.js';
import type { SourceDocument } from '../sources.js';
import { SOURCES } from '../sources.js';
import type { Rule, Severity } from './types.js';
import { clear, defineRule, fired, noData } from './define.js';
import { listText, quote } from './helpers.js';

function eventRule(spec: { id: string; title: string; types: RegExp; severity: Severity; source: SourceDocument; seeAlso?: SourceDocument[] }): Rule<object> {
  return defineRule({
    id: spec.id,
    title: spec.title,
    fields: ['security_events.type'],
    parameters: {},
    severity: spec.severity,
    source: spec.source,
    ...(spec.seeAlso ? { seeAlso: spec.seeAlso } : {}),
    evaluate(r: WorkerRecord) {
      if (!r.securityEvents.length) return noData('no security events');
      const hits = r.securityEvents.filter((e) => spec.types.test(e.type));
      if (!hits.length) return clear(`None of ${r.securityEvents.length} security event(s) is of this kind.`);
      return fired(`Security event(s) recorded: ${listText(hits.map((e) => `${e.type}${e.at ? ` on ${new Date(e.at).toISOString().slice(0, 10)}` : ''}${e.detail ? ` (${quote(e.detail, 80)})` : ''}`))}.`);
    },
  });
}

export const repoExfiltration = eventRule({
  id: 'post-hire.repo-exfiltration',
  title: 'Company code copied to personal accounts or cloud storage',
  types: /repo-exfil|repo-copied|code-exfil|data-exfil/,
  severity: 'high',
  source: SOURCES.PSA25,
});

export const credentialHarvesting = eventRule({
  id: 'post-hire.credential-harvesting',
  title: 'Credential or session-cookie harvesting',
  types: /credential|cookie|token-theft|session-hijack/,
  severity: 'high',
  source: SOURCES.PSA25,
});

export const dataExtortion = eventRule({
  id: 'post-hire.data-extortion',
  title: 'Extortion with stolen company data',
  types: /extortion|ransom|leak-threat/,
  severity: 'critical',
  source: SOURCES.PSA25,
});

export const unauthorisedCardCharges = eventRule({
  id: 'post-hire.card-charges',
  title: 'Unauthorised small charges on company cards',
  types: /card-charge|unauthori[sz]ed-charge|card-fraud/,
  severity: 'medium',
  source: SOURCES.G22m,
});
