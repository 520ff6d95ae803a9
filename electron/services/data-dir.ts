/**
 * The data dir: one folder with the SQLite file, generated documents, backups and logs.
 * Chosen by `--data-dir`, then MEDIATION_DATA_DIR, then the caller's fallback (Electron's userData,
 * or a per-user folder for the browser host and the CLI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../common/errors';

export function resolveDataDir(opts: { argv: readonly string[]; env: NodeJS.ProcessEnv; fallback: string }): string {
  const { argv, env, fallback } = opts;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (a.startsWith('--data-dir=')) return path.resolve(a.slice('--data-dir='.length));
  }
  if (env.MEDIATION_DATA_DIR) return path.resolve(env.MEDIATION_DATA_DIR);
  return path.resolve(fallback);
}

/** The per-user default outside Electron; matches what Electron's userData would be for this app. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'mediation-desk');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'mediation-desk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'mediation-desk');
}

export const dataPaths = (dir: string) => ({
  root: dir,
  database: path.join(dir, 'mediation.sqlite'),
  backups: path.join(dir, 'backups'),
  logs: path.join(dir, 'logs'),
  documents: path.join(dir, 'documents'),
  secrets: path.join(dir, 'secrets.json'),
  prefs: dir,
});
export type DataPaths = ReturnType<typeof dataPaths>;

/**
 * Create the data dir and its folders (0700 on Linux), tighten what an older version left readable,
 * and prove it is writable before anything else touches it.
 */
export function ensureWritableDataDir(dir: string): DataPaths {
  const p = dataPaths(dir);
  usePrivateUmask();
  try {
    for (const d of [p.root, p.backups, p.logs, p.documents]) fs.mkdirSync(d, { recursive: true, mode: PRIVATE_DIR_MODE });
    tightenDataDir(dir);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok', { mode: PRIVATE_FILE_MODE });
    fs.rmSync(probe);
  } catch (e) {
    throw new AppError(
      'DATA_DIR',
      `数据目录不可写：${dir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。请选择一个有写权限的目录，或联系管理员。`,
    );
  }
  return p;
}

/** Modes on Linux and macOS: the data dir and its folders are the user's alone, and so is every file in them. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const posix = process.platform !== 'win32';

/**
 * Files this process creates anywhere get no group or world bits (umask 077): the logger, SQLite's
 * WAL and SHM, conf and the document writers create files with their own default modes, and a umask
 * is the one place that covers them all. Each writer of the data dir sets 0600 explicitly as well.
 * Worker threads cannot change the umask: there the explicit modes and `tightenDataDir` remain.
 */
export function usePrivateUmask(): void {
  if (!posix) return;
  try {
    process.umask(0o077);
  } catch {
    // A worker thread: see above.
  }
}

/** chmod that never fails the caller: a file that vanished meanwhile (a rotated log) needs nothing. */
function chmodQuiet(file: string, mode: number): void {
  try {
    fs.chmodSync(file, mode);
  } catch {
    // vanished or not ours: nothing to tighten
  }
}

/** Make a file the app has just written private (SQLite's backup API and VACUUM INTO choose their own mode). */
export function makePrivate(file: string): void {
  if (posix) chmodQuiet(file, PRIVATE_FILE_MODE);
}

/**
 * Tighten a data dir created by an older version (755 folders, 644 files): every folder 0700, every
 * file 0600. Symbolic links are left alone (chmod would follow them out of the data dir).
 */
export function tightenDataDir(dir: string): void {
  if (!posix) return;
  const walk = (d: string) => {
    chmodQuiet(d, PRIVATE_DIR_MODE);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) chmodQuiet(full, PRIVATE_FILE_MODE);
    }
  };
  walk(dir);
}

/** Below this much free space the app warns at start and on the status page. */
export const LOW_SPACE_BYTES = 500 * 1024 * 1024;

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
  /** Free space is below LOW_SPACE_BYTES, or below twice the database (a backup and a migration each need a copy). */
  low: boolean;
  /** A Chinese warning to show, when low. */
  warning: string | null;
}

const mb = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

