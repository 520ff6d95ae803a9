/**
 * The app behind either window: opens the data dir and the database, builds the services, and
 * answers API calls. The Electron shell (electron/main) and the browser host (electron/host)
 * are both thin wrappers around this; neither contains business logic.
 */
import path from 'node:path';
import { openDatabase } from '../db/open';
import type { ApiRequest, ApiResponse } from './common/api/contract';
import type { AppServices } from './app-services';
import { dispatch } from './api/dispatch';
import type { CallHooks, RequestSource } from './api/handler';
import { SessionStore } from './services/auth/sessions';
import { purgeKept } from './services/devices/idempotency';
import { PairingGuard } from './services/devices/pairing-guard';
import { PushHub } from './services/devices/push-hub';
import { dailyBackup, snapshotSync } from './services/backup';
import { purgeExpiredIntakes } from './services/intake/retention';
import { systemClock, type Clock } from './services/core/clock';
import type { ServiceContext } from './services/core/context';
import { createLogger, type Logger } from './services/core/logger';
import { ensureWritableDataDir } from './services/data-dir';
import { confPrefs, type Prefs } from './services/prefs';
import { fileSecretStore, type SecretStore } from './services/secrets';
import { appUploads } from './services/upload/background';

export interface Backend {
  /** Answer one API call; `source` says which machine sent it (this one when omitted). */
  invoke(req: ApiRequest | unknown, source?: RequestSource, hooks?: CallHooks): Promise<ApiResponse>;
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
}

/** Open everything the app needs. Throws AppError (Chinese message) when the data cannot be used. */
export function openServices(opts: { dataDir: string; secrets?: SecretStore; clock?: Clock; logger?: Logger; consoleLog?: boolean }): ServiceContext {
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
  return { db, clock, logger, paths, secrets: opts.secrets ?? fileSecretStore(paths.secrets) };
}

export function createBackend(opts: BackendOptions): Backend {
  const ctx = openServices(opts);
  const app: AppServices = {
    ctx,
    sessions: new SessionStore(ctx.clock),
    prefs: opts.prefs ?? confPrefs(ctx.paths.prefs),
    host: opts.host,
    centre: { mode: 'local', push: new PushHub(), pairing: new PairingGuard(ctx.clock), seenWrites: new Map() },
  };
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  ctx.logger.info('backend started', { host: opts.host, dataDir: opts.dataDir });

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
    return dailyBackup(ctx.db.sqlite, ctx.paths.backups, ctx.clock.now())
      .then((file) => file && ctx.logger.info('daily backup written', { file }))
      // A backup cut short by closing the app is no failure: the next start writes today's.
      .catch((e: Error) => closed || ctx.logger.error('daily backup failed', { error: e.message }));
  };

  return {
    dataDir: opts.dataDir,
    app,
    invoke: (req, source, hooks) => dispatch(app, req, source, hooks),
    startBackgroundJobs: () => {
      void housekeeping();
      // Hourly is enough: both chores are per calendar day.
      const t = setInterval(() => void housekeeping(), 60 * 60_000);
      t.unref();
      timers.push(t);
      // The nightly upload to the district; idle until an address and a token are set.
      appUploads(ctx).startSchedule();
    },
    close: () => {
      closed = true;
      app.centre.push.clear();
      for (const t of timers) clearInterval(t);
      appUploads(ctx).stop();
      ctx.db.close();
      ctx.logger.info('backend closed');
      ctx.logger.close();
    },
  };
}
