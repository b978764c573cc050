import type { CaseItem } from '../cases/case.js';
import type { FtmEntity } from '../ftm/entity.js';
import type { Block, ReportDocument } from './document.js';
import { formatUsdRange } from './format.js';
import type { CaseEntityDetail, CaseReportData } from './case-report.js';

/** Properties a reviewer compares first, in this order (FollowTheMoney names → report labels). */
const ENTITY_FIELDS: [string, string][] = [
  ['name', 'Name'],
  ['alias', 'Also known as'],
  ['weakAlias', 'Weak alias'],
  ['previousName', 'Previous name'],
  ['birthDate', 'Birth date'],
  ['birthPlace', 'Birth place'],
  ['nationality', 'Nationality'],
  ['country', 'Country'],
  ['position', 'Position'],
  ['passportNumber', 'Passport'],
  ['idNumber', 'Id number'],
  ['registrationNumber', 'Registration number'],
  ['imoNumber', 'IMO number'],
  ['flag', 'Flag'],
  ['publicKey', 'Wallet address'],
  ['currencySymbol', 'Currency'],
  ['program', 'Programme'],
  ['notes', 'Notes'],
];

const PLURALS: Readonly<Record<string, string>> = { address: 'addresses', entity: 'entities' };

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function entityBlocks(d: CaseEntityDetail): Block[] {
  if (!d.entity) return [{ type: 'heading', level: 3, text: d.item.label ?? d.item.ref }, { type: 'paragraph', tone: 'note', text: `${d.item.ref} is no longer in the active list versions (delisted, or its list was replaced).` }];
  const e = d.entity;
  const rows = ENTITY_FIELDS.filter(([p]) => e.properties[p]?.length).map(([p, label]) => ({ label, value: e.properties[p]!.join('; ') }));
  const p = e.provenance;
  const programs = [...new Set([...(p?.programs ?? []), ...d.related.filter((r) => r.schema === 'Sanction').flatMap((r) => r.properties.program ?? [])])];
  if (programs.length) rows.push({ label: 'Sanctions programmes', value: programs.join(', ') });
  if (d.version) rows.push({ label: 'Listed in', value: `${d.version.list}@${d.version.seq}${p?.entryId ? `, entry ${p.entryId}` : ''}${d.version.publishedAt ? `, published ${d.version.publishedAt}` : ''}${p?.listingDate ? `, listed ${p.listingDate}` : ''}` });
  if (p?.sourceUrl) rows.push({ label: 'Source', value: p.sourceUrl });
  if (p?.file) rows.push({ label: 'Read from', value: `${p.file}${p.line ? `:${p.line}` : ''}` });
  const related = d.related.filter((r) => r.id !== e.id && r.schema !== 'Sanction');
  if (related.length) rows.push({ label: 'Listed with', value: related.map((r) => `${r.schema} ${caption(r)}`).join('\n') });
  return [{ type: 'heading', level: 3, text: `${caption(e)} (${e.schema}, ${e.id})` }, { type: 'summary', rows }];
}

function caption(e: FtmEntity): string {
  return e.caption ?? e.properties.name?.[0] ?? e.id;
}

function itemRows(items: readonly CaseItem[]): string[][] {
  return items.map((i) => [String(i.id), i.kind, i.ref, i.label ?? '', i.note ?? '', i.addedBy, when(i.addedAt)]);
}

/**
 * A case report: header, items, the details of every entity (from the store), address labels, incidents,
 * notes, decisions with actor and time, and the audit entries of the case.
 *
 * @example
 * const pdf = await renderPdf(caseDocument(await caseReportData(detail, sources)));
 */
