/**
 * The app behind either window: opens the data dir and the database, builds the services, and
 * answers API calls. The Electron shell (electron/main) and the browser host (electron/host)
 * are both thin wrappers around this; neither contains business logic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open';
import type { ApiResponse } from './common/api/contract';
import type { AppServices } from './app-services';
import { dispatch } from './api/dispatch';
import type { CallHooks, RequestSource } from './api/handler';
import { LoginLockout } from './services/auth/lockout';
import { PasswordHasher } from './services/auth/passwords';
import { SessionStore } from './services/auth/sessions';
import { purgeKept } from './services/devices/idempotency';
import { PairingGuard } from './services/devices/pairing-guard';
import { PushHub } from './services/devices/push-hub';
import { dailyBackup, restoreFrom, snapshotSync, verifyRestorable } from './services/backup';
import { KioskGuard } from './services/intake/guard';
import { purgeExpiredIntakes } from './services/intake/retention';
import { systemClock, type Clock } from './services/core/clock';
import type { ServiceContext } from './services/core/context';
import { createLogger, type Logger } from './services/core/logger';
import { acquireOwnerLock, diskSpace, ensureWritableDataDir, type DiskSpace, type OwnerLock } from './services/data-dir';
import { AppError } from './common/errors';
import { confPrefs, type Prefs } from './services/machine-prefs';
import { fileSecretStore, type SecretStore } from './services/secrets';
import { AppUploads, type AppUploadOptions } from './services/upload/background';

/** What the running app tells the status page about its data dir. */
export interface DataStatus {
  dataDir: string;
  disk: DiskSpace;
  /** The last write refused for lack of space (ISO), while the disk stays low; null otherwise. */
  diskFullAt: string | null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The database as it was just before, kept in backups/. */
  safetyCopy: string | null;
}

/** Replacing and inspecting the running app's database (the settings page's restore). */
export interface DataControl {
  status(): DataStatus;
  /** A write failed for lack of space: remembered for the status page. */
  noteDiskFull(): void;
  /** Restore the database from a file (verified first); every session ends. */
  restore(from: string): RestoreResult;
}

export const APP_RUNNING_REFUSAL = '应用正在运行：该数据目录已被另一个调解工作台（或命令行）占用。同一数据目录一次只能由一个程序使用。';

export interface Backend {
  /** Answer one API call (an ApiRequest, or anything: the dispatcher checks it); `source` says which machine sent it (this one when omitted). */
  invoke(req: unknown, source?: RequestSource, hooks?: CallHooks): Promise<ApiResponse>;
  startBackgroundJobs(): void;
  close(): void;
  dataDir: string;
  app: AppServices;
}

export interface BackendOptions {
  dataDir: string;
  host: 'electron' | 'browser';
  secrets?: SecretStore;
  prefs?: Prefs;
  clock?: Clock;
  logger?: Logger;
  /** Log to the console too (the browser host in a terminal). */
  consoleLog?: boolean;
  /** scrypt's N for new password hashes; the production default when omitted. */
  passwordCost?: number;
  /** The upload's fetch, timeouts and scheduler delays (tests shorten them). */
  uploads?: AppUploadOptions;
}

/** Open everything the app needs. Throws AppError (Chinese message) when the data cannot be used. */
export function openServices(opts: {
  dataDir: string;
  secrets?: SecretStore;
  clock?: Clock;
  logger?: Logger;
  consoleLog?: boolean;
  passwordCost?: number;
}): ServiceContext {
  const paths = ensureWritableDataDir(opts.dataDir);
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger({ logsDir: paths.logs, console: opts.consoleLog ?? false });
  const db = openDatabase(paths.database, {
    backupBeforeMigrate: (sqlite, pending) => {
      const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
      const file = path.join(paths.backups, `pre-migrate-${stamp}.sqlite`);
      snapshotSync(sqlite, file);
      logger.info('backup before migration', { file, pending });
    },
  });
  return {
    db,
    clock,
    logger,
    paths,
    secrets: opts.secrets ?? fileSecretStore(paths.secrets),
    passwords: new PasswordHasher(opts.passwordCost),
  };
}

