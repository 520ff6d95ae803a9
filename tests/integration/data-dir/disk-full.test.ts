/**
 * Issue 12 item 5: a full disk does not end the process. The data dir lives on a real 4 MB tmpfs
 * (mounted here; the tests run as root on the build machine), filled up with a spare file: the
 * log writer hits ENOSPC, SQLite hits SQLITE_FULL, and the app answers DISK_FULL, keeps reading,
 * loses nothing it acknowledged, and writes again once space is freed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend';
import { createLogger } from '../../../electron/services/core/logger';
import { ADMIN, CENTRE } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { tempDir } from '../../support/tmp';

let mount: ReturnType<typeof tempDir>;
beforeAll(() => {
  mount = tempDir('md-full-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mount.dir]);
});
afterAll(async () => {
  // The CLI's and the backends' loggers close their files asynchronously.
  await new Promise((r) => setTimeout(r, 500));
  try {
    execFileSync('umount', [mount.dir]);
  } catch {
    // Still busy: detach it now, the kernel frees it when the last file closes.
    execFileSync('umount', ['-l', mount.dir]);
  }
  mount.cleanup();
});

async function call(backend: Backend, op: string, input: unknown, session: string | null = null) {
  return backend.invoke({ op, input, session });
}

/** Fill the filesystem: one spare file as large as it gets, then a few small ones for the last blocks. */
function fill(file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const size of [256 * 1024, 16 * 1024, 1024]) {
      for (;;) {
        try {
          fs.writeSync(fd, Buffer.alloc(size, 1));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw e;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

describe('a full disk', () => {
  it('gives DISK_FULL, keeps the process running and reading, loses nothing acknowledged, and writes again once space is freed', async () => {
    const dataDir = path.join(mount.dir, 'data');
    // The real logger, writing into the data dir on the small disk.
    const backend = createBackend({ dataDir, host: 'browser', logger: createLogger({ logsDir: path.join(dataDir, 'logs') }) });
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (s: string | Uint8Array) => (stderr.push(String(s)), true);
    const acknowledged: string[] = [];
    try {
      expect((await call(backend, 'setup.create', { centre: CENTRE, admin: ADMIN })).ok).toBe(true);
      const login = await call(backend, 'auth.login', { loginName: ADMIN.loginName, password: ADMIN.password });
      const session = (login as { ok: true; data: { session: string } }).data.session;
      const status0 = await call(backend, 'data.status', {}, session);
      expect(status0).toMatchObject({ ok: true, data: { low: true, diskFullAt: null } });
      expect((status0 as { ok: true; data: { warning: string } }).data.warning).toContain('可用空间');
      // Warned at start, in the log, before anything failed.
      await new Promise((r) => setTimeout(r, 200));
      const logs = path.join(dataDir, 'logs');
      const logged = fs
        .readdirSync(logs)
        .filter((f) => f.endsWith('.log'))
        .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
        .join('');
      expect(logged).toContain('low disk space in the data dir');
      // The daily backup would take the space registrations need: skipped, and said so.
      backend.startBackgroundJobs();
      await new Promise((r) => setTimeout(r, 300));
      const logged2 = fs
        .readdirSync(logs)
        .filter((f) => f.endsWith('.log'))
        .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
        .join('');
      expect(logged2).toContain('daily backup skipped: not enough free disk space');
      expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);

      const spare = path.join(mount.dir, 'spare.bin');
      fill(spare);
      let refusal: { code: string; message: string } | null = null;
      for (let i = 0; i < 500 && !refusal; i++) {
        const title = `登记${String(i).padStart(3, '0')}`;
        const r = await call(backend, 'cases.register', walkInCase({ title, summary: '邻里纠纷。'.repeat(200) }), session);
        if (r.ok) acknowledged.push(title);
        else refusal = r.error;
        backend.app.ctx.logger.info('a line for the full log file', { i });
      }
      expect(refusal?.code).toBe('DISK_FULL');
      expect(refusal?.message).toContain('磁盘空间不足');

      // Still answering, reading everything acknowledged; the status page says what happened.
      const list = await call(backend, 'cases.list', { pageSize: 100 }, session);
      expect(list.ok).toBe(true);
      const listed = (list as { ok: true; data: { rows: { title: string }[]; total: number } }).data;
      expect(listed.total).toBe(acknowledged.length);
      const status = (await call(backend, 'data.status', {}, session)) as { ok: true; data: { diskFullAt: string | null } };
      expect(status.data.diskFullAt).not.toBeNull();
      // Another write is refused the same way, not with an internal error.
      const again = await call(backend, 'cases.register', walkInCase({ title: '仍然满' }), session);
      expect(again.ok ? null : again.error.code).toBe('DISK_FULL');

      // Space freed: writes work again, and the log file takes lines again after its retry time.
      fs.rmSync(spare);
      const after = await call(backend, 'cases.register', walkInCase({ title: '清理后登记' }), session);
      expect(after.ok).toBe(true);
      acknowledged.push('清理后登记');
    } finally {
      process.stderr.write = write;
      backend.close();
    }

    // Everything acknowledged is on disk after the app closed.
    const reopened = createBackend({ dataDir, host: 'browser', logger: createLogger({}) });
    try {
      const login = await call(reopened, 'auth.login', { loginName: ADMIN.loginName, password: ADMIN.password });
      const session = (login as { ok: true; data: { session: string } }).data.session;
      const list = (await call(reopened, 'cases.list', { pageSize: 100 }, session)) as { ok: true; data: { total: number } };
      expect(list.data.total).toBe(acknowledged.length);
    } finally {
      reopened.close();
    }
  }, 60_000);

  it('a log file that cannot be written does not end the process; logging resumes when it can', async () => {
    const logsDir = path.join(mount.dir, 'logs-only');
    let now = 1_000_000;
    const logger = createLogger({ logsDir, now: () => now });
    const write = process.stderr.write.bind(process.stderr);
    const stderr: string[] = [];
    process.stderr.write = (s: string | Uint8Array) => (stderr.push(String(s)), true);
    const spare = path.join(mount.dir, 'spare-logs.bin');
    try {
      logger.info('before the disk is full');
      await new Promise((r) => setTimeout(r, 200));
      fill(spare);
      for (let i = 0; i < 300; i++) logger.info('x'.repeat(2000), { i });
      await new Promise((r) => setTimeout(r, 300));
      expect(stderr.join('')).toContain('ENOSPC');
      fs.rmSync(spare);
      now += 61_000;
      logger.info('after space was freed');
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      process.stderr.write = write;
      fs.rmSync(spare, { force: true });
      await logger.close();
    }
    const text = fs
      .readdirSync(logsDir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => fs.readFileSync(path.join(logsDir, f), 'utf8'))
      .join('');
    expect(text).toContain('after space was freed');
  });
});
