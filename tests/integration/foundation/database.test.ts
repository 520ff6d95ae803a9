import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationState, openDatabase } from '../../../db/open';
import { defaultMigrationsFolder } from '../../../db/migrations-folder';
import { createBackend } from '../../../electron/backend';
import { dailyBackup, DAILY_KEEP, inspectDatabase, restoreFrom } from '../../../electron/services/backup';
import { createLogger } from '../../../electron/services/core/logger';
import { migrationsUpTo } from '../../support/migrations';
import { tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
const tmp = () => {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
};
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('openDatabase', () => {
  it('creates a WAL database with foreign keys on and every migration applied', () => {
    const db = openDatabase(path.join(tmp(), 'a.sqlite'));
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const state = migrationState(db.sqlite, defaultMigrationsFolder());
    expect(state.pending).toEqual([]);
    expect(state.applied).toBe(state.known);
    // foreign keys are enforced
    expect(() =>
      db.sqlite
        .prepare(
          "INSERT INTO parties (id, updated_at, case_id, role, kind, name) VALUES ('p', 'x', 'no-such-case', 'applicant', 'person', '张三')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('applies pending migrations in one transaction and backs up first when data exists', () => {
    const dir = tmp();
    const file = path.join(dir, 'm.sqlite');
    // An "old" database: only the first migration applied, with a row in it.
    const old = openDatabase(file, { migrationsFolder: migrationsUpTo(dir, 1) });
    old.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 'now')").run();
    old.close();

    const backups: string[][] = [];
    const db = openDatabase(file, { backupBeforeMigrate: (_s, pending) => backups.push(pending) });
    // Backed up once, before every migration after the first, named by tag.
    const journal = JSON.parse(fs.readFileSync(path.join(defaultMigrationsFolder(), 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(backups).toEqual([journal.entries.slice(1).map((e) => e.tag)]);
    expect(migrationState(db.sqlite, defaultMigrationsFolder()).pending).toEqual([]);
    // The upgraded file has exactly the schema a fresh one has: every table, index and trigger.
    const schema = (s: Database.Database) =>
      s.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
        type: string;
        name: string;
      }[];
    const fresh = openDatabase(path.join(dir, 'fresh.sqlite'));
    expect(schema(db.sqlite)).toEqual(schema(fresh.sqlite));
    expect(
      schema(db.sqlite)
        .filter((r) => r.type === 'trigger')
        .map((r) => r.name),
    ).toContain('cases_outbox_update');
    fresh.close();
    expect(db.sqlite.prepare("SELECT value FROM settings WHERE key='k'").get()).toEqual({ value: '1' });
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = path.join(tmp(), 'new.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 99999999999999);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/更新版本/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a corrupt file with a clear message and does not change it', () => {
    const file = path.join(tmp(), 'corrupt.sqlite');
    fs.writeFileSync(file, Buffer.from('这不是数据库'.repeat(500)));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/已损坏或不是调解工作台的数据库/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('data dir and backend', () => {
  it('refuses a data dir that is not writable with a clear message', () => {
    const dir = tmp();
    const blocked = path.join(dir, 'file-not-dir');
    fs.writeFileSync(blocked, 'x');
    expect(() => createBackend({ dataDir: path.join(blocked, 'data'), host: 'browser', logger: createLogger({}) })).toThrow(
      /数据目录不可写/,
    );
  });
});

describe('backups', () => {
  it('keeps one daily backup per day and only the newest 14', async () => {
    const dir = tmp();
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    for (let d = 1; d <= 20; d++) await dailyBackup(db.sqlite, backups, new Date(2026, 10, d, 12));
    expect(await dailyBackup(db.sqlite, backups, new Date(2026, 10, 20, 18))).toBeNull();
    const files = fs.readdirSync(backups).sort();
    expect(files).toHaveLength(DAILY_KEEP);
    expect(files[0]).toBe('daily-2026-11-07.sqlite');
    expect(inspectDatabase(path.join(backups, files[13]!)).ok).toBe(true);
    db.close();
  });

  it('restores a healthy backup and refuses a file that is not one', () => {
    const dir = tmp();
    const file = path.join(dir, 'db.sqlite');
    const db = openDatabase(file);
    db.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('marker', '\"v1\"', 'now')").run();
    db.sqlite.prepare('VACUUM INTO ?').run(path.join(dir, 'good.sqlite'));
    db.sqlite.prepare("UPDATE settings SET value = '\"v2\"' WHERE key = 'marker'").run();
    db.close();
    fs.mkdirSync(path.join(dir, 'backups'));
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'garbage');
    expect(() => restoreFrom({ from: bad, databaseFile: file, backupsDir: path.join(dir, 'backups'), now: new Date() })).toThrow(
      /拒绝恢复/,
    );
    const { safetyCopy } = restoreFrom({
      from: path.join(dir, 'good.sqlite'),
      databaseFile: file,
      backupsDir: path.join(dir, 'backups'),
      now: new Date(),
    });
    expect(safetyCopy && fs.existsSync(safetyCopy)).toBe(true);
    const reopened = openDatabase(file);
    expect(reopened.sqlite.prepare("SELECT value FROM settings WHERE key='marker'").get()).toEqual({ value: '"v1"' });
    reopened.close();
  });
});
