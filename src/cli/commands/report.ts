import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CounterflowError, InputError } from '../../errors.js';
import type { ReportDocument } from '../../reports/document.js';
import { incidentLookup } from '../../reports/incident-lookup.js';
import { makeCaseReport, makeIncidentReport } from '../../reports/make-reports.js';
import { renderHtml } from '../../reports/render-html.js';
import { renderPdf } from '../../reports/render-pdf.js';
import { AuditLog } from '../../store/audit-log.js';
import { CaseStore } from '../../store/case-store.js';
import { TAINT_MODELS, type TaintModel } from '../../tracing/taint-engine.js';
import type { WithStore } from '../context.js';
import type { CliIo } from '../io.js';
import { caseIdArgument } from './case.js';
import { withDatabase } from './database.js';
import { numberOption } from './options.js';

interface OutputFlags {
  html?: string;
  pdf?: string;
}

function write(file: string, content: string | Buffer): void {
  try {
    writeFileSync(file, content);
  } catch (err) {
    throw new CounterflowError(`cannot write ${file}: ${(err as Error).message}`);
  }
}

/** Writes the report files asked for; with none, prints the summary and says how to get the files. */
async function output(io: CliIo, document: ReportDocument, flags: OutputFlags): Promise<void> {
  if (flags.html) {
    write(flags.html, renderHtml(document));
    io.out(`wrote ${flags.html}`);
  }
  if (flags.pdf) {
    write(flags.pdf, await renderPdf(document));
    io.out(`wrote ${flags.pdf}`);
  }
  if (flags.html || flags.pdf) return;
  io.out(document.title);
  const summary = document.blocks.find((b) => b.type === 'summary');
  if (summary?.type === 'summary') for (const r of summary.rows) io.out(`  ${r.label}: ${r.value.replace(/\n/g, '; ')}`);
  io.out('(give --html FILE and/or --pdf FILE for the whole report)');
}

/** `counterflow report incident ID` and `counterflow report case ID`: HTML and PDF reports. */
export function registerReportCommands(program: Command, io: CliIo, withStore: WithStore): void {
  const cmd = program.command('report').description('Incident and case reports as HTML and PDF, the way a sanctions panel publishes');

  cmd
    .command('incident')
    .argument('<id>', 'incident id (`counterflow incidents`)')
    .option('--html <file>', 'write the report as one self-contained HTML page')
    .option('--pdf <file>', 'write the report as an A4 PDF')
    .option('--model <model>', `taint model: ${TAINT_MODELS.join(', ')}`, 'haircut')
    .option('--hops <n>', 'hop limit of the trace', numberOption(1, 100, true), 10)
    .option('--max-addresses <n>', 'rows of the addresses appendix', numberOption(1, 100_000, true), 300)
    .action((id: string, flags: OutputFlags & { model: string; hops: number; maxAddresses: number }) =>
      withStore(async (store, home) => {
        if (!(TAINT_MODELS as readonly string[]).includes(flags.model)) throw new InputError('--model', `expected ${TAINT_MODELS.join(', ')}, got "${flags.model}"`);
        const incident = incidentLookup(home)(id);
        if (!incident) throw new CounterflowError(`unknown incident "${id}" (see \`counterflow incidents\`)`);
        const { data, document } = await makeIncidentReport(incident, { home, lists: store, model: flags.model as TaintModel, hops: flags.hops, maxAddresses: flags.maxAddresses });
        if (data.basis.kind === 'registry') io.err(`note: registry facts only: ${data.basis.reason}`);
        await output(io, document, flags);
      }),
    );

  cmd
    .command('case')
    .argument('<id>', 'case number')
    .option('--html <file>', 'write the report as one self-contained HTML page')
    .option('--pdf <file>', 'write the report as an A4 PDF')
    .action((id: string, flags: OutputFlags) =>
      withStore((store, home) =>
        withDatabase(store, home, async (db) => {
          const detail = await new CaseStore(db).getCase(caseIdArgument(id));
          if (!detail) throw new CounterflowError(`no case ${id}`);
          const { document } = await makeCaseReport(detail, { store, home, audit: new AuditLog(db) });
          await output(io, document, flags);
        }),
      ),
    );
}
