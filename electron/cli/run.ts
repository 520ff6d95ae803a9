/**
 * The operator commands, shared by `npm run cli -- <command>` and the packaged app's
 * `mediation-desk --cli <command>`. Each command lives in commands/<name>.ts and registers itself.
 */
import { Command, CommanderError } from 'commander';
import type { SecretStore } from '../services/secrets';
import { useSecretStore } from './support';
import backup from './commands/backup';
import check from './commands/check';
import demo from './commands/demo';
import doc from './commands/doc';
import init from './commands/init';
import machine from './commands/machine';
import pair from './commands/pair';
import printTest from './commands/print-test';
import serve from './commands/serve';
import ticket from './commands/ticket';
import stats from './commands/stats';
import exportCmd from './commands/export';
import upload from './commands/upload';
import due from './commands/due';
import report from './commands/report';
import importCmd from './commands/import';

const COMMANDS = [
  init,
  check,
  backup,
  printTest,
  stats,
  demo,
  ticket,
  doc,
  exportCmd,
  upload,
  pair,
  serve,
  due,
  machine,
  report,
  importCmd,
];

export function buildProgram(): Command {
  const program = new Command('mediation-desk')
    .description('调解工作台命令行 / mediation-desk operator commands')
    .exitOverride()
    .showHelpAfterError('（用 --help 查看用法 / use --help）');
  for (const register of COMMANDS) register(program);
  return program;
}

/** Run one command; resolves to the process exit code. */
export async function runCli(argv: readonly string[], opts: { secrets?: (dataDir: string) => SecretStore } = {}): Promise<number> {
  process.exitCode = 0;
  useSecretStore(opts.secrets ?? null);
  try {
    await buildProgram().parseAsync(['node', 'mediation-desk', ...argv]);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : e.exitCode || 2;
    throw e;
  }
  return Number(process.exitCode ?? 0);
}