export function createBackend(opts: BackendOptions): Backend {
  // One owner per data dir: while the app runs, no other process may replace or rebuild its database.
  ensureWritableDataDir(opts.dataDir);
  let lostLock: (e: Error) => void = () => undefined;
  const lock: OwnerLock = acquireOwnerLock(opts.dataDir, {
    what: `app:${opts.host}`,
    refusal: APP_RUNNING_REFUSAL,
    onLost: (e) => lostLock(e),
  });
  let ctx: ServiceContext;
  try {
    ctx = openServices(opts);
  } catch (e) {
    lock.release();
    throw e;
  }
  lostLock = (e) => ctx.logger.error('data dir owner lock lost', { error: e.message });
  let diskFullAt: string | null = null;
  const data: DataControl = {
    status: () => {
      let disk: DiskSpace;
      try {
        disk = diskSpace(ctx.paths.root);
      } catch {
        // A file system that cannot say (statfs unsupported): no warning rather than a failing page.
        disk = { freeBytes: 0, totalBytes: 0, low: false, warning: null };
      }
      // A refused write is shown until space has been freed.
      if (!disk.low && diskFullAt) diskFullAt = null;
      return { dataDir: ctx.paths.root, disk, diskFullAt };
    },
    noteDiskFull: () => {
      diskFullAt = ctx.clock.now().toISOString();
      ctx.logger.error('disk full: a write was refused', { dataDir: ctx.paths.root });
    },
    restore: (from) => restoreRunning(from),
  };
  const app: AppServices = {
    ctx,
    sessions: new SessionStore(ctx),
    prefs: opts.prefs ?? confPrefs(ctx.paths.prefs),
    host: opts.host,
    centre: { mode: 'local', lan: null, push: new PushHub(), pairing: new PairingGuard(ctx.clock), seenWrites: new Map() },
    data,
    uploads: new AppUploads(ctx, opts.uploads),
    loginLockout: new LoginLockout(ctx.clock),
    kioskGuard: new KioskGuard(ctx.clock),
    writesInFlight: new Map(),
  };
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  let jobsStarted = false;
  ctx.logger.info('backend started', { host: opts.host, dataDir: opts.dataDir });
  try {
    const disk = diskSpace(ctx.paths.root);
    if (disk.low) ctx.logger.warn('low disk space in the data dir', { freeBytes: disk.freeBytes, dataDir: ctx.paths.root });
  } catch (e) {
    ctx.logger.warn('free space unknown', { error: (e as Error).message });
  }

  const roomForBackup = (): boolean => {
    try {
      const dbBytes = fs.statSync(ctx.paths.database).size;
      return diskSpace(ctx.paths.root).freeBytes > 2 * dbBytes + 50 * 1024 * 1024;
    } catch {
      return true; // cannot tell: try, as before
    }
  };

  /**
   * Restore while running: verify the file, stop the background jobs, close the database, keep
   * it in backups/, swap, reopen. Synchronous from the close to the reopen, so no API call of this
   * process can run against a closed or half-replaced database; every session then ends.
   */
  function restoreRunning(from: string): RestoreResult {
    verifyRestorable(from);
    const { uploads } = app;
    if (uploads.current()) throw new AppError('BUSY', '正在向区平台上传，请等上传结束后再恢复。');
    uploads.stop();
    ctx.db.close();
    let result: { safetyCopy: string | null };
    try {
      result = restoreFrom({ from, databaseFile: ctx.paths.database, backupsDir: ctx.paths.backups, now: ctx.clock.now() });
    } finally {
      // Reopened whatever happened: the restored file, or the untouched one when the restore failed.
      // Opened as at start (migrations, with their backup first): only the connection is taken.
      ctx.db = openServices({ dataDir: ctx.paths.root, clock: ctx.clock, logger: ctx.logger, secrets: ctx.secrets }).db;
      if (jobsStarted && !closed) uploads.startSchedule();
    }
    // The restored file's sign-ins belong to another moment: everyone signs in again.
    app.sessions.endAll();
    ctx.logger.info('database restored', { from: path.basename(from), safetyCopy: result.safetyCopy && path.basename(result.safetyCopy) });
    return { restoredFrom: path.basename(from), safetyCopy: result.safetyCopy && path.basename(result.safetyCopy) };
  }

  // The day's chores: a backup (skipped when today's exists) and deleting the kiosk registrations
  // whose retention has run out, also on days when nobody registers (submitting purges as well).
  const housekeeping = () => {
    try {
      const purged = purgeExpiredIntakes(ctx);
      if (purged > 0) ctx.logger.info('expired intake registrations deleted', { purged });
    } catch (e) {
      ctx.logger.error('intake retention purge failed', { error: (e as Error).message });
    }
    try {
      purgeKept(ctx);
    } catch (e) {
      ctx.logger.error('idempotency purge failed', { error: (e as Error).message });
    }
    try {
      app.sessions.purgeExpired();
    } catch (e) {
      ctx.logger.error('session purge failed', { error: (e as Error).message });
    }
    // A backup is as large as the database: on a disk without room for it, it would take the last
    // free space the counter needs for registrations. Skipped (and warned) until space is freed.
    if (!roomForBackup()) {
      ctx.logger.warn('daily backup skipped: not enough free disk space', { dataDir: ctx.paths.root });
      return Promise.resolve();
    }
    return (
      dailyBackup(ctx.db.sqlite, ctx.paths.backups, ctx.clock.now())
        .then((file) => file && ctx.logger.info('daily backup written', { file }))
        // A backup cut short by closing the app is no failure: the next start writes today's.
        .catch((e: Error) => closed || ctx.logger.error('daily backup failed', { error: e.message }))
    );
  };

  return {
    dataDir: opts.dataDir,
    app,
    invoke: (req, source, hooks) => dispatch(app, req, source, hooks),
    startBackgroundJobs: () => {
      jobsStarted = true;
      void housekeeping();
      // Hourly is enough: both chores are per calendar day.
      const t = setInterval(() => void housekeeping(), 60 * 60_000);
      t.unref();
      timers.push(t);
      // The nightly upload to the district; idle until an address and a token are set.
      app.uploads.startSchedule();
    },
    close: () => {
      closed = true;
      app.centre.push.clear();
      for (const t of timers) clearInterval(t);
      app.uploads.stop();
      ctx.db.close();
      ctx.logger.info('backend closed');
      // The open file handle keeps the process alive until the last lines are written.
      void ctx.logger.close();
      lock.release();
    },
  };
}
