/**
 * What every CLI command shares: opening a data dir's services, and printing results and errors
 * the same way (Chinese first, English after a slash; errors on stderr with a non-zero exit).
 */
import { openServices } from '../backend';
import { AppError, isAppError } from '../common/errors';
import type { ServiceContext } from '../services/core/context';
import { createLogger } from '../services/core/logger';
import { acquireOwnerLock, dataPaths } from '../services/data-dir';
import type { SecretStore } from '../services/secrets';

/**
 * Where the district token is kept depends on who runs the CLI: the packaged app passes its
 * safeStorage store (runCli's options); under plain Node the data dir's 0600 file is used.
 */
let secretsFor: ((dataDir: string) => SecretStore) | null = null;
export function useSecretStore(factory: ((dataDir: string) => SecretStore) | null): void {
  secretsFor = factory;
}

/** The secret store this CLI run was given for `dataDir` (the packaged app's safeStorage, or its utility host's relay), if any. */
export const secretStoreFor = (dataDir: string): SecretStore | undefined => secretsFor?.(dataDir);

export async function withServices<T>(dataDir: string | undefined, fn: (ctx: ServiceContext) => T | Promise<T>): Promise<T> {
  if (!dataDir) throw new AppError('VALIDATION', '请用 --data-dir 指定数据目录 / --data-dir is required');
  const ctx = openServices({
    dataDir,
    logger: createLogger({ logsDir: dataPaths(dataDir).logs }),
    ...(secretsFor ? { secrets: secretsFor(dataDir) } : {}),
  });
  try {
    return await fn(ctx);
  } finally {
    ctx.db.close();
    await ctx.logger.close();
  }
}

/** Exit code of a command refused because another process holds the data dir (as `upload` when another upload runs). */
export const EXIT_DATA_DIR_BUSY = 3;

/** The refusal of a command that would replace or rebuild the database while the app runs on it. */
export const appRunning = (doing: string, english: string) =>
  `应用正在运行：请先关闭调解工作台再${doing} / the app (or another command) is using this data dir: close it first, then ${english}`;

/**
 * Run a command that replaces or rebuilds the database (restore, init, demo) as the data dir's
 * owner: refused while the app or another such command holds it, and the app cannot start meanwhile.
 */
export async function withOwnerLock<T>(dataDir: string | undefined, what: string, refusal: string, fn: () => T | Promise<T>): Promise<T> {
  if (!dataDir) throw new AppError('VALIDATION', '请用 --data-dir 指定数据目录 / --data-dir is required');
  const lock = acquireOwnerLock(dataDir, {
    what: `cli:${what}`,
    refusal,
    onLost: (e) => err(`警告 / warning: 数据目录锁已失效 / data dir lock lost: ${e.message}`),
  });
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

export const out = (line: string) => process.stdout.write(`${line}\n`);
export const err = (line: string) => process.stderr.write(`${line}\n`);

/** Run a command action; an error becomes a message on stderr and exit code 1, never a stack. */
export const action =
  <A extends unknown[]>(fn: (...args: A) => Promise<void> | void) =>
  async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (e) {
      if (isAppError(e)) err(`错误 / error: ${e.message}`);
      else err(`错误 / error: ${(e as Error).message ?? String(e)}`);
      const code = isAppError(e) && e.code === 'BUSY' ? EXIT_DATA_DIR_BUSY : 1;
      process.exitCode = process.exitCode && process.exitCode !== 0 ? process.exitCode : code;
    }
  };

/** Validation from zod-like results for CLI options. */
export function required(value: string | undefined, flag: string, label: string): string {
  if (!value || !value.trim()) throw new AppError('VALIDATION', `缺少 ${flag}（${label}）/ ${flag} is required`);
  return value.trim();
}
