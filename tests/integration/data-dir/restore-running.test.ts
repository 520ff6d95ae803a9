/**
 * Restore in the running app (设置 › 数据与备份): the app owns its data dir, so it restores by
 * itself — verify, close, keep the current database in backups/, swap, reopen — and every
 * session must sign in again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTo } from '../../../electron/services/backup';
import { ADMIN, startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';

let app: TestApp | undefined;
afterEach(() => {
  app?.close();
  app = undefined;
});

const titlesOf = async (a: TestApp, s: string) => (await a.call('cases.list', {}, s)).rows.map((r) => r.title).sort();

describe('data.restore in the running app', () => {
  it('restores a listed backup, keeps the database it replaces, ends every session, and goes on working', async () => {
    app = await startTestApp();
    let s = await app.login();
    await app.call('cases.register', walkInCase({ title: '备份前的案件' }), s);
    await backupTo(app.backend.app.ctx.db.sqlite, path.join(app.dir, 'backups', 'manual-1.sqlite'));
    await app.call('cases.register', walkInCase({ title: '备份后的案件' }), s);

    const listed = await app.call('data.backups', {}, s);
    const manual = listed.backups.find((b) => b.name === 'manual-1.sqlite');
    expect(manual?.bytes).toBeGreaterThan(4096);
    expect(Number.isNaN(Date.parse(manual!.modifiedAt))).toBe(false);

    const result = await app.call('data.restore', { backup: 'manual-1.sqlite' }, s);
    expect(result.restoredFrom).toBe('manual-1.sqlite');
    expect(result.safetyCopy).toMatch(/^pre-restore-.*\.sqlite$/);
    // Every session ends: the old one is refused.
    await expect(app.call('cases.list', {}, s)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    s = await app.login();
    expect(await titlesOf(app, s)).toEqual(['备份前的案件']);
    expect((await app.call('data.backups', {}, s)).backups.map((b) => b.name)).toContain(result.safetyCopy);

    // The replaced database is a backup like any other: restoring it brings the later case back.
    // Sent as the renderer sends every call, with an idempotency key (a restore's answer is not kept:
    // it would be kept in the database being replaced).
    const restoredAgain = await app.raw({
      op: 'data.restore',
      input: { backup: result.safetyCopy! },
      session: s,
      idempotencyKey: 'restore-key-0001',
    });
    expect(restoredAgain).toMatchObject({ ok: true, data: { restoredFrom: result.safetyCopy } });
    s = await app.login();
    expect(await titlesOf(app, s)).toEqual(['备份前的案件', '备份后的案件']);

    // And the app writes on: a case registered now survives a restart.
    await app.call('cases.register', walkInCase({ title: '恢复后登记的案件' }), s);
    const dir = app.dir;
    app.backend.close();
    const { createBackend } = await import('../../../electron/backend');
    const { createLogger } = await import('../../../electron/services/core/logger');
    const again = createBackend({ dataDir: dir, host: 'browser', logger: createLogger({}) });
    try {
      const r = await again.invoke({ op: 'auth.login', input: { loginName: ADMIN.loginName, password: ADMIN.password } });
      const session = (r as { ok: true; data: { session: string } }).data.session;
      const list = await again.invoke({ op: 'cases.list', input: {}, session });
      expect((list as { ok: true; data: { rows: { title: string }[] } }).data.rows.map((x) => x.title).sort()).toEqual([
        '备份前的案件',
        '备份后的案件',
        '恢复后登记的案件',
      ]);
    } finally {
      again.close();
      fs.rmSync(dir, { recursive: true, force: true });
      app = undefined;
    }
  });

  it('restores an uploaded file after checking it, and refuses one that is not a mediation-desk database without changing anything', async () => {
    app = await startTestApp();
    const s = await app.login();
    await app.call('cases.register', walkInCase({ title: '上传前的案件' }), s);
    const copy = path.join(app.dir, 'copy-outside.sqlite');
    await backupTo(app.backend.app.ctx.db.sqlite, copy);
    await app.call('cases.register', walkInCase({ title: '不在上传文件中的案件' }), s);

    const junk = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 7)]);
    await expect(
      app.call('data.restore', { upload: { fileName: 'x.sqlite', contentBase64: junk.toString('base64') } }, s),
    ).rejects.toMatchObject({ code: 'REFUSED' });
    await expect(
      app.call('data.restore', { upload: { fileName: 'x.txt', contentBase64: Buffer.from('hello world').toString('base64') } }, s),
    ).rejects.toMatchObject({
      code: 'REFUSED',
      message: expect.stringContaining('不是 SQLite 数据库'),
    });
    // Refused: still signed in, both cases there, and the refused upload is not left among the backups.
    expect(await titlesOf(app, s)).toEqual(['上传前的案件', '不在上传文件中的案件'].sort());
    expect((await app.call('data.backups', {}, s)).backups.filter((b) => b.name.startsWith('uploaded-'))).toEqual([]);

    const res = await app.call(
      'data.restore',
      { upload: { fileName: '中心备份.sqlite', contentBase64: fs.readFileSync(copy).toString('base64') } },
      s,
    );
    expect(res.restoredFrom).toMatch(/^uploaded-.*\.sqlite$/);
    const s2 = await app.login();
    expect(await titlesOf(app, s2)).toEqual(['上传前的案件']);
  });

  it('refuses a name that is not a file in backups/', async () => {
    app = await startTestApp();
    const s = await app.login();
    await expect(app.call('data.restore', { backup: '../mediation.sqlite' }, s)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(app.call('data.restore', { backup: 'missing.sqlite' }, s)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await app.call('cases.list', {}, s)).total).toBe(0);
  });

  it('is for administrators only', async () => {
    app = await startTestApp();
    const s = await app.login();
    await app.call('users.create', { loginName: 'clerk1', displayName: '窗口小刘', role: 'intake', password: 'Clerk1234' }, s);
    const clerk = await app.login('clerk1', 'Clerk1234');
    await expect(app.call('data.backups', {}, clerk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.call('data.restore', { backup: 'x.sqlite' }, clerk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The free-space warning is for everybody.
    expect(typeof (await app.call('data.status', {}, clerk)).freeBytes).toBe('number');
  });
});