export function caseDocument(data: CaseReportData): ReportDocument {
  const c = data.case;
  const last = c.decisions.at(-1);
  const kinds = new Map<string, number>();
  for (const i of c.items) kinds.set(i.kind, (kinds.get(i.kind) ?? 0) + 1);
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: 'Summary' },
    {
      type: 'summary',
      rows: [
        { label: 'Case', value: `#${c.id} ${c.title}` },
        { label: 'Status', value: c.status },
        ...(c.description ? [{ label: 'Description', value: c.description }] : []),
        { label: 'Opened', value: `${when(c.createdAt)} by ${c.createdBy}` },
        { label: 'Last updated', value: when(c.updatedAt) },
        { label: 'Items', value: c.items.length ? [...kinds].map(([k, n]) => `${n} ${n === 1 ? k : (PLURALS[k] ?? `${k}s`)}`).join(', ') : 'none' },
        { label: 'Latest decision', value: last ? `${last.decision} by ${last.actor}, ${when(last.at)}: ${last.reason}` : 'none yet' },
      ],
    },
    { type: 'heading', level: 2, text: 'Items' },
    {
      type: 'table',
      caption: 'Everything collected into the case, in the order it was added',
      columns: [{ title: '#', width: 0.4, align: 'right' }, { title: 'Kind', width: 0.8 }, { title: 'Reference', width: 3.6, mono: true }, { title: 'Label', width: 1.4 }, { title: 'Note', width: 2 }, { title: 'Added by', width: 1 }, { title: 'Added at', width: 1.4 }],
      rows: itemRows(c.items.filter((i) => i.kind !== 'note')),
      empty: 'no address, entity, worker or incident yet',
    },
    { type: 'heading', level: 2, text: 'Entity details' },
    ...(data.entities.length ? data.entities.flatMap(entityBlocks) : [{ type: 'paragraph', text: 'The case holds no listed entity.' } as Block]),
    {
      type: 'table',
      caption: 'Addresses and what is known about them (labels from the lists, the incident registry and user labels)',
      columns: [{ title: 'Address', width: 3.6, mono: true }, { title: 'Labels', width: 4 }],
      rows: data.addresses.map((a) => [a.item.ref, a.labels.length ? a.labels.map((l) => `${l.category}: ${l.name} (${l.origin}${l.source ? `, ${l.source}` : ''})`).join('\n') : 'no label']),
      empty: 'the case holds no address',
    },
    {
      type: 'table',
      caption: 'Incidents',
      columns: [{ title: 'Incident', width: 2 }, { title: 'Date', width: 1 }, { title: 'Value (USD)', width: 2.4 }, { title: 'Attribution', width: 3 }],
      rows: data.incidents.map(({ item, incident: i }) =>
        i ? [`${i.name} (${i.id})`, i.date, i.usd ? formatUsdRange(i.usd.low, i.usd.high) : 'not sourced', `${i.attribution.actor} (by ${i.attribution.by})`] : [item.ref, '', '', 'not in the registry any more'],
      ),
      empty: 'the case holds no incident',
    },
    {
      type: 'table',
      caption: 'Workers (vetting results are not stored with the case: run `counterflow vet` on the source file for the flags)',
      columns: [{ title: 'Record', width: 2, mono: true }, { title: 'Label', width: 2 }, { title: 'Note', width: 3 }],
      rows: c.items.filter((i) => i.kind === 'worker').map((i) => [i.ref, i.label ?? '', i.note ?? '']),
      empty: 'the case holds no worker record',
    },
    { type: 'heading', level: 2, text: 'Notes' },
    c.items.some((i) => i.kind === 'note')
      ? { type: 'list', items: c.items.filter((i) => i.kind === 'note').map((i) => ({ text: `${i.ref}${i.note ? ` (${i.note})` : ''} (${i.addedBy}, ${when(i.addedAt)})` })) }
      : { type: 'paragraph', text: 'No notes.' },
    { type: 'heading', level: 2, text: 'Decisions' },
    {
      type: 'table',
      caption: 'Decisions, oldest first (append-only: a decision is never changed or withdrawn; a later one supersedes it)',
      columns: [{ title: 'At', width: 1.4 }, { title: 'Decision', width: 1.2 }, { title: 'By', width: 1 }, { title: 'Reason', width: 4 }],
      rows: c.decisions.map((d) => [when(d.at), d.decision, d.actor, d.reason]),
      empty: 'no decision yet',
    },
    { type: 'heading', level: 2, text: 'Audit trail' },
    data.audit === null
      ? { type: 'paragraph', tone: 'note', text: 'This report was made without the audit trail (no audit log attached); the decisions above carry their actor and time.' }
      : {
          type: 'table',
          caption: `Audit entries about case ${c.id} (hash-chained; \`counterflow audit --verify\` checks the chain)`,
          columns: [{ title: '#', width: 0.5, align: 'right' }, { title: 'At', width: 1.4 }, { title: 'Actor', width: 1.4 }, { title: 'Action', width: 1.2 }, { title: 'Detail', width: 3 }, { title: 'Entry hash', width: 1.4, mono: true }],
          rows: data.audit.map((a) => [String(a.id), when(a.at), `${a.actor.name} (${a.actor.role})`, a.action, a.detail === null || a.detail === undefined ? '' : JSON.stringify(a.detail), a.hash.slice(0, 16)]),
          empty: 'no audit entry about this case',
        },
  ];
  return { title: `Case report: #${c.id} ${c.title}`, subtitle: `case ${c.id} · ${c.status} · generated ${when(data.generatedAt)} by Counterflow`, blocks };
}
