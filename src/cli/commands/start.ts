import type { Command } from 'commander';
import { loadDemoIfEmpty } from '../../lists/demo.js';
import type { CliIo } from '../io.js';
import type { WithStore } from '../context.js';
import { describeVersion, listStatus } from './lists.js';

export function registerStartCommand(program: Command, io: CliIo, withStore: WithStore): void {
  program
    .command('start')
    .description('Open the store; on an empty store load the bundled demo pack; show what is loaded')
    .action(() =>
      withStore(async (store, home) => {
        const loaded = await loadDemoIfEmpty(store);
        for (const r of loaded) io.out(`loaded demo ${describeVersion(r.version)}`);
        const status = await listStatus(store);
        io.out(`Counterflow store: ${home}`);
        for (const l of status.lists) {
          io.out(`  ${l.ref.padEnd(24)} ${String(l.targetCount).padStart(6)} entries, ${String(l.dprkEntries).padStart(4)} under DPRK sanctions${l.publishedAt ? `, published ${l.publishedAt.slice(0, 10)}` : ''}`);
        }
        io.out('\nNext: `counterflow lists update` fetches the official UN and OFAC lists;');
        io.out('      `counterflow lists status`, `counterflow entity ID` show what is loaded.');
      }),
    );
}
