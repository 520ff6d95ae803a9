/**
 * Opening the database: pragmas, a health probe, and forward-only migrations in one transaction.
 *
 * A database written by a newer app (it has migrations this build does not know) is refused
 * rather than touched: an older app could silently corrupt a newer schema. Before pending
 * migrations run on a database that already holds data, a backup is taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../electron/common/errors';
import { schema } from './schema';
import { defaultMigrationsFolder } from './migrations-folder';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Db {
  /** The raw connection, for hand-written SQL (FTS, pragmas, backups). */
  sqlite: Database.Database;
  orm: Orm;
  path: string;
  close(): void;
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Called before pending migrations run on a database that already has tables. */
  backupBeforeMigrate?: (db: Database.Database, pending: string[]) => void;
  readonly?: boolean;
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** A write refused because the disk (or the database's size limit) is full: SQLite's SQLITE_FULL, or ENOSPC from Node. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

export const DISK_FULL_MESSAGE =
  '磁盘空间不足，刚才的操作未能保存（之前已保存的内容不受影响）。请清理数据目录所在的磁盘或联系管理员；在此之前只能查看，不能新增或修改。';

export function readJournal(folder: string): JournalEntry[] {
  const file = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

export interface MigrationState {
  known: number;
  applied: number;
  pending: string[];
  /** Applied migrations this build does not know: the database comes from a newer app. */
  unknown: number;
}

export function migrationState(sqlite: Database.Database, folder: string): MigrationState {
  const entries = readJournal(folder);
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  const appliedTimes: number[] = hasTable
    ? (sqlite.prepare('SELECT created_at AS t FROM __drizzle_migrations').all() as { t: number }[]).map((r) => Number(r.t))
    : [];
  const knownTimes = new Set(entries.map((e) => e.when));
  const lastApplied = appliedTimes.length ? Math.max(...appliedTimes) : -1;
  return {
    known: entries.length,
    applied: appliedTimes.length,
    pending: entries.filter((e) => e.when > lastApplied).map((e) => e.tag),
    unknown: appliedTimes.filter((t) => !knownTimes.has(t)).length,
  };
}

/** Open (creating if needed) the database at `file`, migrated to this build's schema. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const folder = options.migrationsFolder ?? defaultMigrationsFolder();
  let sqlite: Database.Database;
  const existed = fs.existsSync(file);
  try {
    sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new AppError('DATA_DIR', `无法打开数据库文件 ${file}：${(e as Error).message}`);
  }
  try {
    // Probe first: a file that is not SQLite fails here, before anything writes to it.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      // Personal data: the file is the user's alone (Linux). SQLite gives the WAL and SHM it creates
      // next the same mode as the database, so this must come before journal_mode.
      if (process.platform !== 'win32' && !existed) fs.chmodSync(file, 0o600);
      sqlite.pragma('journal_mode = WAL');
      // FULL: every commit syncs the WAL, so an acknowledged registration (the citizen walked away
      // with a ticket) survives a power cut. NORMAL could lose the last commits; the cost is in the bench.
      sqlite.pragma('synchronous = FULL');
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Statement journals of trigger-heavy writes (outbox, search index) stay in memory, and reads of
    // a large database go through the page cache of the OS instead of copies: both measured in bench.
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('mmap_size = 1073741824');

    const state = migrationState(sqlite, folder);
    if (state.unknown > 0) {
      throw new AppError(
        'DB_TOO_NEW',
        `数据库由更新版本的调解工作台写入（含 ${state.unknown} 个本版本不认识的结构变更），本版本不能打开它。请安装最新版本后再试；数据未被改动。`,
      );
    }
    if (state.pending.length > 0 && !options.readonly) {
      const hasData = state.applied > 0;
      if (hasData) options.backupBeforeMigrate?.(sqlite, state.pending);
      migrate(drizzle(sqlite), { migrationsFolder: folder });
    }
  } catch (e) {
    sqlite.close();
    if (e instanceof AppError) throw e;
    if (isDiskFull(e)) throw new AppError('DISK_FULL', DISK_FULL_MESSAGE);
    const message = (e as Error).message;
    if (/not a database|malformed|corrupt/i.test(message)) {
      throw new AppError(
        'DB_CORRUPT',
        `数据库文件已损坏或不是调解工作台的数据库（${file}）。请用“恢复备份”从 backups/ 中恢复；原文件未被改动。`,
      );
    }
    throw new AppError('INTERNAL', `打开数据库失败：${message}`);
  }
  const orm = drizzle(sqlite, { schema });
  return {
    sqlite,
    orm,
    path: file,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
