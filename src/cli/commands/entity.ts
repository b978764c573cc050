import type { Command } from 'commander';
import { CounterflowError } from '../../errors.js';
import type { FtmEntity } from '../../ftm/entity.js';
import { printJson, type CliIo } from '../io.js';
import type { WithStore } from '../context.js';
import { versionJson } from '../../lists/version-json.js';

export function registerEntityCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('entity')
    .description('Show one listed entity with its provenance and the entities read from the same entry')
    .argument('<id>', 'entity id, e.g. un-6908048 or ofac-12345')
    .option('--json', 'print as JSON (FollowTheMoney entities)')
    .action((id: string, opts: { json?: boolean }) =>
      withStore(async (store) => {
        const found = await store.getEntity(id);
        if (!found) throw new CounterflowError(`no entity "${id}" in the active list versions`);
        if (opts.json) return printJson(io, { ...found.entity, version: versionJson(found.version), related: found.related });
        io.out(renderEntity(found.entity));
        const p = found.entity.provenance;
        if (p) {
          io.out(`\nsource: ${p.list} entry ${p.entryId}${p.programs.length ? `, programmes ${p.programs.join(', ')}` : ''}`);
          if (p.listingDate) io.out(`listed on: ${p.listingDate}`);
          io.out(`list version: ${found.version.list}@${found.version.seq}${p.publishedAt ? `, published ${p.publishedAt}` : ''}`);
          if (p.sourceUrl) io.out(`source URL: ${p.sourceUrl}`);
          if (p.file) io.out(`read from: ${p.file}${p.line ? `:${p.line}` : ''}`);
        }
        for (const r of found.related) io.out(`\n${renderEntity(r)}`);
      }),
    );
}

function renderEntity(e: FtmEntity): string {
  const lines = [`${e.schema} ${e.id}${e.caption ? `  "${e.caption}"` : ''}${e.target ? '  [listed]' : ''}`];
  for (const [prop, values] of Object.entries(e.properties).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${prop}: ${values.join(' | ')}`);
  }
  return lines.join('\n');
}