export function diskSpace(dir: string): DiskSpace {
  const s = fs.statfsSync(dir);
  const freeBytes = s.bavail * s.bsize;
  const totalBytes = s.blocks * s.bsize;
  let dbBytes = 0;
  try {
    dbBytes = fs.statSync(dataPaths(dir).database).size;
  } catch {
    // no database yet
  }
  const low = freeBytes < Math.max(LOW_SPACE_BYTES, 2 * dbBytes);
  return {
    freeBytes,
    totalBytes,
    low,
    warning: low
      ? `数据目录所在磁盘仅剩 ${mb(freeBytes)} 可用空间。空间用尽时将无法保存新的登记和修改，请尽快清理磁盘或联系管理员。`
      : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The owner lock: one process at a time may run the app on a data dir, or replace its database.

/** The lock is a folder inside the data dir (proper-lockfile makes it with mkdir, atomic everywhere). */
export const ownerLockPath = (dir: string) => path.join(dir, 'owner.lock');
const ownerInfoPath = (dir: string) => path.join(dir, 'owner.json');
/** The holder touches the lock every OWNER_UPDATE_MS; a lock untouched for OWNER_STALE_MS belongs to a dead process. */
export const OWNER_STALE_MS = 20_000;
export const OWNER_UPDATE_MS = 5_000;
/** A stale-looking lock whose holder is alive here is respected this long (a demo of 10^5 cases takes minutes). */
export const OWNER_BUSY_HORIZON_MS = 30 * 60_000;

export interface OwnerInfo {
  pid: number;
  hostname: string;
  what: string;
  since: string;
}

export interface OwnerLock {
  release(): void;
}

function readOwner(dir: string): OwnerInfo | null {
  try {
    return JSON.parse(fs.readFileSync(ownerInfoPath(dir), 'utf8')) as OwnerInfo;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Who holds the data dir, if anyone. A lock whose mtime is older than OWNER_STALE_MS is stale
 * (proper-lockfile's rule) unless its holder is still alive on this machine: a holder whose event
 * loop was busy longer than the stale time (a large demo generation) has not gone away.
 */
export function ownerOf(dir: string): OwnerInfo | null {
  const lockDir = ownerLockPath(dir);
  if (!fs.existsSync(lockDir)) return null;
  const info = readOwner(dir);
  const fresh = lockfile.checkSync(dir, { lockfilePath: lockDir, stale: OWNER_STALE_MS, realpath: false });
  // Within a horizon only: after a crash the pid may be reused by an unrelated process, which must
  // not keep the data dir refused for ever.
  let recent: boolean;
  try {
    recent = Date.now() - fs.statSync(lockDir).mtimeMs < OWNER_BUSY_HORIZON_MS;
  } catch {
    return null; // released meanwhile
  }
  const liveHere = recent && info !== null && info.hostname === os.hostname() && info.pid !== process.pid && alive(info.pid);
  if (fresh || liveHere) return info ?? { pid: 0, hostname: '', what: '未知进程', since: '' };
  return null;
}

/**
 * Take the data dir for this process (the app while it runs; restore, init and demo while they
 * replace or rebuild the database). Throws BUSY with `refusal` when another process holds it.
 * `onLost` is told when the lock was taken away (another process judged it stale): the caller logs it.
 */
export function acquireOwnerLock(dir: string, opts: { what: string; refusal: string; onLost?: (e: Error) => void }): OwnerLock {
  ensureWritableDataDir(dir);
  const holder = ownerOf(dir);
  if (holder)
    throw new AppError(
      'BUSY',
      `${opts.refusal}${holder.pid ? `（占用者 / held by: ${holder.what}，进程 pid ${holder.pid}，自 since ${holder.since}）` : ''}`,
    );
  let release: () => void;
  try {
    release = lockfile.lockSync(dir, {
      lockfilePath: ownerLockPath(dir),
      stale: OWNER_STALE_MS,
      update: OWNER_UPDATE_MS,
      realpath: false,
      // The default throws from a timer, which would end the process: a lost lock is logged instead.
      onCompromised: (e) => opts.onLost?.(e),
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new AppError('BUSY', opts.refusal);
    throw new AppError('DATA_DIR', `无法锁定数据目录：${dir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  const info: OwnerInfo = { pid: process.pid, hostname: os.hostname(), what: opts.what, since: new Date().toISOString() };
  fs.writeFileSync(ownerInfoPath(dir), JSON.stringify(info), { mode: PRIVATE_FILE_MODE });
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      try {
        release();
      } catch {
        // already released or compromised: nothing left to free
      }
      fs.rmSync(ownerInfoPath(dir), { force: true });
    },
  };
}
