import type { RecordResult, VetReport } from '../vet.js';

const LEVEL_COLOURS: Record<string, string> = { critical: '#b00020', high: '#d9480f', medium: '#b08800', low: '#2b8a3e' };

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? esc(url) : '#';
}

function recordRow(r: RecordResult): string {
  const rules = r.rules
    .map(
      (f) =>
        `<li><b>${esc(f.title)}</b> <span class="id">${esc(f.id)} · ${esc(f.severity)} · weight ${f.weight}</span><br>${esc(f.explanation)}<br>` +
        `<span class="src">Source: <a href="${safeUrl(f.source.url)}">${esc(f.source.document)}</a>, ${esc(f.source.date)}${f.source.status === 'secondary' ? ' (secondary reporting)' : ''}</span></li>`,
    )
    .join('');
  return (
    `<tr id="${esc(r.id)}"><td>${esc(r.id)}<br><span class="src">${esc(r.source.file)}:${r.source.line}</span></td>` +
    `<td class="num">${r.score}</td><td><span class="lvl" style="background:${LEVEL_COLOURS[r.level]}">${esc(r.level)}</span></td>` +
    `<td>${esc(r.action_text)}</td><td>${r.ring ? `<a href="#${esc(r.ring)}">${esc(r.ring)}</a>` : ''}</td>` +
    `<td>${rules ? `<ul>${rules}</ul>` : '<span class="src">no rule fired</span>'}</td></tr>`
  );
}

/**
 * A self-contained HTML page of a vetting report: summary, records by descending score with every
 * fired rule's explanation and source, and rings with the shared identifier on every link. All
 * input text is escaped.
 *
 * @example
 * writeFileSync('report.html', reportHtml(report));
 */
export function reportHtml(report: VetReport): string {
  const s = report.summary;
  const records = [...report.records].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const rings = report.rings
    .map(
      (ring) =>
        `<section id="${esc(ring.id)}"><h3>${esc(ring.id)} · ${ring.members.length} records · highest score ${ring.max_score}</h3>` +
        `<p>${ring.members.map((m) => `<a href="#${esc(m)}">${esc(m)}</a>`).join(', ')}</p><ul>` +
        ring.links.map((l) => `<li>${esc(l.a)} ↔ ${esc(l.b)} (strength ${l.strength}): ${l.shared.map((x) => `${esc(x.label)} <code>${esc(x.value)}</code>`).join('; ')}</li>`).join('') +
        '</ul></section>',
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Counterflow vetting report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:6px;vertical-align:top;text-align:left}.num{text-align:right}
.lvl{color:#fff;border-radius:3px;padding:1px 6px}.id,.src{color:#666;font-size:12px}ul{margin:0;padding-left:1.2em}
code{background:#f4f4f4;padding:0 3px}
</style></head><body>
<h1>Counterflow vetting report</h1>
<p>Generated ${esc(report.generated_at)} · ${s.records} records · ${s.rings} rings (${s.records_in_rings} records) ·
critical ${s.by_level.critical}, high ${s.by_level.high}, medium ${s.by_level.medium}, low ${s.by_level.low} ·
block ${s.by_action.block}, escalate ${s.by_action.escalate}, verify ${s.by_action.verify}</p>
<p>Sanctions lists: ${esc(report.sanctions ?? 'not loaded')} · wallet exposure: ${esc(report.exposure ?? 'not connected')}</p>
${report.warnings.length ? `<ul class="src">${report.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
<p class="src">A score combines independent red flags (each removes its weight's share of the remaining doubt). A flag is a reason to look, not a verdict: check each explanation against the data before acting on it.</p>
<h2>Records</h2>
<table><thead><tr><th>Record</th><th>Score</th><th>Level</th><th>Recommended action</th><th>Ring</th><th>Fired rules</th></tr></thead><tbody>
${records.map(recordRow).join('\n')}
</tbody></table>
<h2>Rings</h2>
${rings || '<p>No rings.</p>'}
</body></html>
`;
}
