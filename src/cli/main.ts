import { Command, CommanderError } from 'commander';
import { CounterflowError } from '../errors.js';
import { openStore, resolveHome } from '../store/open-store.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerCaseCommands } from './commands/case.js';
import { registerChainCommands } from './commands/chain.js';
import { registerEntityCommand } from './commands/entity.js';
import { registerKeyCommands } from './commands/keys.js';
import { registerListCommands } from './commands/lists.js';
import { registerReportCommands } from './commands/report.js';
import { registerScreenCommand } from './commands/screen.js';
import { registerServeCommand } from './commands/serve.js';
import { registerStartCommand } from './commands/start.js';
import { registerTraceCommands } from './commands/trace.js';
import { registerVetCommand } from './commands/vet.js';
import type { WithStore } from './context.js';
import { processIo, type CliIo } from './io.js';

/**
 * Runs the CLI with the given arguments and returns the exit code: 0 success, 1 user error
 * (bad input, unknown id), 2 usage error, 3 an update that kept the last good version, 70 a bug.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('counterflow')
    .description('Counterflow: screen, trace, vet and report against DPRK sanctions evasion')
    .option('--home <dir>', 'home directory of the store (env COUNTERFLOW_HOME, default ./.counterflow)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const withStore: WithStore = async (fn) => {
    const home = resolveHome(program.opts<{ home?: string }>().home);
    const store = await openStore({ home });
    try {
      const code = await fn(store, home);
      if (typeof code === 'number') exitCode = code;
    } finally {
      await store.close();
    }
  };

  registerListCommands(program, io, withStore);
  registerChainCommands(program, io, withStore);
  registerEntityCommand(program, io, withStore);
  registerStartCommand(program, io, withStore);
  registerScreenCommand(program, io, withStore);
  registerCompareCommand(program, io);
  registerServeCommand(program, io, withStore);
  registerKeyCommands(program, io, withStore);
  registerAuditCommand(program, io, withStore);
  registerTraceCommands(program, io, withStore);
  registerVetCommand(program, io, withStore);
  registerCaseCommands(program, io, withStore);
  registerReportCommands(program, io, withStore);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof CounterflowError) {
      io.err(`counterflow: ${err.message}`);
      return 1;
    }
    io.err(`counterflow: internal error: ${(err as Error).message ?? String(err)}`);
    if (process.env.COUNTERFLOW_DEBUG) io.err((err as Error).stack ?? '');
    else io.err('(this is a bug; run again with COUNTERFLOW_DEBUG=1 for details and report it)');
    return 70;
  }
}
