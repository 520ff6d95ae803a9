/**
 * The operator commands, shared by `npm run cli -- <command>` and the packaged app's
 * `mediation-desk --cli <command>`. Each command lives in commands/<name>.ts and registers itself.
 */
import { Command, CommanderError } from 'commander';
import backup from './commands/backup';
import check from './commands/check';
import init from './commands/init';
import printTest from './commands/print-test';

const COMMANDS = [init, check, backup, printTest];

export function buildProgram(): Command {
  const program = new Command('mediation-desk')
    .description('调解工作台命令行 / mediation-desk operator commands')
    .exitOverride()
    .showHelpAfterError('（用 --help 查看用法 / use --help）');
  for (const register of COMMANDS) register(program);
  return program;
}

/** Run one command; resolves to the process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await buildProgram().parseAsync(['node', 'mediation-desk', ...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : e.exitCode || 2;
    throw e;
  }
  return Number(process.exitCode ?? 0);
}
