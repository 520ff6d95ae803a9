/**
 * Issue 12 item 2: one owner per data dir. While the app (here the browser host, a real second
 * process) runs on a data dir, the commands that replace or rebuild its database are refused and
 * nothing it acknowledged is lost; the read-only commands keep working alongside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import {
  acquireOwnerLock,
  dataPaths,
  ownerLockPath,
  ownerOf,
  OWNER_BUSY_HORIZON_MS,
  OWNER_STALE_MS,
} from '../../../electron/services/data-dir';
import { walkInCase } from '../../support/cases';
import { startHostProcess, type HostProcess } from '../../support/host-process';
import { tempDir } from '../../support/tmp';

const dirs: ReturnType<typeof tempDir>[] = [];
let host: HostProcess | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await host?.stop();
  host = undefined;
});
afterAll(async () => {
  // The CLI's file logger may still be opening its file after a command returned.
  await new Promise((r) => setTimeout(r, 300));
  for (const d of dirs) d.cleanup();
});

function fresh() {
  const t = tempDir('md-owner-');
  dirs.push(t);
  return t.dir;
}

/** Run one CLI command in this process, capturing what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  try {
    const code = await runCli(argv);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

const INIT = [
  '--centre-code',
  '410711001',
  '--centre-name',
  '牧野区非诉讼服务中心',
  '--admin-user',
  'admin',
  '--admin-password',
  'Admin1234',
];

function titles(dataDir: string): string[] {
  const db = new Database(dataPaths(dataDir).database, { readonly: true });
  try {
    return (db.prepare('SELECT title FROM cases ORDER BY title').all() as { title: string }[]).map((r) => r.title);
  } finally {
    db.close();
  }
}

describe('the data dir has one owner', () => {
  it('refuses restore, init and demo while the host runs on the data dir; a case registered after survives; check, export and backup work alongside', async () => {
    const dir = fresh();
    expect((await cli('init', '--data-dir', dir, ...INIT)).code).toBe(0);
    const outside = fresh();
    const before = path.join(outside, 'before.sqlite');
    expect((await cli('backup', '--data-dir', dir, '--out', before)).code).toBe(0);

    host = await startHostProcess(dir);
    expect(ownerOf(dir)?.what).toBe('app:browser');
    const session = (await host.call<{ session: string }>('auth.login', { loginName: 'admin', password: 'Admin1234' })).session;
    await host.call('cases.register', walkInCase({ title: '恢复前登记的案件' }), session);

    const restore = await cli('restore', '--data-dir', dir, '--from', before);
    expect(restore.code).toBe(3);
    expect(restore.err).toContain('应用正在运行：请先关闭调解工作台再恢复');
    const init = await cli('init', '--data-dir', dir, ...INIT);
    expect(init.code).toBe(3);
    expect(init.err).toContain('应用正在运行：请先关闭调解工作台再初始化');
    const demo = await cli('demo', '--data-dir', dir, '--cases', '3');
    expect(demo.code).toBe(3);
    expect(demo.err).toContain('应用正在运行：请先关闭调解工作台再生成演示数据');
    // A backup into the data dir is the owner's business; one outside is an online backup.
    const into = await cli('backup', '--data-dir', dir, '--out', path.join(dir, 'backups', 'manual.sqlite'));
    expect(into.code).toBe(3);
    expect(fs.existsSync(path.join(dir, 'backups', 'manual.sqlite'))).toBe(false);

    // The host is still serving, and what it acknowledges now is kept.
    await host.call('cases.register', walkInCase({ title: '恢复被拒后登记的案件' }), session);

    // Read-only commands alongside the running host.
    const check = await cli('check', '--data-dir', dir);
    expect(check.code).toBe(0);
    expect(check.out).toContain('数据库正常');
    const exported = path.join(outside, 'export.jsonl');
    expect((await cli('export', '--data-dir', dir, '--out', exported)).code).toBe(0);
    expect(fs.readFileSync(exported, 'utf8')).toContain('恢复被拒后登记的案件');
    const during = path.join(outside, 'during.sqlite');
    expect((await cli('backup', '--data-dir', dir, '--out', during)).code).toBe(0);

    expect(await host.stop()).toBe(0);
    host = undefined;
    expect(titles(dir)).toEqual(['恢复前登记的案件', '恢复被拒后登记的案件']);
    // Closing the app gave the data dir back: now the restore runs, and keeps what it replaces.
    expect(ownerOf(dir)).toBeNull();
    const later = await cli('restore', '--data-dir', dir, '--from', before);
    expect(later.code).toBe(0);
    expect(titles(dir)).toEqual([]);
    const kept = fs.readdirSync(dataPaths(dir).backups).filter((f) => f.startsWith('pre-restore-'));
    expect(kept).toHaveLength(1);
  }, 120_000);

  it('refuses a second app on the same data dir', async () => {
    const dir = fresh();
    expect((await cli('init', '--data-dir', dir, ...INIT)).code).toBe(0);
    host = await startHostProcess(dir);
    await expect(startHostProcess(dir)).rejects.toThrow(/应用正在运行/);
  }, 120_000);

  it('takes over a lock left by a process that died (not refreshed for the stale time, holder gone)', () => {
    const dir = fresh();
    fs.mkdirSync(ownerLockPath(dir));
    const old = new Date(Date.now() - OWNER_STALE_MS - 5_000);
    fs.utimesSync(ownerLockPath(dir), old, old);
    // A pid far above pid_max: no such process.
    fs.writeFileSync(
      path.join(dir, 'owner.json'),
      JSON.stringify({ pid: 2 ** 30, hostname: os.hostname(), what: 'app:browser', since: old.toISOString() }),
    );
    expect(ownerOf(dir)).toBeNull();
    const lock = acquireOwnerLock(dir, { what: 'test', refusal: '占用' });
    expect(ownerOf(dir)?.what).toBe('test');
    expect(() => acquireOwnerLock(dir, { what: 'again', refusal: '占用' })).toThrow('占用');
    lock.release();
    expect(fs.existsSync(ownerLockPath(dir))).toBe(false);
  });

  it('does not take a stale-looking lock from a holder that is still alive (a long busy loop)', () => {
    const dir = fresh();
    fs.mkdirSync(ownerLockPath(dir));
    const old = new Date(Date.now() - OWNER_STALE_MS - 5_000);
    fs.utimesSync(ownerLockPath(dir), old, old);
    // The parent of this test process is alive and is not us.
    fs.writeFileSync(
      path.join(dir, 'owner.json'),
      JSON.stringify({ pid: process.ppid, hostname: os.hostname(), what: 'cli:demo', since: old.toISOString() }),
    );
    expect(ownerOf(dir)?.what).toBe('cli:demo');
    expect(() => acquireOwnerLock(dir, { what: 'app', refusal: '应用正在运行' })).toThrow('应用正在运行');
    // ... but not for ever: after the horizon a live pid is taken for a reused one.
    const older = new Date(Date.now() - OWNER_BUSY_HORIZON_MS - 5_000);
    fs.utimesSync(ownerLockPath(dir), older, older);
    expect(ownerOf(dir)).toBeNull();
    acquireOwnerLock(dir, { what: 'app', refusal: '应用正在运行' }).release();
  });
});
