/**
 * Backups of the SQLite database: daily (keeping the last 14), before every migration, on demand
 * (CLI `backup`), and the checks that decide whether a file may be restored.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrationState } from '../../db/open';
import { defaultMigrationsFolder } from '../../db/migrations-folder';
import { AppError } from '../common/errors';
import { localDate } from './core/clock';
import { makePrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './data-dir';

export const DAILY_KEEP = 14;

/** A consistent copy of a live database (better-sqlite3's online backup API). */
export async function backupTo(sqlite: Database.Database, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const tmp = `${file}.partial`;
  try {
    await sqlite.backup(tmp);
  } catch (e) {
    // A half-written copy (a full disk, the app closing) is no backup and only takes space.
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  // A copy of all the personal data: private before it gets its name (the backup API picks its own mode).
  makePrivate(tmp);
  fs.renameSync(tmp, file);
}

/** Synchronous copy for the moment before migrations run (openDatabase's hook is synchronous). */
export function snapshotSync(sqlite: Database.Database, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  if (fs.existsSync(file)) fs.rmSync(file);
  sqlite.prepare('VACUUM INTO ?').run(file);
  makePrivate(file);
}

const DAILY = /^daily-(\d{4}-\d{2}-\d{2})\.sqlite$/;

/** Take today's daily backup unless it exists, then keep only the newest DAILY_KEEP. */
export async function dailyBackup(sqlite: Database.Database, backupsDir: string, now: Date): Promise<string | null> {
  const file = path.join(backupsDir, `daily-${localDate(now)}.sqlite`);
  let made: string | null = null;
  if (!fs.existsSync(file)) {
    await backupTo(sqlite, file);
    made = file;
  }
  const dailies = fs
    .readdirSync(backupsDir)
    .filter((f) => DAILY.test(f))
    .sort();
  for (const old of dailies.slice(0, Math.max(0, dailies.length - DAILY_KEEP))) fs.rmSync(path.join(backupsDir, old));
  return made;
}

export interface HealthReport {
  ok: boolean;
  problems: string[];
  integrity: string;
  foreignKeyViolations: number;
  migrations: { known: number; applied: number; pending: string[]; unknown: number };
  isMediationDesk: boolean;
}

/** Integrity, foreign keys, migration state: the CLI `check` and the restore guard share this. */
export function inspectDatabase(file: string, migrationsFolder = defaultMigrationsFolder()): HealthReport {
  const problems: string[] = [];
  if (!fs.existsSync(file)) {
    return {
      ok: false,
      problems: [`数据库文件不存在：${file}`],
      integrity: 'missing',
      foreignKeyViolations: 0,
      migrations: { known: 0, applied: 0, pending: [], unknown: 0 },
      isMediationDesk: false,
    };
  }
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') problems.push(`完整性检查未通过：${integrity.slice(0, 300)}`);
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`外键检查发现 ${fk.length} 处不一致`);
    const tables = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name),
    );
    const isMediationDesk = tables.has('__drizzle_migrations') && tables.has('centre') && tables.has('cases');
    if (!isMediationDesk) problems.push('这不是调解工作台的数据库（缺少必需的数据表）');
    const migrations = migrationState(sqlite, migrationsFolder);
    if (migrations.unknown > 0) problems.push(`数据库来自更新版本（${migrations.unknown} 个未知的结构变更）`);
    if (migrations.pending.length > 0)
      problems.push(`有 ${migrations.pending.length} 个结构变更尚未应用：${migrations.pending.join(', ')}`);
    return { ok: problems.length === 0, problems, integrity, foreignKeyViolations: fk.length, migrations, isMediationDesk };
  } catch (e) {
    const message = (e as Error).message;
    problems.push(/not a database|malformed|corrupt/i.test(message) ? '文件已损坏或不是 SQLite 数据库' : `无法读取数据库：${message}`);
    return {
      ok: false,
      problems,
      integrity: 'unreadable',
      foreignKeyViolations: 0,
      migrations: { known: 0, applied: 0, pending: [], unknown: 0 },
      isMediationDesk: false,
    };
  } finally {
    sqlite?.close();
  }
}

/** Refuse a file that is not a healthy mediation-desk database no newer than this app. */
export function verifyRestorable(from: string): HealthReport {
  const report = inspectDatabase(from);
  const fatal = report.problems.filter((p) => !p.startsWith('有 ')); // pending migrations are fine: applied on next open
  if (!report.isMediationDesk || fatal.length > 0) {
    throw new AppError('REFUSED', `拒绝恢复：${fatal.join('；') || '文件不是调解工作台的数据库'}。当前数据未被改动。`);
  }
  return report;
}

/**
 * Replace the data dir's database with a backup file, after proving the file is a healthy
 * mediation-desk database no newer than this app. The current database is kept as a backup first.
 * Nobody may have the database open: the CLI holds the data dir's owner lock, the running app
 * closes its connection first (backend.ts).
 */
export function restoreFrom(opts: { from: string; databaseFile: string; backupsDir: string; now: Date }): { safetyCopy: string | null } {
  verifyRestorable(opts.from);
  let safetyCopy: string | null = null;
  if (fs.existsSync(opts.databaseFile)) {
    safetyCopy = newBackupFile(opts.backupsDir, 'pre-restore', opts.now);
    const current = new Database(opts.databaseFile);
    try {
      snapshotSync(current, safetyCopy);
    } finally {
      current.close();
    }
  }
  const tmp = `${opts.databaseFile}.restoring`;
  fs.copyFileSync(opts.from, tmp);
  fs.chmodSync(tmp, PRIVATE_FILE_MODE);
  // The copy is on disk before it replaces the database: a power cut leaves the old or the new file, never half of one.
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${opts.databaseFile}${suffix}`, { force: true });
  fs.renameSync(tmp, opts.databaseFile);
  return { safetyCopy };
}

/**
 * A new file name in backups/ for `prefix` and the time, never one that exists: two restores in
 * the same millisecond (or the file being restored from) must not be overwritten.
 */
export function newBackupFile(backupsDir: string, prefix: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const file = path.join(backupsDir, `${prefix}-${stamp}${n > 1 ? `-${n}` : ''}.sqlite`);
    if (!fs.existsSync(file)) return file;
  }
}

export interface BackupFile {
  name: string;
  bytes: number;
  /** When the file was last written (ISO). */
  modifiedAt: string;
}

/** A backup's file name: no folders, so an operation given a name can never reach outside backups/. */
export const BACKUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.sqlite$/;

/** The backups one may restore from, newest first. */
export function listBackups(backupsDir: string): BackupFile[] {
  if (!fs.existsSync(backupsDir)) return [];
  return fs
    .readdirSync(backupsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && BACKUP_NAME.test(e.name))
    .map((e) => {
      const st = fs.statSync(path.join(backupsDir, e.name));
      return { name: e.name, bytes: st.size, modifiedAt: st.mtime.toISOString() };
    })
    .sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : a.name < b.name ? 1 : -1));
}

/** The path of a backup named by the user, refused unless it is a file directly in backups/. */
export function backupPath(backupsDir: string, name: string): string {
  if (!BACKUP_NAME.test(name)) throw new AppError('VALIDATION', `备份文件名无效：${name.slice(0, 80)}`);
  const file = path.join(backupsDir, name);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('NOT_FOUND', `备份文件不存在：${name}`);
  return file;
}
